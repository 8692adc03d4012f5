/**
 * Lesson 8's checks: the learner's leak test, run against lesson 4's upload service twice — the leaky starter,
 * where a good test fails with goleak's report, and the fixed solution, where it passes. A test that passes on
 * both catches nothing; one that fails on both, or fails for another reason, tests something else.
 */
import { LeakError } from "../runtime/leaktest.ts";
import { ClientView, MemoryBlobStore, type UploadServiceLike } from "../sim/uploadTraffic.ts";
import type { CheckContext, LessonChecks, Scenario, ScenarioResult } from "./lessonChecks.ts";
import { COMPANIONS } from "./lessonsWithChecks.ts";
import { check, fail, LearnerCodeError, pass, thrownMessage } from "./report.ts";
import type { Session } from "./session.ts";

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

/** Runs the learner's test function against the session's companion service (an internal task, like a host). */
async function runLearnerTest(session: Session, fileName: string): Promise<TestOutcome> {
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

const firstLine = (text: string) => text.split("\n").slice(0, 2).join(" ");

function unfinished(version: string): string {
  return `your test did not finish on the ${version} service within ${HORIZON_MS / 60_000} minutes of virtual time (is it waiting for something that never happens?)`;
}

const CATCHES = "your test catches the leak in lesson 4's starter";
const PASSES = "your test passes on lesson 4's fixed service";

const onLeaky: Scenario = {
  name: CATCHES,
  async run(context: CheckContext): Promise<ScenarioResult> {
    const session = await context.open(1, { companion: "leaky", blockStacks: true });
    const outcome = await runLearnerTest(session, context.fileName);
    const name = CATCHES;
    switch (outcome.kind) {
      case "leak":
        return { tests: [pass(name, `it fails with goleak's report: ${firstLine(outcome.message)}`)] };
      case "passed":
        return {
          tests: [
            fail(
              name,
              "your test passes on the leaky service, so it would not have caught the incident: after close(), call `await leaktest.verifyNone()`",
            ),
          ],
        };
      case "failed":
        return {
          tests: [
            fail(
              name,
              `your test fails on the leaky service, but not because of a leak: ${firstLine(outcome.message)}`,
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
    if (outcome.kind === "unfinished") return { tests: [fail(name, unfinished("fixed"))] };
    return {
      tests: [
        check(
          name,
          outcome.kind === "passed",
          "it passes once every goroutine has a way to stop",
          `it fails on the fixed service too, so it would fail on good code: ${outcome.kind === "passed" ? "" : firstLine(outcome.message)}`,
        ),
      ],
    };
  },
};

export const neverAgainChecks: LessonChecks = {
  slug: "never-again",
  file: FILE,
  scenarios: [onLeaky, onFixed],
  companions: COMPANIONS["never-again"] ?? [],
};
