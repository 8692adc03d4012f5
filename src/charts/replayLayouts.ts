/**
 * What the replay's two charts draw, as data: one line per pod for live handles and for modelled memory, over
 * the night's clock, with the alert, OOM kills and restarts marked as shapes where they happened, and on the
 * memory chart the pods' limit, the alert's 90% line and the pods' modelled baseline. Handle counts are drawn
 * from zero (axisRanges.ts). Pure functions of the points, tested without a canvas.
 */
import type uPlot from "uplot";
import type { ReplayPoints } from "../series/replaySeries.ts";
import { ALERT_SHARE, BASELINE_MEMORY_MIB } from "../sim/calibration.ts";
import { formatClock, REPLAY_START } from "../sim/clock.ts";
import type { ReplayEvent } from "../sim/replay.ts";
import { handlesRange } from "./axisRanges.ts";
import {
  ALERT_MARK,
  baselineSeries,
  type ChartLayout,
  type Mark,
  markSeries,
  OOM_KILL_MARK,
  RESTART_MARK,
  whole,
} from "./chartLayouts.ts";
import { ALERT_AMBER, AXIS_TEXT, GRID, LIMIT_RED, podColor } from "./chartStyle.ts";

const MINUTE_MS = 60_000;

export const clockAt = (minute: number) => formatClock(REPLAY_START + minute * MINUTE_MS);

const CLOCK_SERIES: uPlot.Series = { label: "clock", value: (_u, v) => (v == null ? "" : clockAt(v)) };
const CLOCK_AXIS: uPlot.Axis = {
  label: "clock",
  stroke: AXIS_TEXT,
  grid: GRID,
  ticks: GRID,
  space: 60,
  // Whole quarter hours at least, so labels read as times rather than fractions of a minute.
  incrs: [15, 30, 60, 120, 180, 240, 360, 720],
  values: (_u, splits) => splits.map(clockAt),
};

/** How each kind of event is marked, and what the event list calls it. */
export const EVENT_MARKS: Readonly<Record<ReplayEvent["type"], Mark>> = {
  AlertFired: ALERT_MARK,
  OOMKilled: OOM_KILL_MARK,
  Restarted: RESTART_MARK,
};

function podLines(values: readonly (readonly (number | null)[])[], unit: string): uPlot.Series[] {
  return values.map((_, index) => ({
    label: `pod ${index + 1}`,
    stroke: podColor(index),
    width: 2,
    // No point: the pod was down then, or is not replayed yet; the row then reads as a key.
    value: (_u: uPlot, v: number | null) => (v == null ? "" : `${whole(v)}${unit}`),
  }));
}

/**
 * One marker series per kind of event: a point at the event's minute and figure, nothing elsewhere. Two events
 * of one kind in the same minute share a point; the text list under the chart has each.
 */
function eventMarks(
  points: ReplayPoints,
  figure: (event: ReplayEvent) => number,
): { series: uPlot.Series[]; data: (number | null)[][] } {
  const series: uPlot.Series[] = [];
  const data: (number | null)[][] = [];
  const kinds = Object.entries(EVENT_MARKS) as [ReplayEvent["type"], Mark][];
  for (const [type, mark] of kinds) {
    const column: (number | null)[] = points.minutes.map(() => null);
    for (const event of points.events) {
      const at = Math.min(points.minutes.length - 1, Math.round(event.minute));
      if (event.type === type && at >= 0) column[at] = figure(event);
    }
    series.push(markSeries(mark));
    data.push(column);
  }
  return { series, data };
}

export function replayHandlesLayout(points: ReplayPoints): ChartLayout {
  const marks = eventMarks(points, (event) => event.handles);
  return {
    key: `replay-handles:${points.handles.length}`,
    series: [CLOCK_SERIES, ...podLines(points.handles, ""), ...marks.series],
    axes: [CLOCK_AXIS, { label: "live handles", stroke: AXIS_TEXT, grid: GRID, ticks: GRID, size: 60 }],
    data: [points.minutes, ...points.handles, ...marks.data] as uPlot.AlignedData,
    yRange: handlesRange,
  };
}

export function replayMemoryLayout(points: ReplayPoints, limitMiB: number): ChartLayout {
  const marks = eventMarks(points, (event) => event.memoryMiB);
  const level = (value: number) => points.minutes.map(() => value);
  const levels: uPlot.Series[] = [
    { label: `limit ${whole(limitMiB)} MiB`, stroke: LIMIT_RED, width: 1, value: () => "" },
    {
      label: `alert at ${ALERT_SHARE * 100}%`,
      stroke: ALERT_AMBER,
      width: 1,
      dash: [2, 3],
      value: () => "",
    },
    baselineSeries(),
  ];
  return {
    key: `replay-memory:${points.memoryMiB.length}:${limitMiB}`,
    series: [CLOCK_SERIES, ...podLines(points.memoryMiB, " MiB"), ...levels, ...marks.series],
    axes: [CLOCK_AXIS, { label: "pod MiB (modelled)", stroke: AXIS_TEXT, grid: GRID, ticks: GRID, size: 60 }],
    data: [
      points.minutes,
      ...points.memoryMiB,
      level(limitMiB),
      level(limitMiB * ALERT_SHARE),
      level(BASELINE_MEMORY_MIB),
      ...marks.data,
    ] as uPlot.AlignedData,
  };
}
