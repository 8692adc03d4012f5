/**
 * A lesson's companion modules, read from disk: the other lessons' starters or solutions its front matter names
 * under `companions:`, by the name its checks ask for them by.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readCourse } from "../build/readCourse.ts";
import type { LoadModule } from "../src/sim/session.ts";
import { learnerModule } from "./loadLearnerFile.ts";

const repoRoot = resolve(import.meta.dirname, "..");

export function companionModules(slug: string): Record<string, LoadModule> {
  const course = readCourse(repoRoot);
  const specs = course.find((meta) => meta.slug === slug)?.companions ?? [];
  return Object.fromEntries(
    specs.map((spec) => {
      const folder = course.find((meta) => meta.slug === spec.lesson)?.folder;
      if (!folder) throw new Error(`no lesson ${spec.lesson} for the companion ${spec.name}`);
      const path = `${spec.from}/${folder}/${spec.file}`;
      return [spec.name, learnerModule(readFileSync(resolve(repoRoot, path), "utf8"), path)];
    }),
  );
}
