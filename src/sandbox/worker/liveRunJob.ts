/**
 * A worker's live run: the learner's service in the lesson's pod (src/sim/livePod.ts: OOM kills and restarts),
 * streaming samples, logs and pod events back in batches with a heartbeat, a dump on request and at the end,
 * and one error at the learner's line when their code fails. Whatever the run's length, what it holds stays
 * bounded: the pod is killed at its memory limit, logs are capped per batch, and samples leave every batch.
 *
 * What the worker's realm provides (evaluate, a real interval, postMessage, the real clock) is passed in, so
 * Node tests drive a whole run directly.
 */

import type { Host } from "../../runtime/host.ts";
import type { LogEntry } from "../../runtime/log.ts";
import type { SiteSample } from "../../runtime/sample.ts";
import { lineInFile } from "../../runtime/stack.ts";
import type { Task } from "../../runtime/task.ts";
import { describeTask } from "../../runtime/views/describeTask.ts";
import { groupTasks } from "../../runtime/views/formatDump.ts";
import { heapProfile } from "../../runtime/views/heapProfile.ts";
import { LearnerCodeError } from "../../sim/learnerCode.ts";
import { LivePod, type LivePodOutcome } from "../../sim/livePod.ts";
import type { ModuleExports } from "../../sim/session.ts";
import type {
  DumpGroupRow,
  FromWorker,
  HeapRow,
  LogRow,
  RunError,
  SampleRow,
  SiteCount,
  StartRun,
} from "../protocol.ts";
import { clipText, MAX_SITES_PER_SAMPLE, OTHER_SITES, unreachable } from "../protocol.ts";
import { transpile } from "../transpile.ts";
import { safeText } from "../virtualGlobals.ts";

export interface LiveRunHost {
  /** Evaluates a transpiled module with the runtime as its only import (learnerRealm.evaluate in a worker). */
  readonly evaluate: (code: string, fileName: string) => ModuleExports;
  readonly send: (message: FromWorker) => void;
  /** A real-time interval, captured before learner code could replace setInterval. */
  readonly every: (callback: () => void, ms: number) => void;
  /** The runtime's wall clock and sleeps. Default: the runtime's own. */
  readonly clock?: Host;
}

/** What the worker asks of a run in progress. */
export interface LiveRun {
  pause(): void;
  resume(): void;
  setSpeed(speed: number): void;
  dump(): void;
  /** A promise rejected with nobody awaiting it: the run ends with a panic, as an unrecovered one ends Go. */
  rejected(reason: unknown): void;
}

const FLUSH_EVERY_MS = 100;
const SAMPLE_EVERY_MS = 1000;
const MAX_LOGS_PER_FLUSH = 500;
const SAMPLES_PER_MESSAGE = 5000;
const SIMULATED_SITE = "the simulated traffic";

function fieldsText(fields: LogEntry["fields"]): string {
  if (!fields) return "";
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : safeText(value)}`)
    .join(" ");
}

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

/** What a learner's throw says, clipped like a log line: `throw new Error("x".repeat(5e6))` is theirs to write. */
function thrownText(error: unknown): string {
  return clipText(error instanceof Error ? error.message : String(error));
}

/** An error at load (the first boot's or a restart's), said in the learner's terms. */
function loadError(error: unknown, fileName: string): RunError {
  const line = error instanceof LearnerCodeError ? error.line : lineInFile(error, fileName);
  return { kind: "load", message: thrownText(error), ...(line === undefined ? {} : { line }) };
}

/** Starts the run; answers with `started` at once and ends with `state: finished` (after any error). */
export function startLiveRun(job: StartRun, host: LiveRunHost): LiveRun {
  const { runId, fileName } = job;
  const send = host.send;
  let samples: SampleRow[] = [];
  let logs: LogRow[] = [];
  let droppedLogs = 0;
  let speed = job.speed;
  let pod: LivePod | undefined;
  let over = false;

  const fail = (error: RunError) => send({ type: "error", runId, error });
  const finish = () => {
    over = true;
    send({ type: "state", runId, state: "finished" });
  };

  const flush = () => {
    if (over) return;
    // In batches the page accepts (protocol.ts caps a message's rows).
    for (let from = 0; from < samples.length; from += SAMPLES_PER_MESSAGE) {
      send({ type: "samples", runId, samples: samples.slice(from, from + SAMPLES_PER_MESSAGE) });
    }
    samples = [];
    if (logs.length > 0 || droppedLogs > 0) {
      send({ type: "logs", runId, logs, dropped: droppedLogs });
      logs = [];
      droppedLogs = 0;
    }
    send({ type: "heartbeat", runId });
  };

  const dump = () => {
    if (!pod) return;
    const { runtime } = pod;
    const now = runtime.now;
    const views = [...runtime.registry.handles("goroutine")].map((task) => describeTask(task as Task, now));
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
    send({ type: "dump", runId, groups, heap });
  };

  const report = (outcome: LivePodOutcome) => {
    flush();
    switch (outcome.kind) {
      case "paused":
        send({ type: "state", runId, state: "paused" });
        return;
      case "panic": {
        const line = lineInFile(outcome.error, fileName);
        const message = `panic: ${thrownText(outcome.error)}`;
        fail({ kind: "panic", message, ...(line === undefined ? {} : { line }) });
        break;
      }
      case "deadlock":
        fail({ kind: "deadlock", message: `fatal error: ${outcome.message}` });
        break;
      case "load":
        fail(loadError(outcome.error, fileName));
        break;
      case "deadline":
      case "exited":
      case "stopped":
        break;
      default:
        unreachable(outcome);
    }
    dump();
    finish();
  };

  const resume = async () => {
    if (!pod || over) return;
    send({ type: "state", runId, state: "running" });
    report(await pod.run(speed));
  };

  send({ type: "started", runId });
  host.every(flush, FLUSH_EVERY_MS);

  const compiled = transpile(job.source, fileName);
  if (!compiled.ok) {
    const { line, message } = compiled.error;
    fail({ kind: "syntax", message: `syntax error: ${clipText(message)}`, line });
    finish();
  } else {
    try {
      pod = new LivePod({
        lesson: job.lesson,
        fileName,
        traffic: job.traffic,
        untilMs: job.untilMs,
        sampleEveryMs: SAMPLE_EVERY_MS,
        load: () => host.evaluate(compiled.code, fileName),
        blockStacks: true,
        ...(host.clock && { host: host.clock }),
        onSample: (sample) => {
          samples.push({
            t: sample.t,
            handles: sample.handles,
            goroutines: sample.goroutines,
            timers: sample.timers,
            tickers: sample.tickers,
            memoryMiB: sample.memoryMiB,
            sites: siteCounts(sample.bySite, fileName),
          });
          // The first sample goes out at once: the chart should move as soon as Run is pressed.
          if (sample.t === 0) flush();
        },
        onEvent: (event) => {
          flush();
          send({ type: "podEvent", runId, event });
        },
        onLog: (entry) => {
          if (logs.length >= MAX_LOGS_PER_FLUSH) {
            logs.shift();
            droppedLogs++;
          }
          logs.push({
            t: entry.t,
            level: entry.level,
            message: clipText(String(entry.message)),
            fields: clipText(fieldsText(entry.fields)),
          });
        },
      });
      void resume();
    } catch (error) {
      fail(loadError(error, fileName));
      finish();
    }
  }

  return {
    pause: () => pod?.pause(),
    resume: () => {
      if (pod && !pod.isRunning) void resume();
    },
    setSpeed: (next) => {
      speed = next;
      pod?.setSpeed(next);
    },
    dump,
    rejected: (reason) => {
      if (!pod?.isRunning) return;
      const line = lineInFile(reason, fileName);
      fail({
        kind: "panic",
        message: `panic: ${thrownText(reason)} (a promise rejected and nothing awaited it)`,
        ...(line === undefined ? {} : { line }),
      });
      // run() hears the stop and reports the end: the last samples, a dump, "finished".
      pod.stop();
    },
  };
}
