/**
 * Lesson 8's checks: the learner's leak test, run against lesson 4's upload service twice — the leaky starter,
 * where a good test fails with goleak's report, and the fixed solution, where it passes. A test that passes on
 * both catches nothing; one that fails on both, or fails for another reason, tests something else.
 */
import { LeakError } from "../runtime/leaktest.ts";
import { LearnerCodeError, thrownMessage } from "../sim/learnerCode.ts";
import type { Session } from "../sim/session.ts";
import { ClientView, MemoryBlobStore, type UploadServiceLike } from "../sim/uploadTraffic.ts";
import type { CheckContext, LessonChecks, Scenario, ScenarioResult } from "./lessonChecks.ts";
import { fail, pass } from "./report.ts";

const FILE = "leak.test.ts";
const TEST_NAME = "testUploadLeavesNothingRunning";
/** Virtual time a test may take: uploads take seconds, verifyNone one more. */
const HORIZON_MS = 10 * 60_000;

interface StorageService extends UploadServiceLike {
  close(): void;
}

type TestOutcome =
  | { readonly kind: "passed" }
  | { readonly kind: "leak"; readonly message: string }
  | { readonly kind: "failed"; readonly message: string }
  | { readonly kind: "unfinished" };

/** The export of a leak test written in Go (src/sandbox/goTestModule.ts), and of each Go companion. */
export const GO_LEAK_TEST = "goLeakTest";
export const GO_COMPANION = "goCompanion";

/** A Go leak test: its Test functions run, as `go test` runs them, against a companion's version of the service. */
interface GoLeakTest {
  runAgainst(
    companion: Readonly<Record<string, unknown>> | undefined,
  ): Promise<readonly { readonly name: string; readonly failed: boolean; readonly output: string }[]>;
}

/** What a Go test's run says: the first failing test, by goleak's report or by what it logged. */
async function runGoTest(session: Session, test: GoLeakTest): Promise<TestOutcome> {
  let outcome: TestOutcome = { kind: "unfinished" };
  session.spawn(async () => {
    const failed = (await test.runAgainst(session.companion)).find((result) => result.failed);
    if (!failed) outcome = { kind: "passed" };
    else if (failed.output.includes("found unexpected goroutines"))
      outcome = { kind: "leak", message: failed.output };
    else outcome = { kind: "failed", message: failed.output || `${failed.name} failed` };
  }, TEST_NAME);
  await session.runUntil(HORIZON_MS);
  return outcome;
}

/** Runs the learner's test function against the session's companion service (an internal task, like a host). */
async function runLearnerTest(session: Session, fileName: string): Promise<TestOutcome> {
  // By the file, not by what the module exports: a TypeScript test must not pass itself off as a Go one.
  if (fileName.endsWith(".go")) return runGoTest(session, session.exports[GO_LEAK_TEST] as GoLeakTest);
  const test = session.exports[TEST_NAME];
  if (typeof test !== "function") {
    throw new LearnerCodeError(`${fileName} must export the function ${TEST_NAME}(makeService)`, fileName);
  }
  const Service = session.companion?.StorageService as
    | (new (
        blobs: MemoryBlobStore,
        notifier: ClientView["notifier"],
      ) => StorageService)
    | undefined;
  if (typeof Service !== "function") throw new Error("the upload service did not load");
  const makeService = () => new Service(new MemoryBlobStore(), new ClientView().notifier);
  let outcome: TestOutcome = { kind: "unfinished" };
  session.spawn(async () => {
    try {
      await (test as (make: () => StorageService) => unknown)(makeService);
      outcome = { kind: "passed" };
    } catch (error) {
      const message = thrownMessage(error);
      // By name as well as by class: a host may load the runtime the learner's test imports separately.
      const leak = error instanceof LeakError || (error instanceof Error && error.name === "LeakError");
      outcome = leak ? { kind: "leak", message } : { kind: "failed", message };
    }
  }, TEST_NAME);
  await session.runUntil(HORIZON_MS);
  return outcome;
}

/** The first line of what a test threw, for the check's one line; the whole text goes in its detail. */
const firstLine = (text: string) => text.split("\n").slice(0, 2).join(" ").replace(/:$/, "");

function unfinished(version: string): string {
  return `your test did not finish on the ${version} service within ${HORIZON_MS / 60_000} minutes of virtual time (is it waiting for something that never happens?)`;
}

const CATCHES = "your test catches the leak in lesson 4's starter";
const PASSES = "your test passes on lesson 4's fixed service";

/**
 * What a test that passes on the leaky service is told. It says what failed and where to look, not the line to
 * write: writing it is the whole exercise, and hint 1 is one click away for whoever wants it.
 */
export const CATCHES_NOTHING =
  "your test passed on the leaky version, so it would not catch the leak: a leak test must look for goroutines still running after the service is closed (see hint 1)";

const onLeaky: Scenario = {
  name: CATCHES,
  async run(context: CheckContext): Promise<ScenarioResult> {
    const session = await context.open(1, { companion: "leaky", blockStacks: true });
    const outcome = await runLearnerTest(session, context.fileName);
    const name = CATCHES;
    switch (outcome.kind) {
      case "leak":
        return {
          tests: [
            pass(
              name,
              "it fails on the leak with goleak's report, so it would have caught it",
              outcome.message,
            ),
          ],
        };
      case "passed":
        return { tests: [fail(name, CATCHES_NOTHING)] };
      case "failed":
        return {
          tests: [
            fail(
              name,
              `your test fails on the leaky service, but not because of a leak: ${firstLine(outcome.message)}`,
              outcome.message,
            ),
          ],
        };
      case "unfinished":
        return { tests: [fail(name, unfinished("leaky"))] };
    }
  },
};

const onFixed: Scenario = {
  name: PASSES,
  async run(context: CheckContext): Promise<ScenarioResult> {
    const session = await context.open(1, { companion: "fixed", blockStacks: true });
    const outcome = await runLearnerTest(session, context.fileName);
    const name = PASSES;
    switch (outcome.kind) {
      case "passed":
        return { tests: [pass(name, "it passes once every goroutine has a way to stop")] };
      case "leak":
        return {
          tests: [
            fail(
              name,
              "it fails on the fixed service too, so it would fail on good code: goleak's report names goroutines the fixed service was still running when your test looked",
              outcome.message,
            ),
          ],
        };
      case "failed":
        return {
          tests: [
            fail(
              name,
              `it fails on the fixed service too, so it would fail on good code: ${firstLine(outcome.message)}`,
              outcome.message,
            ),
          ],
        };
      case "unfinished":
        return { tests: [fail(name, unfinished("fixed"))] };
    }
  },
};

export const neverAgainChecks: LessonChecks = {
  file: FILE,
  scenarios: [onLeaky, onFixed],
  companions: ["leaky", "fixed"],
};
