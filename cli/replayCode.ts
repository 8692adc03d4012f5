/**
 * The code the replay's pods run, from disk: the first file of the lesson whose front matter says
 * `service: <name>`, its starter (leaky) or its solution (fixed).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readCourse } from "../build/readCourse.ts";
import type { ServiceModule, ServiceName } from "../src/sim/pod.ts";
import { learnerModule } from "./loadLearnerFile.ts";

const repoRoot = resolve(import.meta.dirname, "..");

export function serviceCode(service: ServiceName, fixed: boolean): ServiceModule {
  const lesson = readCourse(repoRoot).find((meta) => meta.service === service);
  const file = lesson?.files[0];
  if (!lesson || !file) throw new Error(`no lesson for service ${service}`);
  const path = `${fixed ? "solutions" : "lessons"}/${lesson.folder}/${file}`;
  return { fileName: file, load: learnerModule(readFileSync(resolve(repoRoot, path), "utf8"), path) };
}
