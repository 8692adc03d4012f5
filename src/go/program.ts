/**
 * A Go program run as `go run` runs it, on Leak Lab's runtime and virtual clock: its output, and an exit status
 * Go's: 0 when main returns (whatever other goroutines are doing), 2 after an unrecovered panic or a fatal error
 * (the deadlock of a main blocked with nothing left to wake it), the code os.Exit was given.
 */
import type { Node, Parser } from "web-tree-sitter";
import { Runtime } from "../runtime/runtime.ts";
import { CompileError, CompileErrors, errorAt } from "./compileError.ts";
import { type GoLib, makeLib } from "./lib.ts";
import { PACKAGES } from "./packages.ts";
import { STD_SOURCES } from "./std/index.ts";
import { type Translation, translate } from "./translate.ts";
import { GoExit, GoPanic } from "./values.ts";

export interface ProgramResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export type Compiled =
  | {
      readonly ok: true;
      readonly js: string;
      /** The name the file's package clause gives its package (`main` for a program). */
      readonly name: string;
    }
  | {
      readonly ok: false;
      readonly errors: readonly CompileError[];
      /** The file the errors are in, and its package's import path (`main` for the program's own file). */
      readonly file: string;
      readonly pkg: string;
    };

/** The program's own packages, by import path: the one file of each, or undefined for a path it has not. */
export type PackageSource = (
  importPath: string,
) => { readonly file: string; readonly source: string } | undefined;

/** A package that failed to compile: why, and where. */
class PackageFailure extends Error {
  constructor(
    readonly errors: readonly CompileError[],
    readonly file: string,
    readonly pkg: string,
  ) {
    super(errors.map((e) => e.message).join("\n"));
  }
}

/**
 * Every package of a compiled library, by import path: its exported functions and variables (read when asked,
 * so a variable's latest value), by their Go names.
 */
export type PackageExports = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/**
 * Parses, checks and translates a `package main` file and the program's own packages it imports (first, as Go
 * initialises them): one JavaScript body that returns main. With `path`, the file is the package of that import
 * path instead (a service a host drives), and the body returns every package's exports (PackageExports).
 */
export function compileGo(
  parser: Parser,
  source: string,
  options: { readonly file?: string; readonly packages?: PackageSource; readonly path?: string } = {},
): Compiled {
  const translated = new Map<string, Translation>();
  const order: Translation[] = [];
  const visiting = new Set<string>();
  const packages = options.packages ?? (() => undefined);

  const compilePackage = (file: string, text: string, path: string, prefix: string): Translation => {
    const tree = parser.parse(text);
    if (!tree) throw new PackageFailure([new CompileError(1, 1, "the Go parser gave no tree")], file, path);
    try {
      visiting.add(path);
      for (const [importPath, at] of importsOf(tree.rootNode)) {
        if (translated.has(importPath) || importPath in PACKAGES) continue;
        if (visiting.has(importPath))
          throw new PackageFailure([errorAt(at, "import cycle not allowed")], file, path);
        const std = STD_SOURCES[importPath];
        const imported =
          std !== undefined ? { file: `$GOROOT/src/${importPath}.go`, source: std } : packages(importPath);
        if (imported) compilePackage(imported.file, imported.source, importPath, `P${translated.size + 1}$`);
      }
      visiting.delete(path);
      const name = path === "main" ? "main" : packageName(tree.rootNode);
      const translation = translate(tree, { name, path, file, prefix }, translated);
      translated.set(path, translation);
      order.push(translation);
      return translation;
    } catch (error) {
      if (error instanceof CompileErrors) throw new PackageFailure(error.errors, file, path);
      if (error instanceof CompileError) throw new PackageFailure([error], file, path);
      throw error;
    } finally {
      tree.delete();
    }
  };

  let root: Translation;
  try {
    root = compilePackage(options.file ?? "main.go", source, options.path ?? "main", "");
  } catch (error) {
    if (error instanceof PackageFailure)
      return { ok: false, errors: error.errors, file: error.file, pkg: error.pkg };
    throw error;
  }
  const result = options.path === undefined ? "main" : exportsTable(order);
  return { ok: true, js: [...order.map((t) => t.js), `return ${result};`].join("\n"), name: root.unit.name };
}

/** A JavaScript object literal of PackageExports: a getter for each exported function and variable. */
function exportsTable(order: readonly Translation[]): string {
  const packages = order.map((translation) => {
    const members = translation.scope
      .entries()
      .filter(
        ([name, binding]) => /^\p{Lu}/u.test(name) && (binding.kind === "func" || binding.kind === "var"),
      )
      .map(([name, binding]) => `get ${name}() { return ${(binding as { js: string }).js}; }`);
    return `${JSON.stringify(translation.unit.path)}: { ${members.join(", ")} }`;
  });
  return `{ ${packages.join(", ")} }`;
}

/** The import paths a file names, each with its spec. */
function importsOf(root: Node): [string, Node][] {
  const specs: [string, Node][] = [];
  const visit = (node: Node) => {
    if (node.type === "import_spec") {
      const path = node.childForFieldName("path");
      if (path) specs.push([path.text.slice(1, -1), node]);
      return;
    }
    for (const child of node.namedChildren) if (child) visit(child);
  };
  for (const child of root.namedChildren) if (child?.type === "import_declaration") visit(child);
  return specs;
}

function packageName(root: Node): string {
  const clause = root.namedChildren.find((c) => c?.type === "package_clause");
  return clause?.namedChildren[0]?.text ?? "main";
}

const AsyncFunction = (async () => {}).constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<unknown>;

/**
 * Declares and initialises a compiled library (compileGo with `path`) on the active runtime, with `lib` as its
 * `$`, and returns its exports. Package initialisation must not block here: there is no goroutine to block.
 */
export async function initialiseLibrary(js: string, lib: GoLib): Promise<PackageExports> {
  const initialise = new AsyncFunction("$", js) as (lib: GoLib) => Promise<PackageExports>;
  return initialise(lib);
}

/**
 * Runs a compiled program to its end, flat out on the virtual clock, on a fresh runtime or on `runtime` (whose
 * counters the caller then reads: the bench's task switches).
 */
export async function runCompiled(
  js: string,
  options: { seed?: number; runtime?: Runtime } = {},
): Promise<ProgramResult> {
  let stdout = "";
  let stderr = "";
  const lib = makeLib({ write: (text) => (stdout += text), writeStderr: (text) => (stderr += text) });
  const runtime = options.runtime ?? new Runtime({ seed: options.seed ?? 1 });
  const initialise = new AsyncFunction("$", js) as (lib: GoLib) => Promise<() => Promise<void>>;
  let mainReturned = false;
  runtime.go(async () => {
    // Package initialisation runs in the main goroutine before main, as in Go: it may block, or panic.
    const main = await initialise(lib);
    await main();
    // main returning ends the program: every other goroutine simply stops.
    mainReturned = true;
    runtime.stop();
  });
  const outcome = await runtime.run();
  // What the program wrote to standard error comes first; then, for a program that did not end well, why.
  const ending = await programEnding(outcome, mainReturned, lib);
  return { stdout, stderr: stderr + ending.stderr, exitCode: ending.exitCode };
}

async function programEnding(
  outcome: Awaited<ReturnType<Runtime["run"]>>,
  mainReturned: boolean,
  lib: GoLib,
): Promise<{ stderr: string; exitCode: number }> {
  if (mainReturned || outcome.kind === "exited") return { stderr: "", exitCode: 0 };
  switch (outcome.kind) {
    case "deadlock":
      return { stderr: `fatal error: ${outcome.message}\n`, exitCode: 2 };
    case "panic":
      return panicReport(outcome.error, outcome.task.id, lib);
    default:
      return { stderr: `leak-lab: the run ended early (${outcome.kind})\n`, exitCode: 1 };
  }
}

/** What Go prints for an unrecovered panic, and its status. */
async function panicReport(
  error: unknown,
  goroutine: number,
  lib: GoLib,
): Promise<{ stderr: string; exitCode: number }> {
  if (error instanceof GoExit) return { stderr: "", exitCode: error.code };
  if (error instanceof GoPanic) {
    if (error.fatal) return { stderr: `fatal error: ${error.fatal}\n`, exitCode: 2 };
    // Earlier panics of the goroutine first, as Go prints them: "panic: 1 [recovered]", then "\tpanic: 2".
    const chain: string[] = [];
    for (let p: GoPanic["previous"] = { panic: error, recovered: false }; p; p = p.panic.previous) {
      chain.unshift(`${await lib.panicText(p.panic.value)}${p.recovered ? " [recovered]" : ""}`);
    }
    const lines = chain.map((text, i) => `${i === 0 ? "" : "\t"}panic: ${text}`);
    return { stderr: `${lines.join("\n")}\n\ngoroutine ${goroutine} [running]:\n`, exitCode: 2 };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { stderr: `leak-lab: internal error: ${message}\n`, exitCode: 1 };
}
