/**
 * A worker's replay job: the incident night (src/sim/replay.ts) on whole pods, with each service running the
 * code the page sent (its starter, the learner's fix or the solution), transpiled once and evaluated afresh for
 * every pod incarnation. Samples and events go back in batches as they are made, with a heartbeat, so the page
 * draws the night while it runs and its watchdog stops code that never yields. The same replay as
 * `npm run replay`: the same code gives the same figures, byte for byte.
 *
 * What the worker's realm provides (evaluate, a real interval, postMessage) is passed in, so Node tests drive
 * the job directly.
 */

import { clipText } from "../../runtime/clipText.ts";
import { lineInFile } from "../../runtime/stack.ts";
import { SERVICES, type ServiceModule, type ServiceName } from "../../sim/pod.ts";
import { type ReplayEvent, type ReplaySample, type ReplayUpdate, replay } from "../../sim/replay.ts";
import type { ModuleExports } from "../../sim/session.ts";
import type { FromWorker } from "../protocol/index.ts";
import type { ReplayService, StartReplay } from "../protocol/replay.ts";
import type { RunError } from "../protocol/shared.ts";
import { transpile } from "../transpile.ts";

export interface ReplayJobHost {
  /** Evaluates a transpiled module with the runtime as its only import (learnerRealm.evaluate in a worker). */
  readonly evaluate: (code: string, fileName: string) => ModuleExports;
  readonly send: (message: FromWorker) => void;
  /** A real-time interval, captured before learner code could replace setInterval. */
  readonly every: (callback: () => void, ms: number) => void;
}

const FLUSH_EVERY_MS = 100;
/** Rows per progress message, under what the page accepts (MAX_ROWS in protocol/limits.ts). */
const ROWS_PER_MESSAGE = 5000;

/** The learner's code failed to compile or load: said with its file and line. */
class ServiceCodeError extends Error {
  constructor(readonly error: RunError) {
    super(error.message);
  }
}

function compile(service: ReplayService, evaluate: ReplayJobHost["evaluate"]): ServiceModule {
  const compiled = transpile(service.source, service.fileName);
  if (!compiled.ok) {
    const { line, message } = compiled.error;
    throw new ServiceCodeError({
      kind: "syntax",
      message: `${service.fileName}:${line}: syntax error: ${clipText(message)}`,
      line,
    });
  }
  const load = async (): Promise<ModuleExports> => {
    try {
      return evaluate(compiled.code, service.fileName);
    } catch (error) {
      const line = lineInFile(error, service.fileName);
      const where = line === undefined ? service.fileName : `${service.fileName}:${line}`;
      // Clipped like a log line: `throw new Error("x".repeat(5e6))` is the learner's to write.
      const reason = clipText(error instanceof Error ? error.message : String(error));
      throw new ServiceCodeError({
        kind: "load",
        message: `${where}: threw while loading: ${reason}`,
        ...(line === undefined ? {} : { line }),
      });
    }
  };
  return { fileName: service.fileName, load };
}

/** The code per service, each of the three exactly once. */
function codeByService(services: readonly ReplayService[]): Map<ServiceName, ReplayService> {
  const byService = new Map(services.map((service) => [service.service, service]));
  if (services.length !== SERVICES.length || SERVICES.some((name) => !byService.has(name))) {
    throw new Error(`a replay needs code for each of ${SERVICES.join(", ")} once`);
  }
  return byService;
}

/** Runs the replay, streaming it; ends with one `replayed` or one `error`. */
export async function runReplayJob(job: StartReplay, host: ReplayJobHost): Promise<void> {
  const { runId } = job;
  let samples: ReplaySample[] = [];
  let events: ReplayEvent[] = [];
  const flush = () => {
    for (let from = 0; from < Math.max(samples.length, events.length); from += ROWS_PER_MESSAGE) {
      host.send({
        type: "replayProgress",
        runId,
        samples: samples.slice(from, from + ROWS_PER_MESSAGE),
        events: events.slice(from, from + ROWS_PER_MESSAGE),
      });
    }
    samples = [];
    events = [];
    host.send({ type: "heartbeat", runId });
  };
  host.every(flush, FLUSH_EVERY_MS);
  const onUpdate = (update: ReplayUpdate) => {
    if (update.type === "sample") samples.push(update.sample);
    else events.push(update.event);
  };
  try {
    const byService = codeByService(job.services);
    const modules = new Map(
      SERVICES.map((name) => [name, compile(byService.get(name) as ReplayService, host.evaluate)]),
    );
    const options = {
      minutes: job.minutes,
      pods: job.pods,
      limitMiB: job.limitMiB,
      restartAt: job.restartAt,
      seed: job.seed,
      fixed: new Set(job.services.filter((service) => service.fixed).map((service) => service.service)),
      evidence: job.evidence ?? false,
    };
    const result = await replay(
      options,
      (service) =>
        modules.get(service) ?? {
          fileName: "",
          load: () => Promise.reject(new Error(`no code for ${service}`)),
        },
      onUpdate,
    );
    flush();
    host.send({
      type: "replayed",
      runId,
      heapProfile: result.heapProfile,
      symptoms: result.symptoms,
      ...(result.evidence && { evidence: result.evidence }),
    });
  } catch (error) {
    flush();
    const failure: RunError =
      error instanceof ServiceCodeError
        ? error.error
        : {
            kind: "crash",
            message: `The replay stopped: ${clipText(error instanceof Error ? error.message : String(error))}`,
          };
    host.send({ type: "error", runId, error: failure });
  }
}
