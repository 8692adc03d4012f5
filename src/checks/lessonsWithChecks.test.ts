import { expect, it } from "vitest";
import { lessonChecks } from "./index.ts";
import { LESSONS_WITH_CHECKS } from "./lessonsWithChecks.ts";

it("lists exactly the lessons that have checks, so every one gets a Check my fix button", () => {
  expect([...LESSONS_WITH_CHECKS].sort()).toEqual(Object.keys(lessonChecks).sort());
});
