/**
 * Runs one lesson's checks on one learner file, in a worker thread so that the grader can stop code that never
 * yields (`while (true) {}`) or eats all memory, and still print a clear message.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runChecks } from "../src/checks/lessonChecks.ts";
import { checksByLesson } from "../src/checks/registry.ts";
import type { CheckReport } from "../src/checks/report.ts";
import { LearnerCodeError } from "../src/sim/learnerCode.ts";
import { companionModules } from "./companionModules.ts";
import { goServiceFile } from "./loadGoFile.ts";
import { learnerModule } from "./loadLearnerFile.ts";

export interface CheckJob {
  readonly slug: string;
  readonly path: string;
  readonly source: string;
  /** For a Go file: the lesson's service it is compiled as (src/go/services). */
  readonly goService?: string;
}

async function grade({ slug, path, source, goService }: CheckJob): Promise<CheckReport> {
  const lesson = checksByLesson[slug];
  if (!lesson) throw new Error(`no checks for lesson ${slug}`);
  try {
    const load =
      goService === undefined ? learnerModule(source, path) : await goServiceFile(goService, source, path);
    const fileName = path.slice(path.lastIndexOf("/") + 1);
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
