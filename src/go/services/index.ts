/**
 * The lessons' Go services, by the name the course gives each (`upload`, the `service:` of a lesson's front
 * matter): the import path the learner's file is compiled as (which dumps name: `storage.(*Service).Upload`),
 * and what the simulation makes of it. A file is compiled once;
 * `load` then declares it afresh on each session's runtime, as the module the simulation builds the service from.
 */
import type { Parser } from "web-tree-sitter";
import { info } from "../../runtime/log.ts";
import { currentRuntime } from "../../runtime/runtime.ts";
import type { CompileError } from "../compileError.ts";
import { GoHost } from "../host.ts";
import { makeLib } from "../lib.ts";
import { compileGo, initialiseLibrary } from "../program.ts";
import type { GoService } from "./goService.ts";
import { rateLimitService } from "./ratelimit.ts";
import { syncService } from "./sync.ts";
import { uploadService } from "./upload.ts";

type ServiceModule = (go: GoService) => Readonly<Record<string, unknown>>;

const SERVICES: Readonly<Record<string, { readonly pkg: string; readonly module: ServiceModule }>> = {
  upload: { pkg: "storage", module: uploadService },
  sync: { pkg: "sync", module: syncService },
  ratelimit: { pkg: "middleware", module: rateLimitService },
};

/** Whether the course has the service `name` in Go. */
export function hasGoService(name: string): boolean {
  return Object.hasOwn(SERVICES, name);
}

/** The import path the service `name` is compiled as, which a test of it imports (`storage`). */
export function goServicePath(name: string): string | undefined {
  return SERVICES[name]?.pkg;
}

export type GoServiceBuild =
  | { readonly ok: true; readonly load: () => Promise<Readonly<Record<string, unknown>>> }
  | { readonly ok: false; readonly errors: readonly CompileError[]; readonly file: string };

/**
 * Compiles `source`, the file `fileName` (which sites and messages name), as the service `name`. What the
 * service prints goes to the run's log, a line an entry.
 */
export function compileGoService(
  parser: Parser,
  name: string,
  source: string,
  fileName: string,
): GoServiceBuild {
  const service = SERVICES[name];
  if (!service) throw new Error(`the course has no Go service "${name}"`);
  const compiled = compileGo(parser, source, { file: fileName, path: service.pkg });
  if (!compiled.ok) return { ok: false, errors: compiled.errors, file: compiled.file };
  return {
    ok: true,
    load: async () => {
      const print = (text: string) => {
        for (const line of text.split("\n")) if (line !== "") info(line);
      };
      const lib = makeLib({ write: print, writeStderr: print });
      const runtime = currentRuntime();
      runtime.heaps.push(() => lib.heap.reachableBytes(runtime));
      const exports = await initialiseLibrary(compiled.js, lib);
      return service.module({
        host: new GoHost(lib),
        exports: exports[service.pkg] ?? {},
        std: exports,
        pkg: compiled.name,
        file: fileName,
      });
    },
  };
}
