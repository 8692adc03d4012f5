/**
 * A learner's Go leak test as the module lesson 8's checks run (src/checks/neverAgainChecks.ts): compiled
 * against each version of the service under test, its companions, up front (a compile error is a
 * LearnerCodeError at its line), and run against the one a session's companion names.
 */
import type { Parser } from "web-tree-sitter";
import { GO_COMPANION, GO_LEAK_TEST } from "../checks/neverAgainChecks.ts";
import { compileGoTests, type GoTestResult, type PackageUnderTest, testNames } from "../go/goTests.ts";
import { LearnerCodeError } from "../sim/learnerCode.ts";
import type { LoadModule, ModuleExports } from "../sim/session.ts";
import { goCompileError } from "./goServiceModule.ts";

/** The tests of `source` (the file `fileName`), run against the versions of the package under test, by name. */
export function goTestModule(
  parser: Parser,
  source: string,
  fileName: string,
  versions: Readonly<Record<string, PackageUnderTest>>,
): LoadModule {
  if (testNames(source).length === 0)
    throw new LearnerCodeError(`${fileName} has no Test function (func TestXxx(t *testing.T))`, fileName);
  const builds = new Map<string, () => Promise<GoTestResult[]>>();
  for (const [name, tested] of Object.entries(versions)) {
    const built = compileGoTests(parser, source, fileName, tested);
    if (!built.ok) throw goCompileError(built.errors, built.file, fileName);
    builds.set(name, built.run);
  }
  const runAgainst = async (companion: ModuleExports | undefined): Promise<GoTestResult[]> => {
    const run = builds.get(String(companion?.[GO_COMPANION]));
    if (!run) throw new Error("the Go test has no version of the service to run against");
    return run();
  };
  return async () => ({ [GO_LEAK_TEST]: { runAgainst } });
}

/** A companion of a Go test: the version of the service it names. */
export function goCompanion(name: string): LoadModule {
  return async () => ({ [GO_COMPANION]: name });
}
