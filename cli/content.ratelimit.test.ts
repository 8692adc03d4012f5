/**
 * Lesson 6's content has tests of its own (CONTRIBUTING.md#tests): the rate limiter starter fails its checks for the reasons the
 * lesson teaches, the solution passes, and every graded fixture in fixtures/ratelimit/ gets the verdict its name
 * promises (correct-* pass; wrong-* fail, on the checks their header comment names).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckReport } from "../src/checks/report.ts";
import { describeFixtures, failing, grader, lineOf, TIMEOUT } from "./lessonContentKit.ts";

const STARTER = "lessons/06-ratelimit/ratelimit.ts";
const SOLUTION = "solutions/06-ratelimit/ratelimit.ts";
const FIXTURES = "cli/fixtures/ratelimit";
const grade = grader("ratelimit");

/** The checks each wrong fixture must fail: the ones its header comment names. */
const WRONG_FIXTURES_FAIL: Readonly<Record<string, readonly string[]>> = {
  "wrong-allow-everything.ts": ["greedy clients are held to their limit"],
  "wrong-no-cleanup.ts": ["idle clients are forgotten"],
  "wrong-once-per-call.ts": ["handles and memory stay level for four hours"],
  "wrong-stop-only-stops-tickers.ts": ["nothing leaks once the limiter stops"],
};

describe("the rate limit lesson", () => {
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

    it("fails exactly the checks the sweepers started on every setLimits() break", () => {
      expect(new Set(failing(starter))).toEqual(
        new Set(["nothing leaks once the limiter stops", "handles and memory stay level for four hours"]),
      );
    });

    it("leaks sweepers created at its go(...) line, in chan receive, and their tickers", () => {
      const task = `ratelimit.ts:${lineOf(STARTER, "go(")}`;
      const ticker = `ratelimit.ts:${lineOf(STARTER, "time.newTicker(")}`;
      const leaks = starter.leaks.map((leak) => ({ site: leak.site, state: leak.state }));
      expect(leaks).toHaveLength(2);
      expect(leaks).toEqual(
        expect.arrayContaining([
          { site: task, state: "chan receive" },
          { site: ticker, state: "ticker" },
        ]),
      );
      for (const leak of starter.leaks) expect(leak.count).toBeGreaterThan(0);
      const leakCheck = starter.tests.find((test) => test.name.startsWith("nothing leaks"));
      expect(leakCheck?.status).toBe("fail");
      expect(leakCheck?.message).toContain(`× ${task} RateLimiter.startCleanup [chan receive]`);
      expect(leakCheck?.message).toContain(`× ${ticker} RateLimiter.startCleanup [ticker]`);
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
