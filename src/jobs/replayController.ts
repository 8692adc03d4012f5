/**
 * A replay panel's replays: each reads the services' code (the latest saved), starts the night in a worker
 * (superviseReplay.ts) and feeds the panel's store and a ReplaySeries for its charts. A new replay, Cancel and
 * leaving the lesson end the one in progress, even while its code is still being read.
 */

import { ReplaySeries } from "../series/replaySeries.ts";
import { REPLAY_START } from "../sim/clock.ts";
import type { ServiceName } from "../sim/pod.ts";
import type { Store } from "../state/createStore.ts";
import { createReplayStore, NO_REPLAY, type ReplayState } from "../state/replayStore.ts";
import { type CodeSource, codeUsed, replayServices } from "./chooseCode.ts";
import { loadServiceCode } from "./serviceCode.ts";
import { realClock } from "./superviseJob.ts";
import { superviseReplay } from "./superviseReplay.ts";

/** What to replay: the night's window and limit, a restart, and the code each service runs. */
export interface ReplayOrder {
  /** Simulated minutes from 03:00. */
  readonly minutes: number;
  readonly pods: number;
  readonly limitMiB: number;
  /** Minutes after 03:00 at which every pod is restarted, or none. */
  readonly restartAfter: number | undefined;
  readonly fixed: ReadonlySet<ServiceName>;
  readonly code: CodeSource;
}

export interface ReplayController {
  readonly store: Store<ReplayState>;
  start(order: ReplayOrder): void;
  /** Ends the replay in progress, if any. */
  cancel(): void;
}

const MINUTE_MS = 60_000;
/** The seed `npm run replay` uses by default: the browser shows the same night as the facilitator's terminal. */
const SEED = 1;

export function createReplayController(): ReplayController {
  const store = createReplayStore();
  let cancelJob = () => {};
  /** Counts starts and cancels, so code read for a replay since ended starts nothing. */
  let attempt = 0;

  const end = () => {
    attempt++;
    cancelJob();
  };

  function start(order: ReplayOrder): void {
    end();
    const current = attempt;
    const { minutes, pods, limitMiB } = order;
    store.setState({ ...NO_REPLAY, status: "running", shown: { minutes, pods, limitMiB } });
    const startedAt = realClock.now();
    const failed = (failure: string) => store.setState({ status: "failed", failure });
    loadServiceCode().then(
      (codes) => {
        if (current !== attempt) return;
        const series = new ReplaySeries(minutes, pods);
        const used = Object.fromEntries(
          codes.map((code) => [code.service, codeUsed(code, order.fixed.has(code.service), order.code)]),
        );
        store.setState({ series, used });
        const podMinutes = pods * (minutes + 1);
        const restartAt =
          order.restartAfter === undefined ? [] : [REPLAY_START + order.restartAfter * MINUTE_MS];
        cancelJob = superviseReplay(
          {
            minutes,
            pods,
            limitMiB,
            restartAt,
            seed: SEED,
            services: replayServices(codes, order.fixed, order.code),
          },
          {
            progress(samples, events) {
              series.append(samples, events);
              const last = samples.at(-1);
              // Pods are replayed one after the other, each from 03:00 to the end.
              const replayed = last ? (last.pod - 1) * (minutes + 1) + last.minute + 1 : 0;
              store.setState((state) => ({
                progress: Math.max(state.progress, Math.min(1, replayed / podMinutes)),
                at: last ? { pod: last.pod, clock: last.clock } : state.at,
                points: series.thinned(),
              }));
            },
            done({ heapProfile, symptoms }) {
              store.setState({
                status: "done",
                progress: 1,
                wallMs: realClock.now() - startedAt,
                heapProfile,
                symptoms,
              });
            },
            failed,
          },
        );
      },
      (error: unknown) => {
        if (current !== attempt) return;
        failed(
          `The services' code could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        );
      },
    );
  }

  function cancel(): void {
    end();
    store.setState((state) => (state.status === "running" ? { status: "cancelled" } : {}));
  }

  return { store, start, cancel };
}
