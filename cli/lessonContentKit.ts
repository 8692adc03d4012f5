/**
 * What the three content test files share: grading a file as `npm run check` does, reading lines of lesson
 * files, and the fixture rules every service follows (correct-* pass; wrong-* fail the checks their header
 * names; at least three of each).
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runChecks } from "../src/checks/lessonChecks.ts";
import { checksByLesson } from "../src/checks/registry.ts";
import type { CheckReport } from "../src/checks/report.ts";
import { companionModules } from "./companionModules.ts";
import { learnerModule } from "./loadLearnerFile.ts";

export const repoRoot = resolve(import.meta.dirname, "..");
/** One grading takes a second or two of real time. */
export const TIMEOUT = 30_000;

export const source = (path: string) => readFileSync(resolve(repoRoot, path), "utf8");

/** Grades files as `npm run check -- <slug> <path>` does. */
export function grader(slug: string): (path: string) => Promise<CheckReport> {
  const checks = checksByLesson[slug];
  if (!checks) throw new Error(`no checks for the ${slug} lesson`);
  return (path) =>
    runChecks(checks, learnerModule(source(path), path), {
      fileName: basename(path),
      companions: companionModules(slug),
    });
}

export const failing = (report: CheckReport) =>
  report.tests.filter((test) => test.status === "fail").map((test) => test.name);

/** The 1-based line of the one line of `path` containing `snippet`. */
export function lineOf(path: string, snippet: string): number {
  const lines = source(path).split("\n");
  const matches = lines.flatMap((line, index) => (line.includes(snippet) ? [index + 1] : []));
  if (matches.length !== 1) throw new Error(`${path} has ${matches.length} lines with ${snippet}, not one`);
  return matches[0] ?? 0;
}

/**
 * The fixtures of one service: every file in `folder` is graded; `wrongFail` names, for each wrong-* file and
 * only those, the checks it must fail. New fixtures are picked up without touching the tests.
 */
export function describeFixtures(
  folder: string,
  grade: (path: string) => Promise<CheckReport>,
  wrongFail: Readonly<Record<string, readonly string[]>>,
): void {
  const fixtures = readdirSync(resolve(repoRoot, folder)).filter((name) => name.endsWith(".ts"));
  const correct = fixtures.filter((name) => name.startsWith("correct-"));
  const wrong = fixtures.filter((name) => name.startsWith("wrong-"));

  describe("fixtures", () => {
    it("are each named correct-* or wrong-*, at least three of each", () => {
      expect(fixtures.filter((name) => !correct.includes(name) && !wrong.includes(name))).toEqual([]);
      expect(correct.length).toBeGreaterThanOrEqual(3);
      expect(wrong.length).toBeGreaterThanOrEqual(3);
    });

    it("name, for each wrong fixture and only those, the checks it must fail", () => {
      expect(Object.keys(wrongFail).sort()).toEqual([...wrong].sort());
    });

    it.each(correct)(
      "%s passes every check",
      async (name) => {
        const report = await grade(`${folder}/${name}`);
        expect(failing(report)).toEqual([]);
        expect(report.status).toBe("pass");
      },
      TIMEOUT,
    );

    it.each(wrong)(
      "%s fails the checks its header names",
      async (name) => {
        const report = await grade(`${folder}/${name}`);
        expect(report.status).toBe("fail");
        expect(failing(report)).toEqual(expect.arrayContaining([...(wrongFail[name] ?? [])]));
      },
      TIMEOUT,
    );
  });
}
