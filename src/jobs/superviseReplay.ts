/**
 * A replay of the incident night in a worker, supervised like every job (superviseJob.ts), its messages handed
 * to a listener: what a replay panel (replayController.ts) and the taking of evidence (evidenceController.ts)
 * share. The caller gets a function that cancels.
 */
import { type ReplayMessage, replayProtocol, type StartReplay } from "../sandbox/protocol/replay.ts";
import { REFUSED_ENDING } from "../sandbox/protocol/shared.ts";
import { unreachable } from "../sandbox/protocol/unreachable.ts";
import type { PodEvidence } from "../sim/evidence.ts";
import type { HeapProfileEntry, Symptoms } from "../sim/pod.ts";
import type { ReplayEvent, ReplaySample } from "../sim/replay.ts";
import { createWorker } from "./createWorker.ts";
import { type JobFailure, realClock, superviseJob, WATCHDOG_MS } from "./superviseJob.ts";

export type ReplayRequest = Omit<StartReplay, "type" | "runId">;

export interface ReplayListener {
  /** Samples and events made since the last batch. */
  progress(samples: readonly ReplaySample[], events: readonly ReplayEvent[]): void;
  done(result: {
    readonly heapProfile: readonly HeapProfileEntry[];
    readonly symptoms: Symptoms;
    readonly evidence?: PodEvidence;
  }): void;
  failed(message: string): void;
}

const FAILURES: Readonly<Record<JobFailure, string>> = {
  silent: `Stopped: a service's code ran for ${WATCHDOG_MS / 1000} seconds without waiting on anything (a loop that never awaits?).`,
  crashed: "The replay's worker crashed (out of memory?).",
  refused: REFUSED_ENDING,
};

/** Starts a replay; returns the function that cancels it (safe to call after it ended). */
export function superviseReplay(request: ReplayRequest, listener: ReplayListener): () => void {
  const job = superviseJob<StartReplay, ReplayMessage>(
    {
      protocol: replayProtocol,
      start: (runId) => ({ type: "replay", runId, ...request }),
      onMessage(message) {
        switch (message.type) {
          case "replayProgress":
            return listener.progress(message.samples, message.events);
          case "replayed":
            return listener.done({
              heapProfile: message.heapProfile,
              symptoms: message.symptoms,
              ...(message.evidence && { evidence: message.evidence }),
            });
          case "error":
            return listener.failed(message.error.message);
          case "heartbeat":
            return;
          default:
            unreachable(message);
        }
      },
      onFailure: (failure) => listener.failed(FAILURES[failure]),
    },
    { worker: () => createWorker("Leak Lab replay"), clock: realClock },
  );
  return job.cancel;
}
