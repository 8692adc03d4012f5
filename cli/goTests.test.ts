/**
 * Go test files as Leak Lab runs them for lesson 8 (src/go/goTests.ts, std/testing.ts): each Test function with a
 * fresh *testing.T, what it logs and whether it failed, as `go test -v` would report them.
 */
import { describe, expect, it } from "vitest";
import { compileGoTests, type GoTestResult } from "../src/go/goTests.ts";
import { activate, Runtime } from "../src/runtime/runtime.ts";
import { nodeGoParser } from "./go.ts";

const CALC = {
  path: "calc",
  file: "calc.go",
  source: "package calc\n\nfunc Add(a, b int) int { return a + b }\n",
};

const TESTS = `package calc_test

import (
	"calc"
	"testing"
)

func TestAdds(t *testing.T) {
	if got := calc.Add(1, 2); got != 3 {
		t.Errorf("Add(1, 2) = %d, want 3", got)
	}
}

func TestFatalStops(t *testing.T) {
	t.Cleanup(func() { t.Log("cleanup 1") })
	t.Cleanup(func() { t.Log("cleanup 2") })
	t.Fatal("stop", 1)
	t.Log("not reached")
}

func TestErrorGoesOn(t *testing.T) {
	t.Error("first")
	t.Errorf("second: %v %v", []any{"x", 2}...)
}

func TestPanics(t *testing.T) {
	var m map[string]int
	m["x"] = 1
}

func TestHelperAndName(t *testing.T) {
	t.Helper()
	t.Log(t.Name(), t.Failed())
}
`;

async function run(source: string): Promise<GoTestResult[]> {
  const built = compileGoTests(await nodeGoParser(), source, "calc_test.go", CALC);
  if (!built.ok) throw new Error(built.errors.map((e) => e.message).join("\n"));
  const runtime = new Runtime({ seed: 1 });
  activate(runtime);
  let results: GoTestResult[] = [];
  runtime.go(async () => {
    results = await built.run();
  });
  await runtime.run();
  return results;
}

describe("a Go test file", () => {
  it("runs each Test function with a fresh T, in the order declared, with what it logged", async () => {
    expect(await run(TESTS)).toEqual([
      { name: "TestAdds", failed: false, output: "" },
      // Fatal ends the test; its cleanups run after it, last registered first.
      { name: "TestFatalStops", failed: true, output: "stop 1\ncleanup 2\ncleanup 1" },
      { name: "TestErrorGoesOn", failed: true, output: "first\nsecond: x 2" },
      { name: "TestPanics", failed: true, output: "panic: assignment to entry in nil map" },
      { name: "TestHelperAndName", failed: false, output: "TestHelperAndName false" },
    ]);
  });

  it("runs only func TestXxx(t *testing.T): not Testify, not a helper of another signature", async () => {
    const more = `${TESTS}\nfunc Testify(t *testing.T) { t.Fail() }\n\nfunc TestWithout(n int) int { return n }\n`;
    expect((await run(more)).map((result) => result.name)).toEqual([
      "TestAdds",
      "TestFatalStops",
      "TestErrorGoesOn",
      "TestPanics",
      "TestHelperAndName",
    ]);
  });

  it("is compiled against the package under test: a wrong call is Go's compile error", async () => {
    const built = compileGoTests(
      await nodeGoParser(),
      TESTS.replace("calc.Add(1, 2)", 'calc.Add("1", 2)'),
      "calc_test.go",
      CALC,
    );
    expect(built.ok ? [] : built.errors.map((e) => `${e.line}:${e.column}: ${e.message}`)).toEqual([
      '9:21: cannot use "1" (untyped string constant) as int value in argument to calc.Add',
    ]);
  });
});
