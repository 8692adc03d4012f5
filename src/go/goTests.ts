/**
 * A Go test file run as `go test` runs it, for a host that grades a leak test: the file (package `x_test`)
 * compiled with the package under test it imports, and each of its Test functions called with a fresh
 * *testing.T (std/testing.ts) in the calling goroutine. FailNow ends a test without ending the program; its
 * deferred calls have run by then, and its cleanups run after it, last first.
 */
import type { Parser } from "web-tree-sitter";
import type { CompileError } from "./compileError.ts";
import { makeLib } from "./lib.ts";
import { compileGo, initialiseLibrary } from "./program.ts";
import { GoPanic, type GoSlice } from "./values.ts";

/** What one Test function did: whether it failed, and what it logged (t.Error's text among it). */
export interface GoTestResult {
  readonly name: string;
  readonly failed: boolean;
  readonly output: string;
}

/** The package the tests test: its import path and its one file. */
export interface PackageUnderTest {
  readonly path: string;
  readonly file: string;
  readonly source: string;
}

export type GoTestBuild =
  | { readonly ok: true; readonly run: () => Promise<GoTestResult[]> }
  | { readonly ok: false; readonly errors: readonly CompileError[]; readonly file: string };

/** testing.T's fields (std/testing.ts), as the host makes one. */
interface TestingT {
  name: string;
  failed: boolean;
  output: GoSlice<string> | null;
  cleanups: GoSlice<() => Promise<unknown>> | null;
}

/** The file's Test functions, `func TestXxx(t *testing.T)`, in the order they are declared, as go test runs them. */
export function testNames(source: string): string[] {
  return [...source.matchAll(/^func (Test(?![a-z])\w*)\s*\(\s*\w+\s+\*testing\.T\s*\)/gm)].map(
    (m) => m[1] as string,
  );
}

/**
 * Compiles `source` (the file `fileName`) against `tested`; `run` then declares the program on the active
 * runtime and runs its Test functions in turn, in the calling goroutine, in the order they are declared.
 */
export function compileGoTests(
  parser: Parser,
  source: string,
  fileName: string,
  tested: PackageUnderTest,
): GoTestBuild {
  const path = `${tested.path}_test`;
  const compiled = compileGo(parser, source, {
    file: fileName,
    path,
    packages: (importPath) => (importPath === tested.path ? tested : undefined),
  });
  if (!compiled.ok) return { ok: false, errors: compiled.errors, file: compiled.file };
  return {
    ok: true,
    run: async () => {
      const lib = makeLib({ write: () => {}, writeStderr: () => {} });
      const exports = await initialiseLibrary(compiled.js, lib);
      const results: GoTestResult[] = [];
      for (const name of testNames(source)) {
        results.push(await runTest(name, exports[path]?.[name] as (t: TestingT) => Promise<unknown>, lib));
      }
      return results;
    },
  };
}

async function runTest(
  name: string,
  test: (t: TestingT) => Promise<unknown>,
  lib: ReturnType<typeof makeLib>,
): Promise<GoTestResult> {
  const t: TestingT = { name, failed: false, output: null, cleanups: null };
  const ended = async (body: () => Promise<unknown>) => {
    try {
      await body();
    } catch (error) {
      if (!(error instanceof GoPanic)) throw error;
      // t.FailNow's panic ends the test; any other panic fails it, as go test reports one.
      if (error.value?.key !== "testing.failNow") {
        t.failed = true;
        t.output = lib.append(
          t.output,
          [`panic: ${await lib.panicText(error.value)}`],
          16,
          false,
        ) as GoSlice<string>;
      }
    }
  };
  await ended(() => test(t));
  for (let i = (t.cleanups?.length ?? 0) - 1; i >= 0; i--) {
    const cleanup = (t.cleanups as GoSlice<() => Promise<unknown>>).get(i);
    await ended(() => cleanup());
  }
  const output: string[] = [];
  for (let i = 0; i < (t.output?.length ?? 0); i++) output.push((t.output as GoSlice<string>).get(i));
  return { name, failed: t.failed, output: output.join("\n") };
}
