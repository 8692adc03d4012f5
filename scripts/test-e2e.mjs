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

/**
 * e2e/subpath.spec.ts serves a second build made for a sub-path. It is made here, before the browser tests
 * start, so its build does not compete for the CPU with tests that time real workers; only when that spec runs.
 */
const SUBPATH_SPEC = "e2e/subpath.spec.ts";
const SUBPATH_BASE = "/workshops/leak-lab/";
const SUBPATH_DIST = "node_modules/.cache/leak-lab-subpath";
const args = process.argv.slice(2);
const filters = args.filter((arg) => !arg.startsWith("-"));
/** @param {string} filter */
const selects = (filter) => {
  try {
    return new RegExp(filter).test(SUBPATH_SPEC);
  } catch {
    return SUBPATH_SPEC.includes(filter);
  }
};
/** @type {Record<string, string>} */
const subpathEnv = {};
if (filters.length === 0 || filters.some(selects)) {
  const build = spawnSync(
    process.execPath,
    [
      "node_modules/vite/bin/vite.js",
      "build",
      "--outDir",
      SUBPATH_DIST,
      "--emptyOutDir",
      // Source maps are no part of what the spec checks (the base in links, requests, workers and the service
      // worker's scope; maps are not precached): without them the build takes a third less time.
      "--sourcemap",
      "false",
      "--logLevel",
      "warn",
    ],
    { stdio: "inherit", env: { ...process.env, LEAK_LAB_BASE: SUBPATH_BASE } },
  );
  if (build.status !== 0) {
    console.error(`FAILED browser tests: the build for ${SUBPATH_BASE} failed.`);
    process.exit(1);
  }
  Object.assign(subpathEnv, { LEAK_LAB_SUBPATH_DIST: SUBPATH_DIST, LEAK_LAB_SUBPATH_BASE: SUBPATH_BASE });
}

const port = await freePort();
const result = spawnSync("npx", ["playwright", "test", ...args], {
  stdio: "inherit",
  env: { ...process.env, ...subpathEnv, LEAK_LAB_CHROME: browserPath, LEAK_LAB_PORT: String(port) },
});
process.exit(result.status ?? 1);
