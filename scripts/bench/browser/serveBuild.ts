/**
 * The production build the browser bench measures, served by `vite preview` on 127.0.0.1 on a free port.
 * It always builds, from the current sources, into its own folder (node_modules/.cache/leak-lab-bench), never
 * into dist/: the figures are then always of the code in the tree, and a browser test running on dist/ at the
 * same time is not disturbed. The build takes a few seconds; `minify: false` keeps function names for
 * `--profile`, whose attribution would otherwise name mangled functions.
 */
import { createServer } from "node:net";
import { build, type PreviewServer, preview } from "vite";

const OUT_DIR = "node_modules/.cache/leak-lab-bench";

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
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

export interface ServedBuild {
  readonly baseURL: string;
  /** Where the build is, with its source maps. */
  readonly outDir: string;
  close(): Promise<void>;
}

export async function buildAndServe(options: { readonly minify: boolean }): Promise<ServedBuild> {
  const outDir = `${OUT_DIR}/${options.minify ? "min" : "plain"}`;
  await build({ logLevel: "error", build: { outDir, emptyOutDir: true, minify: options.minify } });
  const port = await freePort();
  const server: PreviewServer = await preview({
    logLevel: "error",
    build: { outDir },
    preview: { host: "127.0.0.1", port, strictPort: true, open: false },
  });
  return {
    baseURL: `http://127.0.0.1:${port}`,
    outDir,
    close: () => server.close(),
  };
}
