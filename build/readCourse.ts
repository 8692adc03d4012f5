/**
 * Reads `lessons/` and `solutions/` from disk and validates them as one course. Used by the Vite plugin (so a
 * broken lesson fails `vite build` and `vite dev`) and by the content tests.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LessonMeta } from "../src/lessons/lessonSchema.ts";
import { assembleCourse, LESSON_BODY_FILE, LessonError, parseLesson } from "../src/lessons/parseLesson.ts";

function subfolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function readCourse(root: string): LessonMeta[] {
  const lessonsDir = join(root, "lessons");
  const lessons = subfolders(lessonsDir).map((folder) => {
    const fileNames = readdirSync(join(lessonsDir, folder));
    const body = fileNames.includes(LESSON_BODY_FILE)
      ? readFileSync(join(lessonsDir, folder, LESSON_BODY_FILE), "utf8")
      : undefined;
    return parseLesson({ folder, body, fileNames });
  });
  const course = assembleCourse(lessons);
  checkSolutions(join(root, "solutions"), course);
  return course;
}

/**
 * Each `solutions/NN-slug/` belongs to a lesson and only holds fixed versions of that lesson's starter files (which
 * the app shows) or of its reference files (the Go the services ran, whose fixes the parity suite holds); a
 * companion taken from the solutions is there.
 */
function checkSolutions(solutionsDir: string, course: readonly LessonMeta[]): void {
  for (const folder of subfolders(solutionsDir)) {
    const lesson = course.find((candidate) => candidate.folder === folder);
    if (!lesson) throw new LessonError(`solutions/${folder}`, "has no lesson folder of the same name");
    for (const file of readdirSync(join(solutionsDir, folder))) {
      if (!lesson.files.includes(file) && !lesson.references.includes(file)) {
        throw new LessonError(
          `solutions/${folder}/${file}`,
          `is not one of the lesson's starter or reference files`,
        );
      }
    }
  }
  for (const lesson of course) {
    for (const companion of lesson.companions.filter((spec) => spec.from === "solutions")) {
      const owner = course.find((candidate) => candidate.slug === companion.lesson);
      if (owner && !existsSync(join(solutionsDir, owner.folder, companion.file))) {
        throw new LessonError(
          `lessons/${lesson.folder}/${LESSON_BODY_FILE}`,
          `companion ${companion.name}: solutions/${owner.folder} has no ${companion.file}`,
        );
      }
    }
  }
}
