/**
 * Reports, at the end of `vite build`, the JavaScript a learner downloads before the editor is needed: the
 * entry chunk and every chunk it imports statically. Prints one line and writes `dist/bundle-report.json`,
 * which the browser tests read to check that Monaco stays out of the first page.
 */
import { gzipSync } from "node:zlib";
import type { Logger, Plugin } from "vite";

export interface BundleReport {
  /** Chunks loaded by the first page, entry first. */
  readonly initialChunks: readonly string[];
  readonly initialBytes: number;
  readonly initialGzipBytes: number;
  /** Module ids from node_modules packages in the initial chunks, by package name. */
  readonly initialPackages: readonly string[];
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function packageName(moduleId: string): string | undefined {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(moduleId);
  return match?.[1];
}

export function bundleReportPlugin(): Plugin {
  let logger: Logger | undefined;
  return {
    name: "leak-lab:bundle-report",
    apply: "build",
    configResolved(config) {
      logger = config.logger;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === "chunk");
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry) return;
      const seen = new Set<string>();
      const visit = (fileName: string) => {
        if (seen.has(fileName)) return;
        seen.add(fileName);
        const chunk = chunks.find((candidate) => candidate.fileName === fileName);
        for (const imported of chunk?.imports ?? []) visit(imported);
      };
      visit(entry.fileName);
      const initial = chunks.filter((chunk) => seen.has(chunk.fileName));
      const bytes = initial.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.code), 0);
      const gzipBytes = initial.reduce((sum, chunk) => sum + gzipSync(chunk.code, { level: 9 }).length, 0);
      const packages = new Set<string>();
      for (const chunk of initial) {
        for (const id of chunk.moduleIds) {
          const name = packageName(id);
          if (name) packages.add(name);
        }
      }
      const report: BundleReport = {
        initialChunks: [...seen],
        initialBytes: bytes,
        initialGzipBytes: gzipBytes,
        initialPackages: [...packages].sort(),
      };
      logger?.info(`first page JavaScript: ${kib(bytes)} (gzip ${kib(gzipBytes)}) in ${seen.size} chunk(s)`);
      this.emitFile({
        type: "asset",
        fileName: "bundle-report.json",
        source: JSON.stringify(report, null, 2),
      });
    },
  };
}
