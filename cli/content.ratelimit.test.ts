/**
 * Lesson 6's content has tests of its own (STYLE.md #10): the rate limiter starter fails its checks for the reasons the
 * lesson teaches, the solution passes, and every graded fixture in fixtures/ratelimit/ gets the verdict its name
 * promises (correct-* pass; wrong-* fail, on the checks their header comment names).
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type CheckReport, type LessonChecks, lessonChecks, runChecks } from "../src/checks/index.ts";
import { learnerModule } from "./loadLearnerFile.ts";

const repoRoot = resolve(import.meta.dirname, "..");
const STARTER = "lessons/06-ratelimit/ratelimit.ts";
const SOLUTION = "solutions/06-ratelimit/ratelimit.ts";
const FIXTURES = "cli/fixtures/ratelimit";
/** One grading takes a second or two of real time. */
const TIMEOUT = 30_000;

function checksFor(slug: string): LessonChecks {
  const checks = lessonChecks[slug];
  if (!checks) throw new Error(`no checks for the ${slug} lesson`);
  return checks;
}

const checks = checksFor("ratelimit");

const source = (path: string) => readFileSync(resolve(repoRoot, path), "utf8");

/** Grades `path` as `npm run check -- ratelimit <path>` does. */
function grade(path: string): Promise<CheckReport> {
  return runChecks(checks, learnerModule(source(path), path), { fileName: basename(path) });
}

const failing = (report: CheckReport) =>
  report.tests.filter((test) => test.status === "fail").map((test) => test.name);

/** The 1-based line of the one line of `path` containing `snippet`. */
function lineOf(path: string, snippet: string): number {
  const lines = source(path).split("\n");
  const matches = lines.flatMap((line, index) => (line.includes(snippet) ? [index + 1] : []));
  if (matches.length !== 1) throw new Error(`${path} has ${matches.length} lines with ${snippet}, not one`);
  return matches[0] ?? 0;
}

const fixtures = readdirSync(resolve(repoRoot, FIXTURES)).filter((name) => name.endsWith(".ts"));
const correct = fixtures.filter((name) => name.startsWith("correct-"));
const wrong = fixtures.filter((name) => name.startsWith("wrong-"));

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

  describe("fixtures", () => {
    it("are each named correct-* or wrong-*, at least three of each", () => {
      expect(fixtures.filter((name) => !correct.includes(name) && !wrong.includes(name))).toEqual([]);
      expect(correct.length).toBeGreaterThanOrEqual(3);
      expect(wrong.length).toBeGreaterThanOrEqual(3);
    });

    it("name, for each wrong fixture and only those, the checks it must fail", () => {
      expect(Object.keys(WRONG_FIXTURES_FAIL).sort()).toEqual([...wrong].sort());
    });

    it.each(correct)(
      "%s passes every check",
      async (name) => {
        const report = await grade(`${FIXTURES}/${name}`);
        expect(failing(report)).toEqual([]);
        expect(report.status).toBe("pass");
      },
      TIMEOUT,
    );

    it.each(wrong)(
      "%s fails the checks its header names",
      async (name) => {
        const report = await grade(`${FIXTURES}/${name}`);
        expect(report.status).toBe("fail");
        expect(failing(report)).toEqual(expect.arrayContaining([...(WRONG_FIXTURES_FAIL[name] ?? [])]));
      },
      TIMEOUT,
    );
  });
});
