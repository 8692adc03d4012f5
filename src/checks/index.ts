/** Every lesson's checks, by slug: what `npm run check` and the browser's "Check my fix" run. */
import type { LessonChecks } from "./lessonChecks.ts";
import { neverAgainChecks } from "./neverAgainChecks.ts";
import { rateLimitChecks } from "./rateLimitChecks.ts";
import { syncChecks } from "./syncChecks.ts";
import { uploadChecks } from "./uploadChecks.ts";

export type { CompanionSpec, LessonChecks } from "./lessonChecks.ts";
export { runChecks } from "./lessonChecks.ts";
export type { CheckReport, CheckResult } from "./report.ts";

export const lessonChecks: Readonly<Record<string, LessonChecks>> = {
  upload: uploadChecks,
  sync: syncChecks,
  ratelimit: rateLimitChecks,
  "never-again": neverAgainChecks,
};
