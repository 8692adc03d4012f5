/**
 * Every lesson's checks, by the lesson's slug: what `npm run check`, the content tests and the worker's "Check my
 * fix" run. A lesson says it has checks in its front matter (`checks: true`); cli/content.registry.test.ts fails
 * when the two disagree. The page never imports this: it reads `checks` from `virtual:lessons`, and only the
 * worker loads the checks' code.
 */
import type { LessonChecks } from "./lessonChecks.ts";
import { neverAgainChecks } from "./neverAgainChecks.ts";
import { rateLimitChecks } from "./rateLimitChecks.ts";
import { syncChecks } from "./syncChecks.ts";
import { uploadChecks } from "./uploadChecks.ts";

export const checksByLesson: Readonly<Record<string, LessonChecks>> = {
  upload: uploadChecks,
  sync: syncChecks,
  ratelimit: rateLimitChecks,
  "never-again": neverAgainChecks,
};
