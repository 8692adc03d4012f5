/**
 * The lessons that have checks, as plain data: the page asks this to show "Check my fix" without loading the
 * checks themselves, which only the worker runs. A test keeps it equal to the keys of lessonChecks.
 */
export const LESSONS_WITH_CHECKS: readonly string[] = ["upload", "sync", "ratelimit"];
