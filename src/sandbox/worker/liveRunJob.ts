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
import { lineInFile } from "../../runtime/stack.ts";
import { LearnerCodeError } from "../../sim/learnerCode.ts";
import { LivePod, type LivePodOutcome } from "../../sim/livePod.ts";
import type { ModuleExports } from "../../sim/session.ts";
import type { FromWorker, LogRow, RunError, SampleRow, StartRun } from "../protocol.ts";
import { clipText, unreachable } from "../protocol.ts";
import { transpile } from "../transpile.ts";
import { liveDump } from "./liveDump.ts";
import { logRow, sampleRow } from "./liveRows.ts";

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
    if (pod) send({ type: "dump", runId, ...liveDump(pod.runtime, fileName) });
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
          samples.push(sampleRow(sample, fileName));
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
          logs.push(logRow(entry));
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
