/**
 * The compiler options of tsconfig.learner.json in the form Monaco's TypeScript worker takes them, so the
 * editor marks exactly what the grader's type check rejects. `tsc --showConfig` resolves the file (comments,
 * defaults, lower-case names); this turns its names into the compiler's enum numbers and lib file names, and
 * refuses a value it does not know rather than guess.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { tscPath } from "./tscPath.ts";

// The numbers of TypeScript's own enums (ScriptTarget, ModuleKind, ModuleResolutionKind), which Monaco's
// worker passes straight to its compiler.
const TARGETS: Readonly<Record<string, number>> = {
  es2020: 7,
  es2021: 8,
  es2022: 9,
  es2023: 10,
  es2024: 11,
  esnext: 99,
};
const MODULES: Readonly<Record<string, number>> = { es2020: 6, es2022: 7, esnext: 99, preserve: 200 };
const RESOLUTIONS: Readonly<Record<string, number>> = { node10: 2, bundler: 100 };
/** Options that only make sense on disk: the runtime's types come from the worker's extra libs instead. */
const DROPPED = new Set(["paths", "baseUrl", "rootDir", "outDir"]);

export type MonacoCompilerOptions = Record<string, boolean | number | string[]>;

function enumValue(table: Readonly<Record<string, number>>, option: string, value: unknown): number {
  const number = typeof value === "string" ? table[value.toLowerCase()] : undefined;
  if (number === undefined) {
    throw new Error(`tsconfig.learner.json: ${option} ${JSON.stringify(value)} is not known to the editor`);
  }
  return number;
}

/** Converts the `compilerOptions` printed by `tsc --showConfig`. */
export function toMonacoCompilerOptions(options: Readonly<Record<string, unknown>>): MonacoCompilerOptions {
  const converted: MonacoCompilerOptions = {};
  for (const [option, value] of Object.entries(options)) {
    if (DROPPED.has(option)) continue;
    if (option === "target") converted[option] = enumValue(TARGETS, option, value);
    else if (option === "module") converted[option] = enumValue(MODULES, option, value);
    else if (option === "moduleResolution") converted[option] = enumValue(RESOLUTIONS, option, value);
    // Monaco's worker serves its bundled lib files by file name, e.g. `lib.es2023.d.ts`.
    else if (option === "lib" && Array.isArray(value))
      converted[option] = value.map((lib) => `lib.${lib}.d.ts`);
    else if (option === "types" && Array.isArray(value)) converted[option] = value.map(String);
    else if (typeof value === "boolean") converted[option] = value;
    else
      throw new Error(`tsconfig.learner.json: ${option} ${JSON.stringify(value)} is not known to the editor`);
  }
  return converted;
}

/** tsconfig.learner.json's options, resolved by tsc and converted for Monaco. */
export function learnerCompilerOptions(root: string): MonacoCompilerOptions {
  const result = spawnSync(
    process.execPath,
    [tscPath(), "-p", join(root, "tsconfig.learner.json"), "--showConfig"],
    { cwd: root, encoding: "utf8" },
  );
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim() || String(result.error);
    throw new Error(`could not read tsconfig.learner.json:\n${output}`);
  }
  const config = JSON.parse(result.stdout) as { compilerOptions?: Record<string, unknown> };
  return toMonacoCompilerOptions(config.compilerOptions ?? {});
}
