/**
 * The frame every lesson's checks share: scenarios that each open a fresh session on the learner's module,
 * the conversion of a panic into a failed check, and the final report. A lesson supplies its scenarios.
 */

import { lineInFile } from "../runtime/stack.ts";
import { LearnerCodeError, thrownMessage } from "../sim/learnerCode.ts";
import { type LoadModule, ServicePanic, Session, summarizeLeaks } from "../sim/session.ts";
import { type CheckReport, type CheckResult, check, fail, type LeakGroup } from "./report.ts";

export interface CheckContext {
  /** The learner's file name as it appears in sites, e.g. `storage.ts` (or whatever file is graded). */
  readonly fileName: string;
  /**
   * Opens a fresh session: a new runtime with the learner's module evaluated on it. `blockStacks` records
   * where each task blocks, for the leak report (about 2 µs a block).
   */
  open(seed?: number, options?: { blockStacks?: boolean; companion?: string }): Promise<Session>;
}

/** What a scenario found: check results, and (for the scenario that stops traffic and closes) the leaks. */
export interface ScenarioResult {
  readonly tests: CheckResult[];
  readonly leaks?: { readonly groups: LeakGroup[]; readonly report: string };
}

export interface Scenario {
  /** Named in the failed check when the scenario cannot finish (a panic). */
  readonly name: string;
  run(context: CheckContext): Promise<ScenarioResult>;
}

export interface LessonChecks {
  /** The starter file the checks grade, e.g. `storage.ts`. */
  readonly file: string;
  readonly scenarios: readonly Scenario[];
  /**
   * The names of the other lessons' files the scenarios open sessions with (`context.open(seed, { companion })`);
   * the lesson's front matter says which file each name is (`companions:`).
   */
  readonly companions?: readonly string[];
}

export interface RunChecksOptions {
  /** The graded file's name; default the lesson's. */
  readonly fileName?: string;
  readonly seed?: number;
  /** Loaders for the lesson's companions, by name (see LessonChecks.companions). */
  readonly companions?: Readonly<Record<string, LoadModule>>;
}

export async function runChecks(
  lesson: LessonChecks,
  load: LoadModule,
  options: RunChecksOptions = {},
): Promise<CheckReport> {
  const fileName = options.fileName ?? lesson.file;
  const sessions: Session[] = [];
  const context: CheckContext = {
    fileName,
    open: async (seed = options.seed ?? 1, sessionOptions = {}) => {
      const name = sessionOptions.companion;
      const loadCompanion = name === undefined ? undefined : options.companions?.[name];
      if (name !== undefined && !loadCompanion)
        throw new Error(`the host gave no companion module "${name}"`);
      const session = await Session.open(load, seed, sessionOptions.blockStacks ?? false, loadCompanion);
      sessions.push(session);
      return session;
    },
  };
  const tests: CheckResult[] = [];
  let leaks: ScenarioResult["leaks"];
  try {
    for (const scenario of lesson.scenarios) {
      try {
        const result = await scenario.run(context);
        tests.push(...result.tests);
        leaks ??= result.leaks;
      } catch (error) {
        if (error instanceof ServicePanic) {
          tests.push(fail(scenario.name, panicMessage(error, fileName)));
          continue;
        }
        // Thrown by the learner's code outside any task (a constructor, say): their code cannot be run. Ours
        // always throws Errors, so anything else (`throw "x"`) is the learner's too, though it has no line.
        if (error instanceof LearnerCodeError) throw error;
        const line = lineInFile(error, fileName);
        if (error instanceof Error && line === undefined) throw error;
        const where = line === undefined ? fileName : `${fileName}:${line}`;
        throw new LearnerCodeError(`${where}: threw: ${thrownMessage(error)}`, fileName, line);
      }
    }
  } catch (error) {
    if (error instanceof LearnerCodeError) {
      return { status: "error", tests, leaks: [], leakReport: "", error: errorOf(error) };
    }
    throw error;
  } finally {
    for (const session of sessions) session.close();
  }
  const status = tests.every((test) => test.status === "pass") ? "pass" : "fail";
  return { status, tests, leaks: leaks?.groups ?? [], leakReport: leaks?.report ?? "" };
}

function errorOf(error: LearnerCodeError): CheckReport["error"] & object {
  return {
    message: error.message,
    ...(error.file === undefined ? {} : { file: error.file }),
    ...(error.line === undefined ? {} : { line: error.line }),
  };
}

/** "panic: send on closed channel (storage.ts:61)": the first line of the learner's file in the stack. */
function panicMessage(panic: ServicePanic, fileName: string): string {
  const line = lineInFile(panic.outcome.error, fileName);
  return line === undefined ? panic.message : `${panic.message} (${fileName}:${line})`;
}

/** The leak check every lesson ends with: goleak's VerifyNone after traffic stopped and the service closed. */
export function verifyNone(session: Session, name: string): ScenarioResult {
  const groups = session.leaks();
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  return {
    tests: [
      check(
        name,
        total === 0,
        "nothing left running after traffic stopped and the service was closed",
        `${total} left running: ${summarizeLeaks(groups)}`,
      ),
    ],
    leaks: { groups, report: session.leakReport() },
  };
}

export interface Level {
  readonly handles: number;
  readonly memoryBytes: number;
}

/**
 * Average handles and memory over [from, to), one sample a virtual minute; `memory` says which memory (by
 * default all the run holds).
 */
export async function averageLevel(
  session: Session,
  from: number,
  to: number,
  memory: (session: Session) => number = (s) => s.memoryBytes,
): Promise<Level> {
  let handles = 0;
  let memoryBytes = 0;
  let samples = 0;
  await session.runUntil(from);
  for (let t = from; t < to; t += 60_000) {
    await session.runUntil(t);
    handles += session.handleCount;
    memoryBytes += memory(session);
    samples++;
  }
  return { handles: handles / samples, memoryBytes: memoryBytes / samples };
}

const MiB = 1024 * 1024;

/**
 * Steady traffic must leave handles and memory level: the late average within 25% (and a little slack) of the
 * early one. Traffic is random, so a correct service wobbles; a leak under hours of traffic climbs far more.
 */
export function flatness(name: string, early: Level, late: Level, hours: number): CheckResult {
  const handlesFlat = late.handles <= early.handles * 1.25 + 5;
  const memoryFlat = late.memoryBytes <= early.memoryBytes * 1.25 + MiB;
  const levelText = (level: Level) =>
    `${Math.round(level.handles)} handles, ${(level.memoryBytes / MiB).toFixed(1)} MiB`;
  return check(
    name,
    handlesFlat && memoryFlat,
    `level under steady traffic: ${levelText(early)} in hour 1, ${levelText(late)} in hour ${hours}`,
    `climbing under steady traffic: ${levelText(early)} in hour 1, ${levelText(late)} in hour ${hours}`,
  );
}
