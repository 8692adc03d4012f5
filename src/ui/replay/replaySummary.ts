/**
 * A replay's figures as text, per pod: handles at the start and now, how fast handles and memory grow (by
 * least squares, from 03:00 to the pod's first OOM kill or restart, as `npm run replay` reports its trend), the peak
 * memory, and its events. What the tests read and a screen reader hears, beside the pixels.
 */
import type { ReplayPoints } from "../../series/replaySeries.ts";
import type { ReplayEvent } from "../../sim/replay.ts";
import { slope } from "../../sim/trend.ts";

export interface PodFigures {
  readonly pod: number;
  readonly firstHandles: number | undefined;
  readonly lastHandles: number | undefined;
  /** Handles a minute, and MiB a minute, until the first OOM kill or restart (the drop is not growth). */
  readonly handlesPerMinute: number;
  readonly memoryPerMinute: number;
  readonly peakMemoryMiB: number | undefined;
  readonly alerts: number;
  readonly kills: number;
  readonly restarts: number;
}

export function podFigures(points: ReplayPoints): PodFigures[] {
  return points.handles.map((handles, index) => {
    const pod = index + 1;
    const memory = points.memoryMiB[index] ?? [];
    const events = points.events.filter((event) => event.pod === pod);
    const killedAt =
      events.find((event) => event.type === "OOMKilled" || event.type === "Restarted")?.minute ??
      Number.POSITIVE_INFINITY;
    const handlePoints: [number, number][] = [];
    const memoryPoints: [number, number][] = [];
    let last: number | undefined;
    let peak: number | undefined;
    handles.forEach((value, minute) => {
      const mib = memory[minute];
      if (value == null || mib == null) return;
      last = value;
      peak = Math.max(peak ?? mib, mib);
      if (minute < killedAt) {
        handlePoints.push([minute, value]);
        memoryPoints.push([minute, mib]);
      }
    });
    const count = (type: string) => events.filter((event) => event.type === type).length;
    return {
      pod,
      firstHandles: handlePoints[0]?.[1],
      lastHandles: last,
      handlesPerMinute: slope(handlePoints),
      memoryPerMinute: slope(memoryPoints),
      peakMemoryMiB: peak,
      alerts: count("AlertFired"),
      kills: count("OOMKilled"),
      restarts: count("Restarted"),
    };
  });
}

/**
 * The events as the report's timeline runs: by clock time, pods together at the same minute in pod order. The
 * replay runs pods one after the other, so they arrive grouped by pod (pod 1's whole night, then pod 2's).
 */
export function inClockOrder(events: readonly ReplayEvent[]): ReplayEvent[] {
  return [...events].sort((a, b) => a.minute - b.minute || a.pod - b.pod);
}

const WHOLE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function wholeText(value: number | undefined): string {
  return value === undefined ? "–" : WHOLE.format(value);
}

/** "+42.2/min", "-0.0/min" is shown as "+0.0/min". */
export function rateText(value: number, digits: number, unit: string): string {
  const rounded = Number(value.toFixed(digits));
  return `${rounded >= 0 ? "+" : ""}${(rounded === 0 ? 0 : rounded).toFixed(digits)}${unit}/min`;
}
