/**
 * A worker's check job: the lesson's checks (src/checks) on the learner's current code, in this worker so a
 * loop that never yields is stopped by the page's watchdog like a live run. The same checks as `npm run check`.
 */
import { runChecks } from "../../checks/lessonChecks.ts";
import { checksByLesson } from "../../checks/registry.ts";
import type { CheckReport } from "../../checks/report.ts";
import { clipText } from "../../runtime/clipText.ts";
import { lineInFile } from "../../runtime/stack.ts";
import { LearnerCodeError } from "../../sim/learnerCode.ts";
import type { LoadModule, ModuleExports } from "../../sim/session.ts";
import type { GoServiceLoader } from "../goServiceModule.ts";
import type { StartCheck } from "../protocol/check.ts";
import { transpile } from "../transpile.ts";

function errorReport(message: string, file?: string, line?: number): CheckReport {
  const error = { message, ...(file === undefined ? {} : { file }), ...(line === undefined ? {} : { line }) };
  return { status: "error", tests: [], leaks: [], leakReport: "", error };
}

/**
 * The report with its text clipped like log lines, as the page accepts it: a check's message, its detail and an
 * error can carry what the learner threw (`throw new Error("x".repeat(5e6))`). The page shows the leaks from
 * `leaks`, never the leak report's text, so clipping that loses nothing on screen.
 */
function clipped(report: CheckReport): CheckReport {
  const { error } = report;
  return {
    ...report,
    tests: report.tests.map((test) => ({
      ...test,
      message: clipText(test.message),
      ...(test.detail === undefined ? {} : { detail: clipText(test.detail) }),
    })),
    leakReport: clipText(report.leakReport),
    ...(error && { error: { ...error, message: clipText(error.message) } }),
  };
}

/** What the worker's realm gives a check: as with a live run, Node tests pass their own. */
export interface CheckHost {
  /** Evaluates a transpiled module with the runtime as its only import (learnerRealm.evaluate in a worker). */
  readonly evaluate: (code: string, fileName: string) => ModuleExports;
  /** Compiles a Go file as the lesson's service (goServices.ts); absent where Go cannot be compiled. */
  readonly goServices?: GoServiceLoader;
}

export async function runCheckJob(job: StartCheck, host: CheckHost): Promise<CheckReport> {
  return clipped(await checkReport(job, host));
}

async function checkReport(job: StartCheck, { evaluate, goServices }: CheckHost): Promise<CheckReport> {
  const lesson = checksByLesson[job.lesson];
  if (!lesson) return errorReport(`Lesson ${job.lesson} has no checks.`);
  if (job.fileName.endsWith(".go")) {
    if (!goServices) return errorReport(`${job.fileName}: Go cannot be checked here.`, job.fileName);
    // The lesson's service is the lesson's own (the slugs of lessons 4 to 6 name their services).
    return graded(() =>
      runChecks(lesson, goServices(job.lesson, job.source, job.fileName), { fileName: job.fileName }),
    );
  }
  const compiled = transpile(job.source, job.fileName);
  if (!compiled.ok) {
    const { line, message } = compiled.error;
    return errorReport(`syntax error: ${message}`, job.fileName, line);
  }
  const load = async () => {
    try {
      return evaluate(compiled.code, job.fileName);
    } catch (error) {
      // A throw while the module loads is the learner's, at their line.
      const message = error instanceof Error ? error.message : String(error);
      throw new LearnerCodeError(message, job.fileName, lineInFile(error, job.fileName));
    }
  };
  const companions: Record<string, LoadModule> = {};
  for (const companion of job.companions ?? []) {
    const code = transpile(companion.source, companion.fileName);
    if (!code.ok)
      return errorReport(`the lesson's ${companion.fileName} does not compile: ${code.error.message}`);
    companions[companion.name] = async () => evaluate(code.code, companion.fileName);
  }
  return graded(() => runChecks(lesson, load, { fileName: job.fileName, companions }));
}

/** The checks' report, or the error that kept the learner's code from running. */
async function graded(checks: () => Promise<CheckReport>): Promise<CheckReport> {
  try {
    return await checks();
  } catch (error) {
    if (error instanceof LearnerCodeError) return errorReport(error.message, error.file, error.line);
    throw error;
  }
}
