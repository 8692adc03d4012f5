// @ts-check
/**
 * Runs the browser tests against the production build in Debian's Chromium (never a downloaded browser).
 * Finds the browser (CHROME_PATH, else /usr/bin/chromium), picks a free loopback port for `vite preview`,
 * and hands both to Playwright. Without a browser it skips loudly, unless CI is set, where it fails.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { createServer } from "node:net";

const browserPath = process.env.CHROME_PATH || "/usr/bin/chromium";
const inCi = Boolean(process.env.CI) && process.env.CI !== "false";

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @returns {Promise<number>} a port nobody listens on right now */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

if (!isExecutable(browserPath)) {
  const how = `install Debian's Chromium (sudo apt-get install -y chromium) or set CHROME_PATH to a Chromium binary`;
  if (inCi) {
    console.error(`FAILED browser tests: no Chromium at ${browserPath}; ${how}.`);
    process.exit(1);
  }
  console.warn(`\n*** SKIPPED browser tests: no Chromium at ${browserPath}; ${how}. ***\n`);
  process.exit(0);
}

if (!existsSync("dist/index.html")) {
  console.error("FAILED browser tests: no production build in dist/; run `npm run build` first.");
  process.exit(1);
}

const port = await freePort();
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, LEAK_LAB_CHROME: browserPath, LEAK_LAB_PORT: String(port) },
});
process.exit(result.status ?? 1);
