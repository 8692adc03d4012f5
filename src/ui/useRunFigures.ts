/**
 * The run's four headline figures as the page writes them: virtual time, live handles, modelled pod memory and
 * status. The figure cards under the charts' controls and the status strip by the Run button both read them
 * here, so the two always say the same thing.
 */
import { type RunStatus, runStore } from "../state/runStore.ts";
import { useStore } from "../state/useStore.ts";
import { formatSimClock } from "./formatSimClock.ts";

export interface RunFigureText {
  readonly status: RunStatus;
  readonly clock: string;
  readonly handles: string;
  readonly memory: string;
  /** The memory as a number, for what it means for the pod (alert, limit). */
  readonly memoryMiB: number;
}

export function useRunFigures(): RunFigureText {
  const status = useStore(runStore, (state) => state.status);
  const clockMs = useStore(runStore, (state) => state.clockMs);
  const handles = useStore(runStore, (state) => state.handles);
  const memoryMiB = useStore(runStore, (state) => state.memoryMiB);
  return {
    status,
    clock: formatSimClock(clockMs),
    handles: handles.toLocaleString("en-US"),
    memory: `${memoryMiB.toFixed(1)} MiB`,
    memoryMiB,
  };
}
