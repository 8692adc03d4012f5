/**
 * Emits the declarations of `leak-lab/runtime` from its source, as the editor's TypeScript worker needs them:
 * JSDoc kept (hovers show it), `@internal` members stripped (tsconfig.runtime-types.json). It runs the repo's
 * `tsc` into a temporary folder and reads the result back, well under a second.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tscPath } from "./tscPath.ts";

/** One declaration file for Monaco's `addExtraLib`, at the path the learner's import resolves to. */
export interface ExtraLib {
  readonly path: string;
  readonly content: string;
}

/** Where `import ... from "leak-lab/runtime"` finds its types under `moduleResolution: "bundler"`. */
export const RUNTIME_TYPES_DIR = "file:///node_modules/leak-lab/runtime";
/** The sandbox's globals: a script, not a module, so its declarations are global wherever it sits. */
export const GLOBALS_PATH = "file:///leak-lab/learnerGlobals.d.ts";

/** The files whose change means the editor's types and compiler options must be made again. */
export function isEditorTypesSource(root: string, path: string): boolean {
  if (path === join(root, "src/sandbox/learnerGlobals.d.ts")) return true;
  if (path.startsWith(join(root, "tsconfig")) && path.endsWith(".json")) return true;
  return path.startsWith(join(root, "src/runtime/")) && path.endsWith(".ts") && !path.endsWith(".test.ts");
}

/** The runtime's declarations and the learner globals, or an error with tsc's own output. */
export function emitRuntimeTypes(root: string): ExtraLib[] {
  const outDir = mkdtempSync(join(tmpdir(), "leak-lab-runtime-types-"));
  try {
    const result = spawnSync(
      process.execPath,
      [tscPath(), "-p", join(root, "tsconfig.runtime-types.json"), "--outDir", outDir, "--pretty", "false"],
      { cwd: root, encoding: "utf8" },
    );
    if (result.status !== 0) {
      const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim() || String(result.error);
      throw new Error(`could not emit the declarations of leak-lab/runtime:\n${output}`);
    }
    const libs = readdirSync(outDir)
      .filter((name) => name.endsWith(".d.ts"))
      .sort()
      .map((name) => ({
        path: `${RUNTIME_TYPES_DIR}/${name}`,
        content: readFileSync(join(outDir, name), "utf8"),
      }));
    if (!libs.some((lib) => lib.path.endsWith("/index.d.ts"))) {
      throw new Error("could not emit the declarations of leak-lab/runtime: tsc wrote no index.d.ts");
    }
    const globals = readFileSync(join(root, "src/sandbox/learnerGlobals.d.ts"), "utf8");
    return [...libs, { path: GLOBALS_PATH, content: globals }];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
