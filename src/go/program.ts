/**
 * A Go program run as `go run` runs it, on Leak Lab's runtime and virtual clock: its output, and an exit status
 * Go's: 0 when main returns (whatever other goroutines are doing), 2 after an unrecovered panic or a fatal error
 * (the deadlock of a main blocked with nothing left to wake it), the code os.Exit was given.
 */
import type { Parser } from "web-tree-sitter";
import { Runtime } from "../runtime/runtime.ts";
import { CompileError, CompileErrors } from "./compileError.ts";
import { type GoLib, makeLib } from "./lib.ts";
import { translate } from "./translate.ts";
import { GoExit, GoPanic } from "./values.ts";

export interface ProgramResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export type Compiled =
  | { readonly ok: true; readonly js: string }
  | { readonly ok: false; readonly errors: readonly CompileError[] };

/** Parses, checks and translates one `package main` file. */
export function compileGo(parser: Parser, source: string): Compiled {
  const tree = parser.parse(source);
  if (!tree) return { ok: false, errors: [new CompileError(1, 1, "the Go parser gave no tree")] };
  try {
    return { ok: true, js: translate(tree).js };
  } catch (error) {
    if (error instanceof CompileErrors) return { ok: false, errors: error.errors };
    if (error instanceof CompileError) return { ok: false, errors: [error] };
    throw error;
  } finally {
    tree.delete();
  }
}

const AsyncFunction = (async () => {}).constructor as new (
  ...args: string[]
) => (...args: unknown[]) => Promise<unknown>;

/** Runs a compiled program to its end on a fresh runtime, flat out on the virtual clock. */
export async function runCompiled(js: string, options: { seed?: number } = {}): Promise<ProgramResult> {
  let stdout = "";
  const lib = makeLib({ write: (text) => (stdout += text) });
  const runtime = new Runtime({ seed: options.seed ?? 1 });
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
  if (mainReturned || outcome.kind === "exited") return { stdout, stderr: "", exitCode: 0 };
  switch (outcome.kind) {
    case "deadlock":
      return { stdout, stderr: `fatal error: ${outcome.message}\n`, exitCode: 2 };
    case "panic":
      return { stdout, ...(await panicReport(outcome.error, outcome.task.id, lib)) };
    default:
      return { stdout, stderr: `leak-lab: the run ended early (${outcome.kind})\n`, exitCode: 1 };
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
