import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import mdx from "@mdx-js/rollup";
import react from "@vitejs/plugin-react";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import { defineConfig } from "vitest/config";
import { bundleReportPlugin } from "./build/bundleReport.ts";
import { cspPlugin } from "./build/cspPlugin.ts";
import { lessonsPlugin } from "./build/lessonsPlugin.ts";
import { runtimeTypesPlugin } from "./build/runtimeTypesPlugin.ts";
import { serviceWorkerPlugin } from "./build/serviceWorkerPlugin.ts";

/**
 * The path the site is served from: `/` unless `LEAK_LAB_BASE` says otherwise, e.g.
 * `LEAK_LAB_BASE=/workshops/leak-lab/ npm run build` for https://example.org/workshops/leak-lab/. Always
 * absolute, with a slash at each end, as Vite's `base` and the router (src/state/route.ts) expect it.
 */
function basePath(value: string | undefined): string {
  const trimmed = (value ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

export default defineConfig({
  base: basePath(process.env.LEAK_LAB_BASE),
  plugins: [
    lessonsPlugin(),
    runtimeTypesPlugin(),
    // MDX before React so lesson bodies become components React's plugin then handles like any JSX.
    { enforce: "pre", ...mdx({ remarkPlugins: [remarkFrontmatter, remarkGfm] }) },
    react(),
    bundleReportPlugin(),
    cspPlugin(),
    serviceWorkerPlugin(),
  ],
  resolve: {
    // The one module learner code imports; lesson files are plain TypeScript against it.
    alias: { "leak-lab/runtime": fileURLToPath(new URL("./src/runtime/index.ts", import.meta.url)) },
  },
  worker: { format: "es" },
  build: {
    target: "es2022",
    sourcemap: true,
    // Monaco's core is ~2.7 MB before gzip and cannot be split further; it loads lazily with the editor,
    // and the first page's size is reported (and checked) by bundleReportPlugin instead.
    chunkSizeWarningLimit: 3000,
    // Rolldown's per-plugin timing report is noise in every `npm test`; `node --cpu-prof` answers that question.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  test: {
    include: ["src/**/*.test.ts", "build/**/*.test.ts", "cli/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // realHeap.test.ts weighs the real V8 heap between garbage collections.
    execArgv: ["--expose-gc"],
    // Vitest's default is cores - 1 workers: on two cores one, which runs the files one after another.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
