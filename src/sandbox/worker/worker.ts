/**
 * A worker does one job for the page, then is terminated: a live run (the learner's service under the lesson's
 * traffic, streaming samples, logs and dumps back in batches), a check (the lesson's checks on the learner's
 * code, one report back) or a replay of the incident night on whole pods (replayJob.ts). Before any learner code
 * exists it locks the realm down (learnerRealm.ts).
 */
import { defaultHost } from "../../runtime/host.ts";
import type { LogEntry } from "../../runtime/log.ts";
import { activate, type RunOutcome, Runtime } from "../../runtime/runtime.ts";
import { type SiteSample, sampleEvery } from "../../runtime/sample.ts";
import { lineInFile } from "../../runtime/stack.ts";
import type { Task } from "../../runtime/task.ts";
import { describeTask } from "../../runtime/views/describeTask.ts";
import { groupTasks } from "../../runtime/views/formatDump.ts";
import { heapProfile } from "../../runtime/views/heapProfile.ts";
import { BASELINE_MEMORY_MIB } from "../../sim/calibration.ts";
import { ExportError, startLiveScenario } from "../../sim/liveScenario.ts";
import type {
  DumpGroupRow,
  FromWorker,
  HeapRow,
  LogRow,
  RunError,
  SampleRow,
  SiteCount,
  StartCheck,
  StartRun,
  ToWorker,
} from "../protocol.ts";
import { MAX_LOG_TEXT, MAX_SITES_PER_SAMPLE, OTHER_SITES, unreachable } from "../protocol.ts";
import { transpile } from "../transpile.ts";
import { safeText } from "../virtualGlobals.ts";
import { runCheckJob } from "./checkJob.ts";
import { evaluate, lockDown } from "./learnerRealm.ts";
import { runReplayJob } from "./replayJob.ts";

declare const self: DedicatedWorkerGlobalScope;

// Captured before learner code can see (or replace) them.
const host = defaultHost();
const post = self.postMessage.bind(self);
const realSetInterval = self.setInterval.bind(self);

// A worker waits as the standby for the next Run: compile a line now, so the transpiler's first-call cost
// (tens of ms) is paid here rather than between pressing Run and the first sample.
transpile("export const warm = 1;", "warm.ts");

const MiB = 1024 * 1024;
const FLUSH_EVERY_MS = 100;
const SAMPLE_EVERY_MS = 1000;
const MAX_LOGS_PER_FLUSH = 500;
const SAMPLES_PER_MESSAGE = 5000;

let runtime: Runtime | undefined;
let run: StartRun | undefined;
let samples: SampleRow[] = [];
let logs: LogRow[] = [];
let droppedLogs = 0;

function send(message: FromWorker): void {
  post(message);
}

/** A log line's text, cut to what the page shows (a learner can log a megabyte string). */
function clip(text: string): string {
  if (text.length <= MAX_LOG_TEXT) return text;
  return `${text.slice(0, MAX_LOG_TEXT)}… (${(text.length - MAX_LOG_TEXT).toLocaleString("en-US")} more characters)`;
}

function fieldsText(fields: LogEntry["fields"]): string {
  if (!fields) return "";
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : safeText(value)}`)
    .join(" ");
}

function fail(error: RunError): void {
  if (run) send({ type: "error", runId: run.runId, error });
}

const SIMULATED_SITE = "the simulated traffic";

/**
 * Live handles by site as the chart labels them: the learner's by function and line, the simulation's (its
 * requests in flight) as one row; the largest few, the rest as "other sites".
 */
function siteCounts(bySite: readonly SiteSample[], fileName: string): SiteCount[] {
  const counts = new Map<string, number>();
  for (const stats of bySite) {
    const handles = stats.goroutines + stats.timers + stats.tickers;
    if (handles === 0) continue;
    const label = stats.site.startsWith(`${fileName}:`)
      ? `${stats.function} (${stats.site})`
      : SIMULATED_SITE;
    counts.set(label, (counts.get(label) ?? 0) + handles);
  }
  const rows = [...counts]
    .map(([site, handles]) => ({ site, handles }))
    .sort((a, b) => b.handles - a.handles);
  if (rows.length <= MAX_SITES_PER_SAMPLE) return rows;
  const kept = rows.slice(0, MAX_SITES_PER_SAMPLE - 1);
  const rest = rows.slice(MAX_SITES_PER_SAMPLE - 1).reduce((sum, row) => sum + row.handles, 0);
  return [...kept, { site: OTHER_SITES, handles: rest }];
}

function flush(): void {
  if (!run) return;
  // In batches the page accepts (protocol.ts caps a message's rows).
  for (let from = 0; from < samples.length; from += SAMPLES_PER_MESSAGE) {
    send({ type: "samples", runId: run.runId, samples: samples.slice(from, from + SAMPLES_PER_MESSAGE) });
  }
  samples = [];
  if (logs.length > 0 || droppedLogs > 0) {
    send({ type: "logs", runId: run.runId, logs, dropped: droppedLogs });
    logs = [];
    droppedLogs = 0;
  }
  send({ type: "heartbeat", runId: run.runId });
}

function dump(): void {
  if (!run || !runtime) return;
  const now = runtime.now;
  const views = [...runtime.registry.handles("goroutine")].map((task) => describeTask(task as Task, now));
  const fileName = run.fileName;
  const groups: DumpGroupRow[] = groupTasks(views).map((group) => {
    const common = { count: group.count, state: group.state, longestBlockedMs: group.longestBlocked };
    if (group.createSite.file === fileName) {
      const blockedAt = group.blockSite ? `${group.blockSite.fn} ${group.blockSite.key}` : "";
      return {
        ...common,
        function: group.createSite.fn,
        file: fileName,
        line: group.createSite.line,
        blockedAt,
      };
    }
    // Tasks the simulation starts (request handlers) live in the bundle, whose file and line mean nothing to
    // the learner: they are named, with no line to go to.
    return {
      ...common,
      function: `${group.name ?? "runtime"} (simulated)`,
      file: "",
      line: 0,
      blockedAt: "",
    };
  });
  // The learner's sites by name; everything the simulation holds (requests in flight) as one row.
  const entries = heapProfile(runtime.registry.bySite());
  const heap: HeapRow[] = entries
    .filter((entry) => entry.site.startsWith(`${fileName}:`))
    .map((entry) => ({ function: entry.function, site: entry.site, bytes: entry.bytes }));
  const simulated = entries.filter((entry) => !entry.site.startsWith(`${fileName}:`));
  if (simulated.length > 0) {
    const bytes = simulated.reduce((sum, entry) => sum + entry.bytes, 0);
    heap.push({ function: "requests in flight (simulated)", site: "", bytes });
  }
  send({ type: "dump", runId: run.runId, groups, heap });
}

function reportOutcome(outcome: RunOutcome, fileName: string): void {
  if (!run) return;
  flush();
  switch (outcome.kind) {
    case "paused":
      send({ type: "state", runId: run.runId, state: "paused" });
      return;
    case "panic": {
      const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      const line = lineInFile(outcome.error, fileName);
      fail({ kind: "panic", message: `panic: ${message}`, ...(line === undefined ? {} : { line }) });
      break;
    }
    case "deadlock":
      fail({ kind: "deadlock", message: `fatal error: ${outcome.message}` });
      break;
    case "deadline":
    case "exited":
    case "stopped":
      break;
    default:
      unreachable(outcome);
  }
  dump();
  send({ type: "state", runId: run.runId, state: "finished" });
}

/**
 * A promise that rejects with nobody awaiting it ends the run, as an unrecovered panic ends a Go program (and an
 * unhandled rejection a Node one); left alone, the browser would only log it and the run would go on.
 */
function unhandledRejection(event: PromiseRejectionEvent): void {
  event.preventDefault();
  if (!run || !runtime?.isRunning) return;
  const reason: unknown = event.reason;
  const line = lineInFile(reason, run.fileName);
  fail({
    kind: "panic",
    message: `panic: ${reason instanceof Error ? reason.message : String(reason)} (a promise rejected and nothing awaited it)`,
    ...(line === undefined ? {} : { line }),
  });
  // resume() hears the stop and reports the end: the last samples, a dump, "finished".
  runtime.stop();
}

async function resume(): Promise<void> {
  if (!runtime || !run) return;
  send({ type: "state", runId: run.runId, state: "running" });
  const outcome = await runtime.run({ until: run.untilMs, speed: run.speed });
  reportOutcome(outcome, run.fileName);
}

function start(message: StartRun): void {
  run = message;
  lockDown();
  send({ type: "started", runId: message.runId });
  realSetInterval(flush, FLUSH_EVERY_MS);
  self.addEventListener("unhandledrejection", unhandledRejection);

  const compiled = transpile(message.source, message.fileName);
  if (!compiled.ok) {
    const { line, message: reason } = compiled.error;
    fail({ kind: "syntax", message: `syntax error: ${reason}`, line });
    send({ type: "state", runId: message.runId, state: "finished" });
    return;
  }
  runtime = new Runtime({ host, blockStacks: true });
  activate(runtime);
  runtime.onLog = (entry) => {
    if (logs.length >= MAX_LOGS_PER_FLUSH) {
      logs.shift();
      droppedLogs++;
    }
    logs.push({
      t: entry.t,
      level: entry.level,
      message: clip(String(entry.message)),
      fields: clip(fieldsText(entry.fields)),
    });
  };
  try {
    const exports = evaluate(compiled.code, message.fileName);
    startLiveScenario(message.lesson, exports, message.fileName, message.traffic, (body, name) => {
      runtime?.go(body, { internal: true, name });
    });
  } catch (error) {
    const line = error instanceof ExportError ? undefined : lineInFile(error, message.fileName);
    const reason = error instanceof Error ? error.message : String(error);
    fail({ kind: "load", message: reason, ...(line === undefined ? {} : { line }) });
    send({ type: "state", runId: message.runId, state: "finished" });
    return;
  }
  const current = runtime;
  sampleEvery(current, SAMPLE_EVERY_MS, (sample) => {
    samples.push({
      t: sample.t,
      handles: sample.handles,
      goroutines: sample.goroutines,
      timers: sample.timers,
      tickers: sample.tickers,
      memoryMiB: BASELINE_MEMORY_MIB + sample.memoryBytes / MiB,
      sites: siteCounts(sample.bySite, message.fileName),
    });
    // The first sample goes out at once: the chart should move as soon as Run is pressed.
    if (sample.t === 0) flush();
  });
  void resume();
}

/** True once the worker has taken its one job. */
let busy = false;

function check(job: StartCheck): void {
  lockDown();
  // The page's watchdog hears this while the checks make progress; a learner loop that never yields stops it.
  realSetInterval(() => send({ type: "heartbeat", runId: job.runId }), FLUSH_EVERY_MS);
  runCheckJob(job).then(
    (report) => send({ type: "checked", runId: job.runId, report }),
    (error: unknown) => {
      const message = `The checks could not run: ${error instanceof Error ? error.message : String(error)}`;
      send({ type: "error", runId: job.runId, error: { kind: "crash", message } });
    },
  );
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "start":
      if (!busy) {
        busy = true;
        start(message);
      }
      return;
    case "check":
      if (!busy) {
        busy = true;
        check(message);
      }
      return;
    case "replay":
      if (!busy) {
        busy = true;
        lockDown();
        void runReplayJob(message, { evaluate, send, every: realSetInterval });
      }
      return;
    case "pause":
      runtime?.pause();
      return;
    case "resume":
      if (runtime && !runtime.isRunning) void resume();
      return;
    case "speed":
      runtime?.setSpeed(message.speed);
      if (run) run = { ...run, speed: message.speed };
      return;
    case "dump":
      dump();
      return;
    default:
      unreachable(message);
  }
};
