/**
 * A lesson's companion modules, read from disk: the other lessons' starters or solutions its front matter names
 * under `companions:`, by the name its checks ask for them by.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readCourse } from "../build/readCourse.ts";
import type { PackageUnderTest } from "../src/go/goTests.ts";
import { goServicePath } from "../src/go/services/index.ts";
import { goCompanion } from "../src/sandbox/goTestModule.ts";
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

/**
 * A lesson's companions in Go, for a test written in Go: each the lesson's Go file beside the one the front
 * matter names (`storage.go` beside `storage.ts`), as the package its service is compiled as. A Go test is
 * compiled against each of them; the companion modules only say which one a session runs against.
 */
export function goCompanions(slug: string): {
  versions: Record<string, PackageUnderTest>;
  modules: Record<string, LoadModule>;
} {
  const course = readCourse(repoRoot);
  const specs = course.find((meta) => meta.slug === slug)?.companions ?? [];
  const versions: Record<string, PackageUnderTest> = {};
  for (const spec of specs) {
    const owner = course.find((meta) => meta.slug === spec.lesson);
    const path = owner?.service === undefined ? undefined : goServicePath(owner.service);
    if (!owner || path === undefined) throw new Error(`no Go service for the companion ${spec.name}`);
    const file = spec.file.replace(/\.ts$/, ".go");
    versions[spec.name] = {
      path,
      file,
      source: readFileSync(resolve(repoRoot, spec.from, owner.folder, file), "utf8"),
    };
  }
  const modules = Object.fromEntries(specs.map((spec) => [spec.name, goCompanion(spec.name)]));
  return { versions, modules };
}
