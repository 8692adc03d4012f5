import type uPlot from "uplot";
import { describe, expect, it } from "vitest";
import type { PinnedRun, Thinned } from "../series/series.ts";
import { ALERT_SHARE, BASELINE_MEMORY_MIB, POD_LIMIT_MIB } from "../sim/calibration.ts";
import { handlesRange } from "./axisRanges.ts";
import { alignTables, handlesLayout, memoryLayout, stack } from "./chartLayouts.ts";
import { legendAtRest } from "./testLegend.ts";

const points: Thinned = {
  minutes: [0, 1, 2],
  handles: [3, 6, 9],
  goroutines: [1, 2, 3],
  timers: [1, 2, 3],
  tickers: [1, 2, 3],
  memoryMiB: [1550, 1600, 1650],
  sites: new Map([
    ["upload (storage.ts:69)", [2, 4, 6]],
    ["the simulated traffic", [1, 2, 3]],
  ]),
};
const pinned: PinnedRun = {
  label: "pinned: run 1",
  minutes: [0, 1.5],
  handles: [10, 20],
  memoryMiB: [1550, 1700],
};

describe("chart layouts", () => {
  it("stacks components so the top band reaches the total", () => {
    expect(
      stack([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toEqual([
      [1, 2],
      [4, 6],
      [9, 12],
    ]);
  });

  it("aligns a pinned run sampled at other moments onto one x, with gaps where a run has no point", () => {
    const aligned = alignTables({ x: [0, 1, 2], ys: [[5, 6, 7]] }, { x: [0, 1.5], ys: [[10, 20]] });
    expect(aligned.x).toEqual([0, 1, 1.5, 2]);
    expect(aligned.ys).toEqual([
      [5, 6, null, 7],
      [10, null, 20, null],
    ]);
  });

  it("draws the total as one line, and the pinned run as a dashed line on the same axes", () => {
    const alone = handlesLayout("total", points, undefined);
    expect(alone.series.map((series) => series.label)).toEqual(["minute", "live handles"]);
    expect(alone.data).toEqual([points.minutes, points.handles]);
    const overlaid = handlesLayout("total", points, pinned);
    expect(overlaid.series.at(-1)).toMatchObject({ label: "pinned: run 1", dash: [6, 4] });
    expect(overlaid.data[0]).toEqual([0, 1, 1.5, 2]);
    expect(overlaid.key).not.toBe(alone.key);
  });

  it("stacks by kind with the top of the stack equal to every handle", () => {
    const layout = handlesLayout("kind", points, undefined);
    expect(layout.series.slice(1).map((series) => series.label)).toEqual(["tickers", "timers", "goroutines"]);
    expect(layout.data[1]).toEqual(points.handles);
    expect(layout.data[3]).toEqual(points.goroutines);
  });

  it("stacks by site, one band per site, and rebuilds when a new site appears", () => {
    const layout = handlesLayout("site", points, undefined);
    expect(layout.series.slice(1).map((series) => series.label)).toEqual([
      "the simulated traffic",
      "upload (storage.ts:69)",
    ]);
    expect(layout.data[1]).toEqual([3, 6, 9]);
    const more = new Map(points.sites).set("watch (sync.ts:213)", [0, 0, 1]);
    expect(handlesLayout("site", { ...points, sites: more }, undefined).key).not.toBe(layout.key);
  });

  it("draws pod memory against the pod's limit and the alert line", () => {
    const layout = memoryLayout(points, undefined);
    expect(layout.data[2]).toEqual([POD_LIMIT_MIB, POD_LIMIT_MIB, POD_LIMIT_MIB]);
    expect(layout.data[3]?.[0]).toBeCloseTo(POD_LIMIT_MIB * ALERT_SHARE);
    expect(layout.series[1]?.label).toBe("pod memory MiB (modelled)");
  });

  it("draws the limit across a longer pinned run too", () => {
    const layout = memoryLayout(points, pinned);
    expect(layout.series.map((series) => series.label)).toEqual([
      "minute",
      "pod memory MiB (modelled)",
      "pinned: run 1",
      `limit ${POD_LIMIT_MIB.toLocaleString("en-US")}`,
      "alert at 90%",
      "pod baseline 1,550 MiB (modelled, not the leak)",
    ]);
    expect(layout.data[3]).toEqual([POD_LIMIT_MIB, POD_LIMIT_MIB, POD_LIMIT_MIB, POD_LIMIT_MIB]);
  });

  it("marks the pod's OOM kills and restarts at their minute and memory, once there is one", () => {
    const alert = { type: "AlertFired", t: 30_000, handles: 5, memoryMiB: 1900 } as const;
    expect(memoryLayout(points, undefined, [alert]).series).toHaveLength(5);
    const kill = { type: "OOMKilled", t: 65_000, exitCode: 137, handles: 9, memoryMiB: 2050 } as const;
    const restart = { type: "Restarted", t: 118_000, handles: 0, memoryMiB: 1550 } as const;
    const layout = memoryLayout(points, undefined, [alert, kill, restart]);
    expect(layout.series.slice(5).map((series) => series.label)).toEqual(["OOM kill", "restart"]);
    expect(layout.series.slice(5).map((series) => (series as { shape?: string }).shape)).toEqual([
      "cross",
      "circle",
    ]);
    expect(layout.data[5]).toEqual([null, 2050, null]);
    expect(layout.data[6]).toEqual([null, null, 1550]);
    expect(layout.key).not.toBe(memoryLayout(points, undefined).key);
  });

  it("labels the pod's modelled baseline with calibration's figure, drawn across the chart", () => {
    const layout = memoryLayout(points, undefined);
    const at = layout.series.findIndex((series) => String(series.label).startsWith("pod baseline"));
    expect(layout.series[at]?.label).toBe(
      `pod baseline ${BASELINE_MEMORY_MIB.toLocaleString("en-US")} MiB (modelled, not the leak)`,
    );
    expect(layout.data[at]).toEqual(points.minutes.map(() => BASELINE_MEMORY_MIB));
  });

  it("draws every handles view from zero with a least span, and leaves memory to fit the limit", () => {
    for (const view of ["total", "kind", "site"] as const) {
      expect(handlesLayout(view, points, undefined).yRange).toBe(handlesRange);
      expect(handlesLayout(view, points, pinned).yRange).toBe(handlesRange);
    }
    expect(memoryLayout(points, undefined).yRange).toBeUndefined();
  });
});

describe("the legend with nothing hovered", () => {
  const events = [
    { type: "OOMKilled", t: 65_000, exitCode: 137, handles: 9, memoryMiB: 2050 },
    { type: "Restarted", t: 118_000, handles: 0, memoryMiB: 1550 },
  ] as const;
  const layouts = [
    handlesLayout("total", points, pinned),
    handlesLayout("kind", points, undefined),
    handlesLayout("site", points, undefined),
    memoryLayout(points, pinned, events),
  ];

  it("has no value and no dash in any row, so each row reads as a key", () => {
    for (const layout of layouts) expect(legendAtRest(layout).every((text) => text === "")).toBe(true);
  });

  it("shows each line's figure on hover, a stacked band's own share", () => {
    const layout = handlesLayout("kind", points, undefined);
    const u = { data: layout.data } as unknown as uPlot;
    const goroutines = layout.series[3];
    expect(typeof goroutines?.value === "function" && goroutines.value(u, 3, 3, 2)).toBe("3");
    const total = handlesLayout("total", points, undefined).series[1];
    expect(typeof total?.value === "function" && total.value(u, 1234, 1, 0)).toBe("1,234");
  });
});
