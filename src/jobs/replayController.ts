/**
 * The incident replay from the page: a fresh worker per replay (docs/ARCHITECTURE.md#workers), watched like a run (silence for
 * WATCHDOG_MS means the code never yields, and the worker is terminated), every message validated before it is
 * passed on. The caller gets a function that cancels: a new replay, leaving the lesson or unmounting all end
 * in `worker.terminate()`.
 */

import { replayProtocol, type StartReplay } from "../sandbox/protocol/replay.ts";
import { REFUSED_ENDING } from "../sandbox/protocol/shared.ts";
import { unreachable } from "../sandbox/protocol/unreachable.ts";
import type { PodEvidence } from "../sim/evidence.ts";
import type { HeapProfileEntry, Symptoms } from "../sim/pod.ts";
import type { ReplayEvent, ReplaySample } from "../sim/replay.ts";
import { createWorker, WATCHDOG_MS } from "./createWorker.ts";

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

let lastReplayId = 0;

/** Starts a replay; returns the function that cancels it (safe to call after it ended). */
export function startReplay(request: ReplayRequest, listener: ReplayListener): () => void {
  const runId = ++lastReplayId;
  const worker = createWorker("Leak Lab replay");
  let ended = false;
  let lastHeard = performance.now();
  const end = () => {
    if (ended) return;
    ended = true;
    worker.terminate();
    clearInterval(watchdog);
  };
  worker.onmessage = (event: MessageEvent<unknown>) => {
    if (ended) return;
    const message = replayProtocol.parse(event.data, runId);
    if (!message) {
      if (replayProtocol.isRefusedEnding(event.data, runId)) {
        end();
        listener.failed(REFUSED_ENDING);
      }
      return;
    }
    lastHeard = performance.now();
    switch (message.type) {
      case "replayProgress":
        listener.progress(message.samples, message.events);
        return;
      case "replayed":
        end();
        listener.done({
          heapProfile: message.heapProfile,
          symptoms: message.symptoms,
          ...(message.evidence && { evidence: message.evidence }),
        });
        return;
      case "error":
        end();
        listener.failed(message.error.message);
        return;
      case "heartbeat":
        return;
      default:
        unreachable(message);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    if (ended) return;
    end();
    listener.failed("The replay's worker crashed (out of memory?).");
  };
  const watchdog = setInterval(() => {
    if (ended || performance.now() - lastHeard < WATCHDOG_MS) return;
    end();
    listener.failed(
      `Stopped: a service's code ran for ${WATCHDOG_MS / 1000} seconds without waiting on anything (a loop that never awaits?).`,
    );
  }, 250);
  worker.postMessage({ type: "replay", runId, ...request } satisfies StartReplay);
  return end;
}
