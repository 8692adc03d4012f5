/**
 * What the two live charts draw, as data: the handles chart (total, or stacked by kind or by creation site) and
 * the pod memory chart (with the pod's limit and the alert line, and its OOM kills and restarts marked), each
 * with a pinned run overlaid when there is one. Pure functions of the series, so they are tested without a
 * canvas; LiveChart hands them to uPlot.
 */
import type uPlot from "uplot";
import type { PinnedRun, Thinned } from "../series/series.ts";
import { ALERT_SHARE, BASELINE_MEMORY_MIB, POD_LIMIT_MIB } from "../sim/calibration.ts";
import type { PodEvent } from "../sim/podLifecycle.ts";
import { handlesRange } from "./axisRanges.ts";
import {
  ALERT_AMBER,
  AXIS_TEXT,
  BASELINE_GREY,
  colorAt,
  GRID,
  LIMIT_RED,
  MEMORY_ORANGE,
  PINNED_COLOR,
  RESTART_GREEN,
} from "./chartStyle.ts";
import type { MarkShape, ShapedSeries } from "./markShapes.ts";

export type HandlesView = "total" | "kind" | "site";

export interface ChartLayout {
  /** Changes exactly when the chart's series change, so the chart is rebuilt then and only redrawn otherwise. */
  readonly key: string;
  readonly series: uPlot.Series[];
  readonly axes: uPlot.Axis[];
  readonly data: uPlot.AlignedData;
  /** The y axis' range for the data's least and greatest value (null before any); uPlot's fit when absent. */
  readonly yRange?: (min: number | null, max: number | null) => [number, number];
}

const MINUTE_SERIES: uPlot.Series = {
  label: "minute",
  value: (_u, v) => (v == null ? "" : v.toFixed(1)),
};
const X_AXIS: uPlot.Axis = { label: "virtual minutes", stroke: AXIS_TEXT, grid: GRID, ticks: GRID };

// One formatter, made once: toLocaleString builds a new one on every call, and the legend formats every
// series at every redraw.
const WHOLE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** A whole number, or "" for none: the legend shows nothing, not a dash, when no point is hovered. */
export function whole(value: number | null | undefined): string {
  return value == null ? "" : WHOLE.format(value);
}

/** Sums columns bottom-up, so column i holds components 0..i: what a stacked area draws. */
export function stack(components: readonly (readonly number[])[]): number[][] {
  const sums: number[][] = [];
  components.forEach((component, i) => {
    const below = sums[i - 1];
    sums.push(component.map((value, j) => value + (below?.[j] ?? 0)));
  });
  return sums;
}

/**
 * Puts two tables with their own x on one x (the union, sorted), with null where a table has no point: uPlot
 * draws every series over one x, and a pinned run was sampled at other moments than the live one.
 */
export function alignTables(
  first: { readonly x: readonly number[]; readonly ys: readonly (readonly number[])[] },
  second: { readonly x: readonly number[]; readonly ys: readonly (readonly number[])[] },
): { x: number[]; ys: (number | null)[][] } {
  const x: number[] = [];
  const ys: (number | null)[][] = [...first.ys, ...second.ys].map(() => []);
  let i = 0;
  let j = 0;
  while (i < first.x.length || j < second.x.length) {
    const a = first.x[i] ?? Number.POSITIVE_INFINITY;
    const b = second.x[j] ?? Number.POSITIVE_INFINITY;
    const at = Math.min(a, b);
    x.push(at);
    first.ys.forEach((column, k) => {
      ys[k]?.push(a === at ? (column[i] ?? null) : null);
    });
    second.ys.forEach((column, k) => {
      ys[first.ys.length + k]?.push(b === at ? (column[j] ?? null) : null);
    });
    if (a === at) i++;
    if (b === at) j++;
  }
  return { x, ys };
}

interface Line {
  readonly series: uPlot.Series;
  readonly values: readonly number[];
}

/** A horizontal line across the whole chart (the pod's limit, the alert threshold). */
interface Level {
  readonly series: uPlot.Series;
  readonly value: number;
}

/**
 * The layout for `lines` over the live run's x, with the pinned run's `pinnedValues` overlaid dashed and the
 * `levels` drawn across the whole x, the pinned run's included.
 */
function layout(
  key: string,
  axis: uPlot.Axis,
  minutes: readonly number[],
  lines: readonly Line[],
  pinned: { readonly run: PinnedRun; readonly values: readonly number[] } | undefined,
  levels: readonly Level[] = [],
): ChartLayout {
  const series: uPlot.Series[] = [MINUTE_SERIES, ...lines.map((line) => line.series)];
  let x = minutes as number[];
  let ys: (number | null)[][] = lines.map((line) => line.values as number[]);
  if (pinned) {
    series.push({
      label: pinned.run.label,
      stroke: PINNED_COLOR,
      dash: [6, 4],
      width: 2,
      value: (_u, v) => whole(v),
    });
    // The two runs were sampled at different moments: each line bridges the other's points.
    for (const line of series.slice(1)) line.spanGaps = true;
    ({ x, ys } = alignTables(
      { x: minutes, ys: lines.map((line) => line.values) },
      { x: pinned.run.minutes, ys: [pinned.values] },
    ));
  }
  for (const level of levels) {
    series.push(level.series);
    ys.push(x.map(() => level.value));
  }
  return {
    key: pinned ? `${key}|pinned:${pinned.run.label}` : key,
    series,
    axes: [X_AXIS, axis],
    data: [x, ...ys] as uPlot.AlignedData,
  };
}

/**
 * Stacked areas, the top of the stack first: uPlot fills each series down to zero in order, so each later
 * (lower) one paints over the one before and leaves its own band showing. Hover shows each band's own count.
 */
function stackedLines(components: readonly { readonly label: string; readonly values: readonly number[] }[]) {
  const sums = stack(components.map((component) => component.values));
  const lines: Line[] = components.map((component, i) => {
    const color = colorAt(i);
    return {
      series: {
        label: component.label,
        stroke: color,
        fill: `${color}55`,
        width: 1,
        value: (u: uPlot, v: number | null, seriesIndex: number, dataIndex: number | null) => {
          if (v == null || dataIndex == null) return "";
          // The band below this one is the next series (see above); the bottom band stands on zero.
          const below = i === 0 ? 0 : (u.data[seriesIndex + 1]?.[dataIndex] ?? 0);
          return whole(v - below);
        },
      },
      values: sums[i] ?? [],
    };
  });
  return lines.reverse();
}

export function handlesLayout(
  view: HandlesView,
  points: Thinned,
  pinned: PinnedRun | undefined,
): ChartLayout {
  return { ...handlesLayoutOf(view, points, pinned), yRange: handlesRange };
}

function handlesLayoutOf(view: HandlesView, points: Thinned, pinned: PinnedRun | undefined): ChartLayout {
  const axis: uPlot.Axis = { label: "live handles", stroke: AXIS_TEXT, grid: GRID, ticks: GRID };
  const pinnedOverlay = pinned && { run: pinned, values: pinned.handles };
  if (view === "kind") {
    const lines = stackedLines([
      { label: "goroutines", values: points.goroutines },
      { label: "timers", values: points.timers },
      { label: "tickers", values: points.tickers },
    ]);
    return layout("kind", axis, points.minutes, lines, pinnedOverlay);
  }
  if (view === "site") {
    const components = [...points.sites].map(([label, values]) => ({ label, values }));
    const key = `site:${components.map((component) => component.label).join("\n")}`;
    return layout(key, axis, points.minutes, stackedLines(components), pinnedOverlay);
  }
  const total: Line = {
    series: { label: "live handles", stroke: colorAt(0), width: 2, value: (_u, v) => whole(v) },
    values: points.handles,
  };
  return layout("total", axis, points.minutes, [total], pinnedOverlay);
}

/** How an event is marked, on the live memory chart and the replay's charts alike. */
export interface Mark {
  readonly label: string;
  readonly color: string;
  readonly shape: MarkShape;
}

export const ALERT_MARK: Mark = { label: "alert", color: ALERT_AMBER, shape: "triangle" };
export const OOM_KILL_MARK: Mark = { label: "OOM kill", color: LIMIT_RED, shape: "cross" };
export const RESTART_MARK: Mark = { label: "restart", color: RESTART_GREEN, shape: "circle" };

/** How the memory chart marks the pod's events. */
const POD_MARKS: readonly (Mark & { readonly type: PodEvent["type"] })[] = [
  { type: "OOMKilled", ...OOM_KILL_MARK },
  { type: "Restarted", ...RESTART_MARK },
];

/** The index of the x nearest to `at` (x sorted). */
function nearest(x: readonly number[], at: number): number {
  let low = 0;
  let high = x.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((x[middle] ?? 0) < at) low = middle + 1;
    else high = middle;
  }
  const before = Math.max(0, low - 1);
  return Math.abs((x[before] ?? 0) - at) <= Math.abs((x[low] ?? 0) - at) ? before : low;
}

/** A series of event marks (an alert, a kill, a restart): its shape at the events, no line between them. */
export function markSeries(mark: Mark): ShapedSeries {
  return {
    label: mark.label,
    shape: mark.shape,
    stroke: mark.color,
    fill: mark.color,
    width: 0,
    paths: () => null,
    // Drawn as its shape by LiveChart (drawShapes.ts), which has the canvas.
    points: { show: true, size: 11, stroke: mark.color, fill: mark.color },
    value: (_u, v) => whole(v),
  };
}

/**
 * The pod's baseline, memory it holds that is not the leak (calibration.ts): a faint line, so the climb above
 * it reads as the leak and the 1.5 GiB under it is not mistaken for one.
 */
export function baselineSeries(): uPlot.Series {
  return {
    label: `pod baseline ${whole(BASELINE_MEMORY_MIB)} MiB (modelled, not the leak)`,
    stroke: BASELINE_GREY,
    width: 1,
    dash: [8, 4],
    value: () => "",
  };
}

/**
 * The layout with a marker series per kind of pod event: a point at the event's minute and memory, nothing
 * elsewhere. The memory line itself drops to zero while the pod is down; the text list under the charts
 * (PodEvents.tsx) names each event.
 */
function withPodMarks(base: ChartLayout, events: readonly PodEvent[]): ChartLayout {
  if (!events.some((event) => event.type !== "AlertFired")) return base;
  const x = base.data[0] as readonly number[];
  const series: uPlot.Series[] = [...base.series];
  const data: (number | null)[][] = [];
  for (const mark of POD_MARKS) {
    const column: (number | null)[] = x.map(() => null);
    for (const event of events) {
      if (event.type === mark.type && x.length > 0) column[nearest(x, event.t / 60_000)] = event.memoryMiB;
    }
    series.push(markSeries(mark));
    data.push(column);
  }
  return {
    key: `${base.key}|pod-events`,
    series,
    axes: base.axes,
    data: [...base.data, ...data] as uPlot.AlignedData,
  };
}

export function memoryLayout(
  points: Thinned,
  pinned: PinnedRun | undefined,
  podEvents: readonly PodEvent[] = [],
): ChartLayout {
  const axis: uPlot.Axis = { label: "pod MiB", stroke: AXIS_TEXT, grid: GRID, ticks: GRID };
  const memory: Line = {
    series: {
      label: "pod memory MiB (modelled)",
      stroke: MEMORY_ORANGE,
      width: 2,
      value: (_u, v) => whole(v),
    },
    values: points.memoryMiB,
  };
  const levels: Level[] = [
    {
      series: { label: `limit ${whole(POD_LIMIT_MIB)}`, stroke: LIMIT_RED, width: 1, value: () => "" },
      value: POD_LIMIT_MIB,
    },
    {
      series: {
        label: `alert at ${ALERT_SHARE * 100}%`,
        stroke: ALERT_AMBER,
        width: 1,
        dash: [2, 3],
        value: () => "",
      },
      value: POD_LIMIT_MIB * ALERT_SHARE,
    },
    { series: baselineSeries(), value: BASELINE_MEMORY_MIB },
  ];
  const overlay = pinned && { run: pinned, values: pinned.memoryMiB };
  return withPodMarks(layout("memory", axis, points.minutes, [memory], overlay, levels), podEvents);
}
