/**
 * Lesson 5's content has tests of its own (CONTRIBUTING.md#tests): the sync starter fails its checks for the reasons the
 * lesson teaches, the solution passes, and every graded fixture in fixtures/sync/ gets the verdict its name
 * promises (correct-* pass; wrong-* fail, on the checks their header comment names).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckReport } from "../src/checks/report.ts";
import { describeFixtures, failing, grader, lineOf, TIMEOUT } from "./lessonContentKit.ts";

const STARTER = "lessons/05-sync/sync.ts";
const SOLUTION = "solutions/05-sync/sync.ts";
const FIXTURES = "cli/fixtures/sync";
const grade = grader("sync");

/** The checks each wrong fixture must fail: the ones its header comment names. */
const WRONG_FIXTURES_FAIL: Readonly<Record<string, readonly string[]>> = {
  "wrong-cancel-without-unsubscribe.ts": ["devices are never turned away while their user has a free slot"],
  "wrong-exit-after-first-change.ts": ["connected devices get every change"],
  "wrong-gives-up-on-slow-device.ts": ["nothing leaks once devices leave and the service closes"],
};

describe("the sync lesson", () => {
  // Graded once (one after the other: the runtime learner code sees is global), read by the `it`s below.
  let starter: CheckReport;
  let solution: CheckReport;
  beforeAll(async () => {
    starter = await grade(STARTER);
    solution = await grade(SOLUTION);
  }, 2 * TIMEOUT);

  describe("starter", () => {
    it("fails", () => {
      expect(starter.status).toBe("fail");
    });

    it("fails exactly the checks its never-ending, never-unsubscribing watchers break", () => {
      expect(new Set(failing(starter))).toEqual(
        new Set([
          "devices are never turned away while their user has a free slot",
          "nothing leaks once devices leave and the service closes",
          "handles and the memory goroutines hold stay level for four hours",
        ]),
      );
    });

    it("leaks watchers created at its go(...) line, blocked in select", () => {
      const site = `sync.ts:${lineOf(STARTER, "go(")}`;
      expect(starter.leaks.map((leak) => ({ site: leak.site, state: leak.state }))).toEqual([
        { site, state: "select" },
      ]);
      expect(starter.leaks[0]?.count).toBeGreaterThan(0);
      const leakCheck = starter.tests.find((test) => test.name.startsWith("nothing leaks"));
      expect(leakCheck?.status).toBe("fail");
      expect(leakCheck?.message).toContain(`× ${site} SyncService.watchChanges [select]`);
    });
  });

  describe("solution", () => {
    it("passes every check", () => {
      expect(failing(solution)).toEqual([]);
      expect(solution.status).toBe("pass");
      expect(solution.leaks).toEqual([]);
    });
  });

  describeFixtures(FIXTURES, grade, WRONG_FIXTURES_FAIL);
});
