/**
 * A lesson's front matter says what it has (checks, a live run, companions, a replayed service); the registries
 * hold the code that does it. Each declaration needs its code, or the page shows a button that cannot work; each
 * piece of code needs a lesson that declares it, or it is dead and nobody notices.
 */
import { resolve } from "node:path";
import { expect, it } from "vitest";
import { readCourse } from "../build/readCourse.ts";
import { checksByLesson } from "../src/checks/registry.ts";
import { liveRunsByLesson, SERVICES } from "../src/sim/registry.ts";

const course = readCourse(resolve(import.meta.dirname, ".."));

/** What one side has and the other lacks, each said in words, so a failure reads as what to fix. */
function disagreements(
  declared: readonly string[],
  implemented: readonly string[],
  undone: (name: string) => string,
  undeclared: (name: string) => string,
): string[] {
  return [
    ...declared.filter((name) => !implemented.includes(name)).map(undone),
    ...implemented.filter((name) => !declared.includes(name)).map(undeclared),
  ];
}

it("has checks in src/checks/registry.ts for exactly the lessons that say checks: true", () => {
  const declared = course.filter((lesson) => lesson.checks).map((lesson) => lesson.slug);
  expect(
    disagreements(
      declared,
      Object.keys(checksByLesson),
      (slug) => `lesson ${slug} says checks: true, but src/checks/registry.ts has no checks for it`,
      (slug) => `src/checks/registry.ts has checks for ${slug}, but no lesson ${slug} says checks: true`,
    ),
  ).toEqual([]);
});

it("grades a file the lesson lists, with the companions its front matter names", () => {
  const problems = course.flatMap((lesson) => {
    const checks = checksByLesson[lesson.slug];
    if (!checks) return [];
    const file = lesson.files.includes(checks.file)
      ? []
      : [`lesson ${lesson.slug}'s checks grade ${checks.file}, which its files do not list`];
    return [
      ...file,
      ...disagreements(
        lesson.companions.map((companion) => companion.name),
        checks.companions ?? [],
        (name) => `lesson ${lesson.slug} names the companion ${name}, but its checks never open it`,
        (name) =>
          `lesson ${lesson.slug}'s checks open the companion ${name}, but its companions do not name it`,
      ),
    ];
  });
  expect(problems).toEqual([]);
});

it("has a live run in src/sim/registry.ts for exactly the lessons that say liveRun: true", () => {
  const declared = course.filter((lesson) => lesson.liveRun).map((lesson) => lesson.slug);
  expect(
    disagreements(
      declared,
      Object.keys(liveRunsByLesson),
      (slug) => `lesson ${slug} says liveRun: true, but src/sim/registry.ts has no live run for it`,
      (slug) => `src/sim/registry.ts has a live run for ${slug}, but no lesson ${slug} says liveRun: true`,
    ),
  ).toEqual([]);
});

it("runs in a replay exactly the services lessons name with service:", () => {
  const declared = course.flatMap((lesson) => (lesson.service ? [lesson.service] : []));
  expect(
    disagreements(
      declared,
      SERVICES,
      (name) => `a lesson says service: ${name}, but the replay's SERVICES (src/sim/pod.ts) have no ${name}`,
      (name) => `the replay runs the ${name} service, but no lesson says service: ${name}`,
    ),
  ).toEqual([]);
});
