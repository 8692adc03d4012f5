import { describe, expect, it } from "vitest";
import { OTHER_SITES } from "../sandbox/protocol/limits.ts";
import type { SampleRow } from "../sandbox/protocol/run.ts";
import { MAX_SITE_COLUMNS, Series } from "./series.ts";

function row(t: number, handles: number, memoryMiB = 0, sites: SampleRow["sites"] = []): SampleRow {
  return { t, handles, goroutines: handles, timers: 0, tickers: 0, memoryMiB, sites };
}

describe("Series", () => {
  it("keeps every point until it is full, in virtual minutes", () => {
    const series = new Series();
    for (let i = 0; i < 5000; i++) series.append(row(i * 1000, i, i / 10));
    expect(series.length).toBe(5000);
    const points = series.thinned(10_000);
    expect(points.minutes).toHaveLength(5000);
    expect([points.minutes[60], points.handles[60], points.memoryMiB[60]]).toEqual([1, 60, 6]);
  });

  it("thins a long series for display but always shows the latest point", () => {
    const series = new Series();
    for (let i = 0; i < 10_001; i++) series.append(row(i * 1000, i));
    const { minutes, handles } = series.thinned(1000);
    expect(minutes.length).toBeLessThanOrEqual(1001);
    expect(handles.at(-1)).toBe(10_000);
  });

  it("keeps a column per site, zero before the site first appeared", () => {
    const series = new Series();
    series.append(row(0, 1, 0, [{ site: "a", handles: 1 }]));
    series.append(
      row(1000, 3, 0, [
        { site: "a", handles: 1 },
        { site: "b", handles: 2 },
      ]),
    );
    expect(series.siteLabels()).toEqual(["a", "b"]);
    const { sites } = series.thinned();
    expect(sites.get("a")).toEqual([1, 1]);
    expect(sites.get("b")).toEqual([0, 2]);
  });

  it("folds sites beyond its limit into one column, so a file full of go(...) lines cannot grow the chart", () => {
    const series = new Series();
    const many = Array.from({ length: MAX_SITE_COLUMNS + 5 }, (_, i) => ({ site: `s${i}`, handles: 1 }));
    series.append(row(0, many.length, 0, many));
    expect(series.siteLabels()).toHaveLength(MAX_SITE_COLUMNS);
    expect(series.thinned().sites.get(OTHER_SITES)).toEqual([6]);
  });

  it("pins a copy that later points do not change", () => {
    const series = new Series();
    series.append(row(0, 5, 100));
    const pinned = series.pin("first");
    series.clear();
    series.append(row(0, 9, 200));
    expect(pinned).toEqual({ label: "first", minutes: [0], handles: [5], memoryMiB: [100] });
  });

  it("thins once per batch however many charts read it, and again after new points", () => {
    const series = new Series();
    series.append(row(0, 1));
    const first = series.thinned();
    expect(series.thinned()).toBe(first);
    series.append(row(1000, 2));
    expect(series.thinned()).not.toBe(first);
    expect(series.thinned().handles).toEqual([1, 2]);
    series.clear();
    series.append(row(0, 7));
    series.append(row(1000, 8));
    expect(series.thinned().handles).toEqual([7, 8]);
  });

  it("tells subscribers once per batch, and stops when they unsubscribe", () => {
    const series = new Series();
    let calls = 0;
    const unsubscribe = series.subscribe(() => calls++);
    series.append(row(0, 1));
    series.append(row(1000, 2));
    series.changed();
    unsubscribe();
    series.changed();
    expect(calls).toBe(1);
  });

  it("grows past its first capacity without losing site counts", () => {
    const series = new Series();
    for (let i = 0; i < 3000; i++) series.append(row(i * 1000, i, 0, [{ site: "a", handles: i }]));
    expect(series.thinned(10_000).sites.get("a")?.[2999]).toBe(2999);
  });

  it("stays bounded over a million samples, with the latest point exact and every point a real sample", () => {
    const series = new Series();
    const last = 999_999;
    for (let i = 0; i <= last; i++) {
      series.append(row(i * 1000, i, 1550 + i / 1000, [{ site: "a", handles: i % 7 }]));
    }
    // 16,384 points at most (the default), in 2.4 MB of columns, rather than 48 MB and growing.
    expect(series.allocated).toBeLessThanOrEqual(16_384);
    expect(series.length).toBeLessThanOrEqual(16_384);
    expect(series.length).toBeGreaterThan(16_384 / 4);
    const { minutes, handles, memoryMiB, sites } = series.thinned(100_000);
    expect(minutes).toHaveLength(series.length);
    expect([minutes.at(-1), handles.at(-1), memoryMiB.at(-1)]).toEqual([last / 60, last, 1550 + last / 1000]);
    expect(sites.get("a")?.at(-1)).toBe(last % 7);
    // Evenly spaced, each the last sample of its bucket, its figures those of that very sample.
    const perPoint = series.samplesPerPoint;
    expect(perPoint).toBe(64);
    handles.slice(0, -1).forEach((value, i) => {
      expect(value).toBe((i + 1) * perPoint - 1);
    });
    handles.forEach((value, i) => {
      expect(sites.get("a")?.[i]).toBe(value % 7);
    });
  });

  it("halves its resolution in place when full, then keeps the newest sample as its last point", () => {
    const series = new Series({ maxPoints: 4 });
    for (let i = 0; i < 4; i++) series.append(row(i * 1000, i));
    expect(series.thinned().handles).toEqual([0, 1, 2, 3]);
    series.append(row(4000, 4));
    expect(series.thinned().handles).toEqual([1, 3, 4]);
    series.append(row(5000, 5));
    expect(series.thinned().handles).toEqual([1, 3, 5]);
    series.append(row(6000, 6));
    expect(series.thinned().handles).toEqual([1, 3, 5, 6]);
    expect(series.allocated).toBe(4);
    series.clear();
    series.append(row(0, 9));
    series.append(row(1000, 8));
    expect(series.thinned().handles).toEqual([9, 8]);
  });

  it("pins a downsampled day like any run", () => {
    const series = new Series({ maxPoints: 1000 });
    for (let i = 0; i <= 86_400; i++) series.append(row(i * 1000, i % 500));
    const pinned = series.pin("a day", 200);
    expect(pinned.minutes.length).toBeLessThanOrEqual(201);
    expect([pinned.minutes.at(-1), pinned.handles.at(-1)]).toEqual([1440, 86_400 % 500]);
  });
});
