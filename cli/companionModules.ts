/** A lesson's companion modules (see CompanionSpec), read from disk: another lesson's starter or solution. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readCourse } from "../build/readCourse.ts";
import type { LessonChecks } from "../src/checks/index.ts";
import type { LoadModule } from "../src/sim/session.ts";
import { learnerModule } from "./loadLearnerFile.ts";

const repoRoot = resolve(import.meta.dirname, "..");

export function companionModules(lesson: LessonChecks): Record<string, LoadModule> {
  const specs = lesson.companions ?? [];
  if (specs.length === 0) return {};
  const course = readCourse(repoRoot);
  return Object.fromEntries(
    specs.map((spec) => {
      const folder = course.find((meta) => meta.slug === spec.lesson)?.folder;
      if (!folder) throw new Error(`no lesson ${spec.lesson} for the companion ${spec.name}`);
      const path = `${spec.from}/${folder}/${spec.file}`;
      return [spec.name, learnerModule(readFileSync(resolve(repoRoot, path), "utf8"), path)];
    }),
  );
}
