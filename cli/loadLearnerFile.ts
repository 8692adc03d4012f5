/**
 * The Node host's LoadModule: a learner's file transpiled (src/sandbox/transpile.ts) and evaluated with
 * `vm.compileFunction`, named by its file name so stack frames and sites read `storage.ts:67`. The only module
 * it may import is `leak-lab/runtime`, bound to the same runtime instance the checks drive. Like the browser
 * worker, it gives the code virtual timers and a console that writes to the run's log (virtualGlobals.ts), in a
 * scope around the module that shadows Node's own: a real setTimeout would fire on the wall clock, outside the run.
 */
import { basename } from "node:path";
import { compileFunction } from "node:vm";
import { clipText } from "../src/runtime/clipText.ts";
import * as runtime from "../src/runtime/index.ts";
import { lineInFile } from "../src/runtime/stack.ts";
import { transpile } from "../src/sandbox/transpile.ts";
import { learnerGlobals } from "../src/sandbox/virtualGlobals.ts";
import { LearnerCodeError } from "../src/sim/learnerCode.ts";
import type { LoadModule, ModuleExports } from "../src/sim/session.ts";

export const RUNTIME_MODULE = "leak-lab/runtime";

// `import ... from "x"`, `export ... from "x"`, `import "x"` and `import("x")`, in source text.
const IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g;

/**
 * The first import of anything but the runtime, as an error naming its line: checked before type-checking,
 * because TypeScript's own message for `import fs from "node:fs"` talks about installing type definitions.
 */
export function foreignImport(source: string, path: string): LearnerCodeError | undefined {
  const fileName = basename(path);
  for (const match of source.matchAll(IMPORT_SPECIFIER)) {
    const specifier = match[1];
    if (specifier === undefined || specifier === RUNTIME_MODULE) continue;
    const line = source.slice(0, match.index).split("\n").length;
    return new LearnerCodeError(
      `${fileName}:${line}: cannot import "${specifier}": only "${RUNTIME_MODULE}" is available`,
      fileName,
      line,
    );
  }
  return undefined;
}

/** Compiles once; each call of the returned LoadModule evaluates the module afresh. */
export function learnerModule(source: string, path: string): LoadModule {
  const fileName = basename(path);
  const result = transpile(source, fileName);
  if (!result.ok) {
    const { line, column, message } = result.error;
    throw new LearnerCodeError(`${fileName}:${line}:${column}: syntax error: ${message}`, fileName, line);
  }
  let evaluate: (...args: unknown[]) => unknown;
  try {
    evaluate = compileFunction(result.code, ["require", "exports", "module"], {
      filename: fileName,
      contextExtensions: [learnerGlobals],
    }) as typeof evaluate;
  } catch (error) {
    throw new LearnerCodeError(`${fileName}: syntax error: ${(error as Error).message}`, fileName);
  }
  const requireModule = (name: string): unknown => {
    if (name === RUNTIME_MODULE) return runtime;
    throw new LearnerCodeError(
      `${fileName}: cannot import "${name}": only "${RUNTIME_MODULE}" is available`,
      fileName,
    );
  };
  return async () => {
    const module = { exports: {} as Record<string, unknown> };
    try {
      evaluate(requireModule, module.exports, module);
    } catch (error) {
      if (error instanceof LearnerCodeError) throw error;
      const line = lineInFile(error, fileName);
      const where = line === undefined ? fileName : `${fileName}:${line}`;
      // Clipped as the browser clips it: `throw new Error("x".repeat(5e6))` would fill the terminal.
      throw new LearnerCodeError(
        `${where}: threw while loading: ${clipText((error as Error)?.message ?? String(error))}`,
        fileName,
        line,
      );
    }
    return module.exports as ModuleExports;
  };
}
