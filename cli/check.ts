/**
 * `npm run check -- <slug> [file] [--json]`: grades a learner's file against a lesson's checks in Node.
 * Exit 0: every check passes. Exit 1: a check failed (a leak, or the service broken). Exit 2: the file could not
 * be run (usage, syntax or type error, a throw at load, a missing export, no end in sight), with `file:line`.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { readCourse } from "../build/readCourse.ts";
import { checksByLesson } from "../src/checks/registry.ts";
import type { CheckReport } from "../src/checks/report.ts";
import { hasGoService } from "../src/go/services/index.ts";
import { lineInFile } from "../src/runtime/stack.ts";
import type { CheckJob } from "./checkWorker.ts";
import { formatReport, type ReportJson, reportJson } from "./formatReport.ts";
import { foreignImport } from "./loadLearnerFile.ts";
import { typecheckLearnerFile } from "./typecheckLearnerFile.ts";

const repoRoot = resolve(import.meta.dirname, "..");
/**
 * Wall-clock time a whole check may take; the checks themselves need a few seconds. The tests shorten it with
 * LEAK_LAB_CHECK_TIME_LIMIT_MS.
 */
const TIME_LIMIT_MS = Number(process.env.LEAK_LAB_CHECK_TIME_LIMIT_MS ?? 90_000);
const USAGE = `usage: npm run check -- <slug> [file] [--json]   (slugs: ${Object.keys(checksByLesson).join(", ")})`;

class UsageError extends Error {}

interface Invocation {
  readonly slug: string;
  readonly file: string;
  readonly json: boolean;
  /** A Go file is graded as the lesson's service in Go, */
  readonly goService: string | undefined;
  /** or, for a lesson that grades a test (lesson 8), as a Go test of the services it names. */
  readonly goTest: boolean;
}

function parseArgs(args: readonly string[]): Invocation {
  const json = args.includes("--json");
  const unknown = args.find((arg) => arg.startsWith("-") && arg !== "--json");
  if (unknown) throw new UsageError(`unknown option ${unknown}\n${USAGE}`);
  const [slug, file, extra] = args.filter((arg) => !arg.startsWith("-"));
  if (!slug || extra) throw new UsageError(USAGE);
  const checks = checksByLesson[slug];
  if (!checks) throw new UsageError(`no lesson with checks is called "${slug}"\n${USAGE}`);
  const lesson = readCourse(repoRoot).find((meta) => meta.slug === slug);
  if (!lesson) throw new UsageError(`lessons/ has no lesson "${slug}"`);
  const path = file ?? `lessons/${lesson.folder}/${checks.file}`;
  if (!existsSync(path)) throw new UsageError(`cannot read ${path}: no such file`);
  if (!statSync(path).isFile()) throw new UsageError(`cannot read ${path}: not a file`);
  const invocation = { slug, file: path, json, goService: undefined, goTest: false };
  if (!path.endsWith(".go")) return invocation;
  if (lesson.service && hasGoService(lesson.service)) return { ...invocation, goService: lesson.service };
  if (lesson.companions.length > 0 && path.endsWith("_test.go")) return { ...invocation, goTest: true };
  throw new UsageError(`lesson "${slug}" does not grade this Go file: give it its ${checks.file}`);
}

function runInWorker(job: CheckJob): Promise<CheckReport> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(new URL("./checkWorkerEntry.mjs", import.meta.url), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
      stdout: true,
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        new UsageError(
          `${basename(job.path)}: the checks did not finish within ${TIME_LIMIT_MS / 1000} s; does a loop run forever without waiting on anything?`,
        ),
      );
    }, TIME_LIMIT_MS);
    worker.on("message", (message: { report?: CheckReport; crash?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.report) resolvePromise(message.report);
      else reject(new Error(message.crash));
    });
    // What the checks could not catch: the worker out of memory, or an error nothing handled (a rejected
    // promise nobody awaited), named like every other error in the learner's file, at its line if it has one.
    worker.on("error", (error: Error & { code?: string }) => {
      clearTimeout(timer);
      const fileName = basename(job.path);
      const line = lineInFile(error, fileName);
      const where = line === undefined ? fileName : `${fileName}:${line}`;
      const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      reject(
        new UsageError(
          outOfMemory ? `${fileName}: ran out of memory while the checks ran` : `${where}: ${error.message}`,
        ),
      );
    });
  });
}

function errorReport(message: string, file?: string, line?: number): CheckReport {
  return {
    status: "error",
    tests: [],
    leaks: [],
    leakReport: "",
    error: { message, ...(file === undefined ? {} : { file }), ...(line === undefined ? {} : { line }) },
  };
}

async function grade(invocation: Invocation): Promise<CheckReport> {
  const source = readFileSync(invocation.file, "utf8");
  const { slug, file: path, goService, goTest } = invocation;
  // Go is checked by its own compiler, in the worker.
  if (goService !== undefined) return runInWorker({ slug, path, source, goService });
  if (goTest) return runInWorker({ slug, path, source, goTest });
  const badImport = foreignImport(source, invocation.file);
  if (badImport) return errorReport(badImport.message, badImport.file, badImport.line);
  const typeErrors = typecheckLearnerFile(invocation.file);
  if (typeErrors.length > 0) {
    const first = typeErrors[0];
    const lines = typeErrors.map((e) => `${e.file}:${e.line}:${e.column} - error ${e.message}`).join("\n");
    return errorReport(lines, first?.file, first?.line);
  }
  return runInWorker({ slug: invocation.slug, path: invocation.file, source });
}

function exitCode(report: CheckReport): number {
  return report.status === "pass" ? 0 : report.status === "fail" ? 1 : 2;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  let report: CheckReport;
  let file: string | undefined;
  try {
    const invocation = parseArgs(args);
    file = invocation.file;
    report = await grade(invocation);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    report = errorReport(error.message);
  }
  if (json) {
    const out: ReportJson = reportJson(report);
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else if (report.status === "error") {
    process.stderr.write(`${report.error?.message ?? "could not run the checks"}\n`);
  } else {
    process.stdout.write(formatReport(report, file ?? ""));
  }
  return exitCode(report);
}

// exitCode, not exit(): exit() would cut off a large --json output still on its way down a pipe.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Our own failure, not the learner's: say so plainly, and keep the stack for whoever fixes it.
    process.stderr.write(
      `internal error in the grader: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
