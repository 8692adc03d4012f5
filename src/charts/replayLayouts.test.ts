import { describe, expect, it } from "vitest";
import { ReplaySeries } from "../series/replaySeries.ts";
import { BASELINE_MEMORY_MIB } from "../sim/calibration.ts";
import type { ReplayEvent, ReplaySample } from "../sim/replay.ts";
import { handlesRange } from "./axisRanges.ts";
import { LIMIT_RED } from "./chartStyle.ts";
import { clockAt, EVENT_MARKS, replayHandlesLayout, replayMemoryLayout } from "./replayLayouts.ts";
import { legendAtRest } from "./testLegend.ts";

const sample = (minute: number, pod: number, handles: number, memoryMiB: number): ReplaySample => ({
  minute,
  clock: clockAt(minute),
  pod,
  handles,
  memoryMiB,
});
const kill: ReplayEvent = {
  minute: 1.4,
  clock: "03:01",
  pod: 2,
  type: "OOMKilled",
  exitCode: 137,
  handles: 4500,
  memoryMiB: 2050,
};

function filled(): ReplaySeries {
  const series = new ReplaySeries(3, 2);
  series.append([sample(0, 1, 1000, 1600), sample(1, 1, 1040, 1605), sample(0, 2, 900, 1590)], [kill]);
  return series;
}

describe("ReplaySeries", () => {
  it("holds every minute of the window per pod, with gaps where a pod has no sample yet or was down", () => {
    const points = filled().thinned();
    expect(points.minutes).toEqual([0, 1, 2, 3]);
    expect(points.handles).toEqual([
      [1000, 1040, null, null],
      [900, null, null, null],
    ]);
    expect(points.memoryMiB[0]).toEqual([1600, 1605, null, null]);
    expect(points.events).toEqual([kill]);
  });

  it("tells subscribers of each batch and ignores samples outside the window or of unknown pods", () => {
    const series = filled();
    let told = 0;
    series.subscribe(() => told++);
    series.append([sample(9, 1, 1, 1), sample(1, 3, 1, 1)], []);
    expect(told).toBe(1);
    expect(
      series
        .thinned()
        .handles.flat()
        .filter((value) => value !== null),
    ).toHaveLength(3);
  });
});

describe("replay layouts", () => {
  it("draws a line per pod over the clock, and marks each kind of event at its minute", () => {
    const layout = replayHandlesLayout(filled().thinned());
    expect(layout.series.map((series) => series.label)).toEqual([
      "clock",
      "pod 1",
      "pod 2",
      "alert",
      "OOM kill",
      "restart",
    ]);
    expect(layout.data[0]).toEqual([0, 1, 2, 3]);
    expect(layout.data[4]).toEqual([null, 4500, null, null]);
    expect(layout.data[3]).toEqual([null, null, null, null]);
    const clockLabels = layout.axes[0]?.values as (u: unknown, splits: number[]) => string[];
    expect(clockLabels({}, [0, 15, 60])).toEqual(["03:00", "03:15", "04:00"]);
  });

  it("puts the limit and the 90% alert line on the memory chart, and rebuilds for another limit", () => {
    const points = filled().thinned();
    const layout = replayMemoryLayout(points, 4096);
    expect(layout.series.map((series) => series.label).slice(3, 6)).toEqual([
      "limit 4,096 MiB",
      "alert at 90%",
      "pod baseline 1,550 MiB (modelled, not the leak)",
    ]);
    expect(layout.data[3]).toEqual([4096, 4096, 4096, 4096]);
    expect(layout.data[4]?.[0]).toBeCloseTo(3686.4);
    expect(layout.data[5]).toEqual([
      BASELINE_MEMORY_MIB,
      BASELINE_MEMORY_MIB,
      BASELINE_MEMORY_MIB,
      BASELINE_MEMORY_MIB,
    ]);
    expect(layout.data[7]).toEqual([null, 2050, null, null]);
    expect(layout.key).not.toBe(replayMemoryLayout(points, 2048).key);
  });

  it("draws handles from zero, so three level pods of ~430 handles read as flat lines, not a jagged band", () => {
    const layout = replayHandlesLayout(filled().thinned());
    expect(layout.yRange).toBe(handlesRange);
    expect(handlesRange(420, 450)).toEqual([0, 475]);
  });

  it("reads as a key with nothing hovered: no dash for a pod, no colon-only row for a mark", () => {
    const points = filled().thinned();
    for (const layout of [replayHandlesLayout(points), replayMemoryLayout(points, 2048)]) {
      expect(legendAtRest(layout).every((text) => text === "")).toBe(true);
    }
  });

  it("keeps red for the limit and OOM kills: five pods never take an event's colour", () => {
    const series = new ReplaySeries(3, 5);
    const layout = replayMemoryLayout(series.thinned(), 2048);
    const pods = layout.series.slice(1, 6).map((s) => s.stroke);
    expect(new Set(pods).size).toBe(5);
    const events = Object.values(EVENT_MARKS).map((mark) => mark.color);
    expect(events).toContain(LIMIT_RED);
    for (const color of pods) expect(events).not.toContain(color);
    expect(layout.series.find((s) => String(s.label).startsWith("limit"))?.stroke).toBe(LIMIT_RED);
  });

  it("gives the alert, an OOM kill and a restart shapes of their own", () => {
    const shapes = Object.values(EVENT_MARKS).map((mark) => mark.shape);
    expect(new Set(shapes).size).toBe(3);
    const layout = replayHandlesLayout(filled().thinned());
    expect(layout.series.slice(-3).map((s) => (s as { shape?: string }).shape)).toEqual(shapes);
  });
});
