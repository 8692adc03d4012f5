/**
 * One replay panel's replay (docs/ARCHITECTURE.md#stores): its status, what it runs, how far it has come and,
 * once over, its profile and symptoms or why it failed. A lesson page may show more than one panel, so each
 * has its own store (createReplayStore). The samples themselves go to the ReplaySeries, outside React; the
 * store holds the series and its points as of the latest batch, for what is shown as text.
 */
import type { ReplayPoints, ReplaySeries } from "../series/replaySeries.ts";
import type { HeapProfileEntry, ServiceName, Symptoms } from "../sim/pod.ts";
import { createStore, type Store } from "./createStore.ts";

export type ReplayStatus = "idle" | "running" | "done" | "failed" | "cancelled";

/** Which code a service runs: the starter, the learner's or the solution. */
export type CodeUsed = "starter" | "yours" | "solution";

export interface ReplayState {
  readonly status: ReplayStatus;
  /** The night replayed (not the controls', which may have changed since): its minutes, pods and limit. */
  readonly shown: { readonly minutes: number; readonly pods: number; readonly limitMiB: number } | undefined;
  readonly series: ReplaySeries | undefined;
  readonly used: Readonly<Partial<Record<ServiceName, CodeUsed>>>;
  /** Share of the pod-minutes replayed so far, 0 to 1, and the last sample's pod and clock. */
  readonly progress: number;
  readonly at: { readonly pod: number; readonly clock: string } | undefined;
  /** The series' points at the latest batch: the figures and events in words are made from them. */
  readonly points: ReplayPoints | undefined;
  readonly wallMs: number | undefined;
  readonly heapProfile: readonly HeapProfileEntry[];
  readonly symptoms: Symptoms | undefined;
  readonly failure: string | undefined;
}

export const NO_REPLAY: ReplayState = {
  status: "idle",
  shown: undefined,
  series: undefined,
  used: {},
  progress: 0,
  at: undefined,
  points: undefined,
  wallMs: undefined,
  heapProfile: [],
  symptoms: undefined,
  failure: undefined,
};

export function createReplayStore(): Store<ReplayState> {
  return createStore(NO_REPLAY);
}
