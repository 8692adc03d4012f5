/**
 * The one protocol between the page and a run's worker (docs/ARCHITECTURE.md#protocol): what the page may ask (ToWorker) and what
 * the worker may say (FromWorker). Every message names its run. The page trusts nothing from the worker: each
 * message is checked by parseFromWorker before it touches any state, so code running in the worker cannot
 * forge its way into the page.
 */

import type { CheckReport } from "../checks/report.ts";
import { MAX_LOG_TEXT } from "../runtime/clipText.ts";
import type { PodEvidence } from "../sim/evidence.ts";
import type { TrafficKnobs } from "../sim/liveScenario.ts";
import type { HeapProfileEntry, ServiceName, Symptoms } from "../sim/pod.ts";
import type { PodEvent } from "../sim/podLifecycle.ts";
import type { ReplayEvent, ReplaySample } from "../sim/replay.ts";

export { clipText, MAX_LOG_TEXT } from "../runtime/clipText.ts";

export type { TrafficKnobs };

export interface StartRun {
  readonly type: "start";
  readonly runId: number;
  /** The lesson's slug: which service and traffic to run. */
  readonly lesson: string;
  readonly fileName: string;
  readonly source: string;
  /** Virtual ms per real ms; Infinity runs flat out. */
  readonly speed: number;
  /** Stop at this virtual time. */
  readonly untilMs: number;
  readonly traffic: TrafficKnobs;
}

/** Runs the lesson's checks on the learner's file; the worker answers with one `checked` message. */
export interface StartCheck {
  readonly type: "check";
  readonly runId: number;
  readonly lesson: string;
  readonly fileName: string;
  readonly source: string;
  /** Other lessons' files the checks run the learner's code with (lesson 8's test runs against lesson 4's). */
  readonly companions?: readonly CompanionSource[];
}

export interface CompanionSource {
  /** The name the checks ask for it by (see src/checks/lessonsWithChecks.ts). */
  readonly name: string;
  readonly fileName: string;
  readonly source: string;
}

/** The code one service runs in a replay: its starter, the learner's fix or the solution, as the page chose. */
export interface ReplayService {
  readonly service: ServiceName;
  readonly fileName: string;
  readonly source: string;
  /** Whether this is a fixed version (for labels; the worker runs `source` either way). */
  readonly fixed: boolean;
}

/**
 * Replays the incident night on whole pods (src/sim/replay.ts) with the services' code given; the worker
 * streams `replayProgress` as samples and events are made, then one `replayed`.
 */
export interface StartReplay {
  readonly type: "replay";
  readonly runId: number;
  /** Simulated minutes from 03:00. */
  readonly minutes: number;
  readonly pods: number;
  readonly limitMiB: number;
  /** Clock times (ms since midnight) at which every pod is restarted. */
  readonly restartAt: readonly number[];
  readonly seed: number;
  /** One per service, each of upload, sync and ratelimit once. */
  readonly services: readonly ReplayService[];
  /** Replay pod 1 to its first alert and take its evidence there (src/sim/evidence.ts). */
  readonly evidence?: boolean;
}

export type ToWorker =
  | StartRun
  | StartCheck
  | StartReplay
  | { readonly type: "pause"; readonly runId: number }
  | { readonly type: "resume"; readonly runId: number }
  | { readonly type: "speed"; readonly runId: number; readonly speed: number }
  | { readonly type: "dump"; readonly runId: number };

export interface SampleRow {
  /** Virtual ms. */
  readonly t: number;
  /** Every live handle: goroutines + timers + tickers. */
  readonly handles: number;
  readonly goroutines: number;
  readonly timers: number;
  readonly tickers: number;
  /** The pod's modelled memory: its baseline plus what the service holds (src/runtime/MEMORY_MODEL.md). */
  readonly memoryMiB: number;
  /** Live handles by creation site, the largest few; the rest in one row. */
  readonly sites: readonly SiteCount[];
}

/** A sample names at most this many sites; beyond them, one row of OTHER_SITES. */
export const MAX_SITES_PER_SAMPLE = 8;
export const OTHER_SITES = "other sites";

export interface SiteCount {
  /** `function (file:line)` for the learner's sites; the simulation's own work as one label. */
  readonly site: string;
  readonly handles: number;
}

export interface LogRow {
  readonly t: number;
  readonly level: "info" | "warn" | "error";
  readonly message: string;
  /** Fields as text (`session=u12 bytes=1048576`): logs are shown as text, never as HTML. */
  readonly fields: string;
}

export interface DumpGroupRow {
  readonly count: number;
  readonly state: string;
  /** Where the group's tasks were created: function, file, line. */
  readonly function: string;
  readonly file: string;
  readonly line: number;
  /** Where they are blocked, when known. */
  readonly blockedAt: string;
  /** Virtual ms the longest-blocked task of the group has waited. */
  readonly longestBlockedMs: number;
}

export interface HeapRow {
  readonly function: string;
  readonly site: string;
  readonly bytes: number;
}

export type RunErrorKind = "syntax" | "load" | "panic" | "deadlock" | "timeout" | "crash";

export interface RunError {
  readonly kind: RunErrorKind;
  readonly message: string;
  /** The line in the learner's file, when known. */
  readonly line?: number;
}

export type FromWorker =
  | { readonly type: "started"; readonly runId: number }
  | { readonly type: "samples"; readonly runId: number; readonly samples: readonly SampleRow[] }
  | {
      readonly type: "logs";
      readonly runId: number;
      readonly logs: readonly LogRow[];
      readonly dropped: number;
    }
  | {
      readonly type: "dump";
      readonly runId: number;
      readonly groups: readonly DumpGroupRow[];
      readonly heap: readonly HeapRow[];
    }
  | { readonly type: "state"; readonly runId: number; readonly state: "running" | "paused" | "finished" }
  | { readonly type: "error"; readonly runId: number; readonly error: RunError }
  | { readonly type: "checked"; readonly runId: number; readonly report: CheckReport }
  /** The live run's pod was alerted on, OOM-killed or restarted (src/sim/livePod.ts). */
  | { readonly type: "podEvent"; readonly runId: number; readonly event: PodEvent }
  /** A replay's samples and events made since the last batch. */
  | {
      readonly type: "replayProgress";
      readonly runId: number;
      readonly samples: readonly ReplaySample[];
      readonly events: readonly ReplayEvent[];
    }
  /** The replay's end, after its last progress batch. */
  | {
      readonly type: "replayed";
      readonly runId: number;
      readonly heapProfile: readonly HeapProfileEntry[];
      readonly symptoms: Symptoms;
      /** When the replay was asked for evidence and the alert fired. */
      readonly evidence?: PodEvidence;
    }
  /** Sent on a real-time interval: silence means the worker is stuck in a loop. */
  | { readonly type: "heartbeat"; readonly runId: number };

// ---- validation of what comes out of a worker ----

type Check = (value: unknown) => boolean;
const isNumber: Check = (value) => typeof value === "number" && !Number.isNaN(value);
const isString: Check = (value) => typeof value === "string";
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

function shape(fields: Readonly<Record<string, Check>>): Check {
  return (value) => isRecord(value) && Object.entries(fields).every(([key, check]) => check(value[key]));
}
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
const oneOf =
  (...options: readonly string[]): Check =>
  (value) =>
    typeof value === "string" && options.includes(value);
const listOf =
  (check: Check, max: number): Check =>
  (value) =>
    Array.isArray(value) && value.length <= max && value.every(check);

/**
 * A name the runtime reports: a function (cut to MAX_FUNCTION_NAME in src/runtime/stack.ts), a file:line site,
 * a wait's description. The page refuses much longer ones, as it does over-long log text.
 */
const isName: Check = (value) => typeof value === "string" && value.length <= 1000;
const siteCount = shape({ site: isName, handles: isNumber });
const SAMPLE_NUMBERS = ["t", "handles", "goroutines", "timers", "tickers", "memoryMiB"] as const;
/**
 * Written out rather than built from shape(): a flat-out run sends hundreds of samples ten times a second,
 * and this check runs on the page's main thread for every one of them.
 */
const sampleRow: Check = (value) => {
  if (!isRecord(value)) return false;
  for (const field of SAMPLE_NUMBERS) {
    const figure = value[field];
    if (typeof figure !== "number" || Number.isNaN(figure)) return false;
  }
  const { sites } = value;
  if (!Array.isArray(sites) || sites.length > MAX_SITES_PER_SAMPLE) return false;
  for (const site of sites) if (!siteCount(site)) return false;
  return true;
};
// Learner-made text (a log message or its fields, the message of a throw or a panic) is cut to MAX_LOG_TEXT by
// the worker; the page refuses much longer. The slack leaves room for the worker's own words around it.
const isLogText: Check = (value) => typeof value === "string" && value.length <= MAX_LOG_TEXT + 100;

const logRow = shape({
  t: isNumber,
  level: oneOf("info", "warn", "error"),
  message: isLogText,
  fields: isLogText,
});
const dumpGroupRow = shape({
  count: isNumber,
  state: isName,
  function: isName,
  file: isName,
  line: isNumber,
  blockedAt: isName,
  longestBlockedMs: isNumber,
});
const heapRow = shape({ function: isName, site: isName, bytes: isNumber });
// Messages that carry a learner's text (what they threw, what panicked) are bounded like log lines, and for the
// same reason: one 5 MB string in the log list or an editor marker stalls the page. Too long is refused, as a
// log line is, not cut here: the worker clips them, so a longer one is not a message the worker sends, and
// parseFromWorker only says yes or no, never rewrites.
const runError = shape({
  kind: oneOf("syntax", "load", "panic", "deadlock", "timeout", "crash"),
  message: isLogText,
  line: optional(isNumber),
});

const MAX_ROWS = 10_000;
const checkReport = shape({
  status: oneOf("pass", "fail", "error"),
  tests: listOf(
    shape({ name: isName, status: oneOf("pass", "fail"), message: isLogText, detail: optional(isLogText) }),
    100,
  ),
  leaks: listOf(shape({ site: isName, function: isName, state: isName, count: isNumber }), 1000),
  leakReport: isLogText,
  error: optional(shape({ message: isLogText, file: optional(isString), line: optional(isNumber) })),
});
const replaySample = shape({
  minute: isNumber,
  clock: isString,
  pod: isNumber,
  handles: isNumber,
  memoryMiB: isNumber,
});
const replayEvent = shape({
  minute: isNumber,
  clock: isString,
  pod: isNumber,
  type: oneOf("AlertFired", "OOMKilled", "Restarted"),
  exitCode: optional((value) => value === 137),
  handles: isNumber,
  memoryMiB: isNumber,
});
const livePodEvent = shape({
  type: oneOf("AlertFired", "OOMKilled", "Restarted"),
  t: isNumber,
  exitCode: optional((value) => value === 137),
  handles: isNumber,
  memoryMiB: isNumber,
});
const heapProfileEntry = shape({ function: isName, site: isName, MiB: isNumber });
const shortText: Check = (value) => typeof value === "string" && value.length <= 2000;
const podEvidence = shape({
  at: isNumber,
  heapProfile: listOf(heapProfileEntry, 20),
  otherMiB: isNumber,
  goroutines: shape({
    total: isNumber,
    server: isNumber,
    groups: listOf(shape({ count: isNumber, text: shortText }), 20),
  }),
  logs: listOf(shortText, 100),
});
const symptoms = shape({ stuckUploads: isNumber, staleDevices: isNumber, requestsDuringRestart: isNumber });
const messageChecks: Readonly<Record<FromWorker["type"], Check>> = {
  started: shape({}),
  samples: shape({ samples: listOf(sampleRow, MAX_ROWS) }),
  logs: shape({ logs: listOf(logRow, MAX_ROWS), dropped: isNumber }),
  dump: shape({ groups: listOf(dumpGroupRow, MAX_ROWS), heap: listOf(heapRow, MAX_ROWS) }),
  state: shape({ state: oneOf("running", "paused", "finished") }),
  error: shape({ error: runError }),
  checked: shape({ report: checkReport }),
  podEvent: shape({ event: livePodEvent }),
  replayProgress: shape({ samples: listOf(replaySample, MAX_ROWS), events: listOf(replayEvent, MAX_ROWS) }),
  replayed: shape({
    heapProfile: listOf(heapProfileEntry, MAX_ROWS),
    symptoms,
    evidence: optional(podEvidence),
  }),
  heartbeat: shape({}),
};

/** The message as FromWorker if it is a well-formed message of run `runId`, else undefined. */
export function parseFromWorker(data: unknown, runId: number): FromWorker | undefined {
  if (!isRecord(data) || data.runId !== runId || typeof data.type !== "string") return undefined;
  // Own keys only: "constructor" or "toString" would otherwise find Object.prototype's and pass.
  if (!Object.hasOwn(messageChecks, data.type)) return undefined;
  const check = messageChecks[data.type as FromWorker["type"]];
  return check(data) ? (data as unknown as FromWorker) : undefined;
}

/** The messages that end a run, a check or a replay. */
const ENDING_TYPES: ReadonlySet<string> = new Set(["error", "checked", "replayed"]);

/** What the learner is told when the worker's last word was refused: the alternative is waiting for ever. */
export const REFUSED_ENDING =
  "The worker's answer was too large or malformed for the page to take, so it was dropped. Your code is untouched.";

/**
 * Whether `data`, which parseFromWorker refused, was meant to end run `runId` (its error, its check report, its
 * replay). Heartbeats keep coming after it, so the watchdog would never step in: the caller ends the run itself.
 */
export function isRefusedEnding(data: unknown, runId: number): boolean {
  return (
    isRecord(data) &&
    data.runId === runId &&
    typeof data.type === "string" &&
    ENDING_TYPES.has(data.type) &&
    parseFromWorker(data, runId) === undefined
  );
}

/** Exhaustiveness check for switches over the unions. */
export function unreachable(value: never): never {
  throw new Error(`unexpected message ${JSON.stringify(value)}`);
}
