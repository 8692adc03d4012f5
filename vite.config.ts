import { fileURLToPath } from "node:url";
import mdx from "@mdx-js/rollup";
import react from "@vitejs/plugin-react";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import { defineConfig } from "vitest/config";
import { bundleReportPlugin } from "./build/bundleReport.ts";
import { lessonsPlugin } from "./build/lessonsPlugin.ts";
import { runtimeTypesPlugin } from "./build/runtimeTypesPlugin.ts";

export default defineConfig({
  plugins: [
    lessonsPlugin(),
    runtimeTypesPlugin(),
    // MDX before React so lesson bodies become components React's plugin then handles like any JSX.
    { enforce: "pre", ...mdx({ remarkPlugins: [remarkFrontmatter, remarkGfm] }) },
    react(),
    bundleReportPlugin(),
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
  },
});
