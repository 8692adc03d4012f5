/**
 * Lesson 8's content has tests of its own (CONTRIBUTING.md#tests): the starter test catches nothing, the solution fails on
 * lesson 4's leaky starter with goleak's report and passes on its fix, and each wrong test gets the verdict its
 * header names.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckReport } from "../src/checks/report.ts";
import { failing, grader, TIMEOUT } from "./lessonContentKit.ts";

const grade = grader("never-again");
const CATCHES = "your test catches the leak in lesson 4's starter";
const PASSES = "your test passes on lesson 4's fixed service";

describe("the never-again lesson", () => {
  // Graded one after the other: the runtime learner code sees is global.
  const reports: Record<string, CheckReport> = {};
  beforeAll(async () => {
    for (const path of [
      "lessons/08-never-again/leak.test.ts",
      "solutions/08-never-again/leak.test.ts",
      "cli/fixtures/never-again/wrong-never-fails.ts",
      "cli/fixtures/never-again/wrong-verify-before-close.ts",
    ]) {
      reports[path] = await grade(path);
    }
  }, 4 * TIMEOUT);

  it("starter: passes on the leaky service too, so it fails the one check that matters", () => {
    const starter = reports["lessons/08-never-again/leak.test.ts"];
    expect(failing(starter as CheckReport)).toEqual([CATCHES]);
    // A nudge, not the answer: writing that line is the exercise.
    const message = starter?.tests.find((test) => test.name === CATCHES)?.message;
    expect(message).toContain("would not catch the leak");
    expect(message).toContain("after the service is closed");
    expect(message).not.toMatch(/verifyNone|leaktest/);
  });

  it("solution: fails on the leaky starter with goleak's report naming the reporter, passes on the fix", () => {
    const solution = reports["solutions/08-never-again/leak.test.ts"];
    expect(solution?.status).toBe("pass");
    const catches = solution?.tests.find((test) => test.name === CATCHES);
    expect(catches?.message).toContain("goleak's report");
    // The whole report, stack and all, not its first line.
    expect(catches?.detail).toMatch(
      /^found unexpected goroutines:\n\[Goroutine \d+ in state [\w ]+, with StorageService\.upload\.func1 on top of the stack:\n/,
    );
    expect(catches?.detail).toMatch(
      /\ncreated by StorageService\.upload( in goroutine \d+)?\n\tstorage\.ts:\d+/,
    );
  });

  it("a test that never fails does not catch the leak", () => {
    expect(failing(reports["cli/fixtures/never-again/wrong-never-fails.ts"] as CheckReport)).toEqual([
      CATCHES,
    ]);
  });

  it("checking before close() fails on good code (the fixed service's janitor is still running)", () => {
    const early = reports["cli/fixtures/never-again/wrong-verify-before-close.ts"] as CheckReport;
    expect(failing(early)).toEqual([PASSES]);
    expect(early.tests.find((test) => test.name === PASSES)?.detail).toContain("new StorageService");
  });
});
