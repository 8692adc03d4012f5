/**
 * A worker's live run: the learner's service in the lesson's pod (src/sim/livePod.ts: OOM kills and restarts),
 * streaming samples, logs and pod events back in batches with a heartbeat, a dump on request and at the end,
 * and one error at the learner's line when their code fails. Whatever the run's length, what it holds stays
 * bounded: the pod is killed at its memory limit, logs are capped per batch, and samples leave every batch.
 *
 * startLiveRun wires the pieces: the pod (livePod.ts), the outbox that batches samples and logs
 * (liveBatcher.ts), the reporter that turns pod events and the run's end into messages (liveReporter.ts), and
 * the rows and dump in the learner's terms (liveRows.ts, liveDump.ts). What the worker's realm provides
 * (evaluate, a real interval, postMessage, the real clock) is passed in, so Node tests drive a whole run directly.
 */

import type { Host } from "../../runtime/host.ts";
import { LivePod, type PodModule } from "../../sim/livePod.ts";
import type { ModuleExports } from "../../sim/session.ts";
import type { GoServiceLoader } from "../goServiceModule.ts";
import type { FromWorker } from "../protocol/index.ts";
import type { StartRun } from "../protocol/run.ts";
import type { RunError } from "../protocol/shared.ts";
import { transpile } from "../transpile.ts";
import { LiveBatcher } from "./liveBatcher.ts";
import { liveDump } from "./liveDump.ts";
import { LiveReporter, loadError, syntaxError } from "./liveReporter.ts";
import { logRow, sampleRow } from "./liveRows.ts";

export interface LiveRunHost {
  /** Evaluates a transpiled module with the runtime as its only import (learnerRealm.evaluate in a worker). */
  readonly evaluate: (code: string, fileName: string) => ModuleExports;
  /** Compiles a Go file as the lesson's service (goServices.ts); absent where Go cannot be compiled. */
  readonly goServices?: GoServiceLoader;
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

const SAMPLE_EVERY_MS = 1000;

/** Starts the run; answers with `started` at once and ends with `state: finished` (after any error). */
export function startLiveRun(job: StartRun, host: LiveRunHost): LiveRun {
  const { runId, fileName } = job;
  const { send } = host;
  let speed = job.speed;
  let pod: LivePod | undefined;

  send({ type: "started", runId });
  const batcher = new LiveBatcher({ runId, send, every: host.every });
  const dump = () => {
    if (pod) send({ type: "dump", runId, ...liveDump(pod.runtime, fileName) });
  };
  const reporter = new LiveReporter({ runId, fileName, send, batcher, dump });
  const resume = async () => {
    if (!pod || reporter.over) return;
    reporter.running();
    reporter.stopped(await pod.run(speed));
  };

  /** The learner's module, afresh for each boot: their Go compiled as the lesson's service, or their TypeScript. */
  const learnerModule = (): PodModule | RunError => {
    if (fileName.endsWith(".go")) {
      if (!host.goServices) return { kind: "load", message: `${fileName}: Go cannot be run here.` };
      try {
        // The lesson's service is the lesson's own (the slugs of lessons 4 to 6 name their services).
        return { later: host.goServices(job.lesson, job.source, fileName) };
      } catch (error) {
        return loadError(error, fileName);
      }
    }
    const compiled = transpile(job.source, fileName);
    if (!compiled.ok) return syntaxError(compiled.error);
    return { now: () => host.evaluate(compiled.code, fileName) };
  };

  const module = learnerModule();
  if ("kind" in module) {
    reporter.couldNotStart(module);
  } else {
    try {
      pod = new LivePod({
        lesson: job.lesson,
        fileName,
        traffic: job.traffic,
        untilMs: job.untilMs,
        sampleEveryMs: SAMPLE_EVERY_MS,
        module,
        blockStacks: true,
        ...(host.clock && { host: host.clock }),
        onSample: (sample) => {
          batcher.sample(sampleRow(sample, fileName));
          // The first sample goes out at once: the chart should move as soon as Run is pressed.
          if (sample.t === 0) batcher.flush();
        },
        onEvent: (event) => reporter.podEvent(event),
        onLog: (entry) => batcher.log(logRow(entry)),
      });
      void resume();
    } catch (error) {
      reporter.couldNotStart(loadError(error, fileName));
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
      reporter.rejected(reason);
      // run() hears the stop and reports the end: the last samples, a dump, "finished".
      pod.stop();
    },
  };
}
