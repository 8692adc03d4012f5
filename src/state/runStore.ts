/** The live run as the page shows it: status, the latest figures, the error, logs and the last dump. */

import type { DumpGroupRow, HeapRow, LogRow } from "../sandbox/protocol/run.ts";
import type { RunError } from "../sandbox/protocol/shared.ts";
import { Series } from "../series/series.ts";
import type { PodEvent } from "../sim/podLifecycle.ts";
import { createStore } from "./createStore.ts";

export type RunStatus = "idle" | "running" | "paused" | "finished";

export interface RunState {
  readonly status: RunStatus;
  readonly runId: number;
  /** The file the run runs (its errors are marked in it). */
  readonly fileName: string;
  /** Virtual ms of the latest sample. */
  readonly clockMs: number;
  readonly handles: number;
  readonly memoryMiB: number;
  readonly error: RunError | undefined;
  readonly logs: readonly LogRow[];
  /** Lines the log panel had to let go of to stay bounded. */
  readonly droppedLogs: number;
  /** Lines that have left the front of `logs`: logs[i] is the run's line number logsShifted + i. */
  readonly logsShifted: number;
  readonly dump: { readonly groups: readonly DumpGroupRow[]; readonly heap: readonly HeapRow[] } | undefined;
  /** The pod's alerts, OOM kills and restarts, the latest MAX_POD_EVENTS of them. */
  readonly podEvents: readonly PodEvent[];
  /** OOM kills so far, however many events were let go. */
  readonly kills: number;
  /** Alerts fired so far, counted as kills are. */
  readonly alerts: number;
}

export const MAX_LOG_LINES = 2000;
/**
 * A day of a leaky service makes a few dozen events; a module over the limit at load, ~400 (a kill and a
 * restart every 7 minutes). The kill and alert counts go on past the list.
 */
export const MAX_POD_EVENTS = 200;

/** Before any run, and what a new run starts from. */
export const NO_RUN: RunState = {
  status: "idle",
  runId: 0,
  fileName: "",
  clockMs: 0,
  handles: 0,
  memoryMiB: 0,
  error: undefined,
  logs: [],
  droppedLogs: 0,
  logsShifted: 0,
  dump: undefined,
  podEvents: [],
  kills: 0,
  alerts: 0,
};

export const runStore = createStore<RunState>(NO_RUN);

/** A pod event added to the run: kept in the bounded list, and counted over the whole run. */
export function withPodEvent(
  state: RunState,
  event: PodEvent,
): Pick<RunState, "podEvents" | "kills" | "alerts"> {
  return {
    podEvents: [...state.podEvents, event].slice(-MAX_POD_EVENTS),
    kills: state.kills + (event.type === "OOMKilled" ? 1 : 0),
    alerts: state.alerts + (event.type === "AlertFired" ? 1 : 0),
  };
}

/** The run's samples, for the chart: high-rate data stays out of React. */
export const liveSeries = new Series();
