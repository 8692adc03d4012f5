/**
 * Serves `virtual:runtime-types`: the declarations of `leak-lab/runtime` and the learner globals, emitted from
 * the source at build time (and on each change in dev) by emitRuntimeTypes.ts, never a copy kept by hand, and
 * the compiler options of tsconfig.learner.json for Monaco's TypeScript worker. Only the lazily loaded editor
 * imports it, so the first page does not carry it.
 */
import type { Plugin, ViteDevServer } from "vite";
import { emitRuntimeTypes, isEditorTypesSource } from "./emitRuntimeTypes.ts";
import { learnerCompilerOptions } from "./learnerCompilerOptions.ts";

const PUBLIC_ID = "virtual:runtime-types";
const RESOLVED_ID = `\0${PUBLIC_ID}`;

export function runtimeTypesPlugin(): Plugin {
  let root = process.cwd();
  let server: ViteDevServer | undefined;
  return {
    name: "leak-lab:runtime-types",
    configResolved(config) {
      root = config.root;
    },
    configureServer(devServer) {
      server = devServer;
      // Monaco takes its extra libs once, at start: a changed runtime reloads the page with new declarations.
      devServer.watcher.on("change", (path) => {
        if (!isEditorTypesSource(root, path)) return;
        const module = devServer.moduleGraph.getModuleById(RESOLVED_ID);
        if (!module) return;
        devServer.moduleGraph.invalidateModule(module);
        devServer.ws.send({ type: "full-reload" });
      });
    },
    resolveId(id) {
      return id === PUBLIC_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      try {
        const libs = JSON.stringify(emitRuntimeTypes(root), null, 2);
        const options = JSON.stringify(learnerCompilerOptions(root), null, 2);
        return `export const runtimeLibs = ${libs};\nexport const learnerCompilerOptions = ${options};\n`;
      } catch (error) {
        // In dev, show the overlay and keep serving; in a build, fail it.
        if (server) server.config.logger.error((error as Error).message);
        throw error;
      }
    },
  };
}
