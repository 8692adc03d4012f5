/**
 * The lessons that have checks, and the other lessons' files their checks need, as plain data: the page asks this
 * to show "Check my fix" and to send those files, without loading the checks themselves, which only the worker
 * runs. A test keeps it equal to the keys of lessonChecks.
 */
export const LESSONS_WITH_CHECKS: readonly string[] = ["upload", "sync", "ratelimit", "never-again"];

/** A file of another lesson a lesson's checks need beside the learner's (see lessonChecks.ts's CompanionSpec). */
export interface CompanionSpec {
  /** How the checks ask for it, e.g. "leaky". */
  readonly name: string;
  /** The lesson whose file it is, by slug. */
  readonly lesson: string;
  /** Its starter (`lessons/`) or its solution (`solutions/`). */
  readonly from: "lessons" | "solutions";
  readonly file: string;
}

/**
 * The companions of each lesson that has some, as data the page can read without loading the checks: lesson 8
 * runs the learner's test against lesson 4's leaky starter and its fixed solution.
 */
export const COMPANIONS: Readonly<Record<string, readonly CompanionSpec[]>> = {
  "never-again": [
    { name: "leaky", lesson: "upload", from: "lessons", file: "storage.ts" },
    { name: "fixed", lesson: "upload", from: "solutions", file: "storage.ts" },
  ],
};
