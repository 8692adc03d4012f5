/**
 * Runs one lesson's checks on one learner file, in a worker thread so that the grader can stop code that never
 * yields (`while (true) {}`) or eats all memory, and still print a clear message.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runChecks } from "../src/checks/lessonChecks.ts";
import { checksByLesson } from "../src/checks/registry.ts";
import type { CheckReport } from "../src/checks/report.ts";
import { goTestModule } from "../src/sandbox/goTestModule.ts";
import { LearnerCodeError } from "../src/sim/learnerCode.ts";
import { companionModules, goCompanions } from "./companionModules.ts";
import { nodeGoParser } from "./go.ts";
import { goServiceFile } from "./loadGoFile.ts";
import { learnerModule } from "./loadLearnerFile.ts";

export interface CheckJob {
  readonly slug: string;
  readonly path: string;
  readonly source: string;
  /** For a Go file: the lesson's service it is compiled as (src/go/services). */
  readonly goService?: string;
  /** For a Go test file (lesson 8): run against the lesson's companions in Go. */
  readonly goTest?: boolean;
}

async function grade({ slug, path, source, goService, goTest }: CheckJob): Promise<CheckReport> {
  const lesson = checksByLesson[slug];
  if (!lesson) throw new Error(`no checks for lesson ${slug}`);
  try {
    const fileName = path.slice(path.lastIndexOf("/") + 1);
    if (goTest) {
      const { versions, modules } = goCompanions(slug);
      const load = goTestModule(await nodeGoParser(), source, fileName, versions);
      return await runChecks(lesson, load, { fileName, companions: modules });
    }
    const load =
      goService === undefined ? learnerModule(source, path) : await goServiceFile(goService, source, path);
    return await runChecks(lesson, load, { fileName, companions: companionModules(slug) });
  } catch (error) {
    if (!(error instanceof LearnerCodeError)) throw error;
    const detail = {
      message: error.message,
      ...(error.file === undefined ? {} : { file: error.file }),
      ...(error.line === undefined ? {} : { line: error.line }),
    };
    return { status: "error", tests: [], leaks: [], leakReport: "", error: detail };
  }
}

grade(workerData as CheckJob).then(
  (report) => parentPort?.postMessage({ report }),
  (error: unknown) =>
    parentPort?.postMessage({ crash: error instanceof Error ? error.message : String(error) }),
);
