import { describe, expect, it } from "vitest";
import { Series } from "./series.ts";

describe("Series", () => {
  it("keeps every point however many arrive, in virtual minutes", () => {
    const series = new Series();
    for (let i = 0; i < 5000; i++) series.append(i * 1000, i, i / 10);
    expect(series.length).toBe(5000);
    const [x, handles, memory] = series.columns(10_000);
    expect(x).toHaveLength(5000);
    expect([x[60], handles[60], memory[60]]).toEqual([1, 60, 6]);
  });

  it("thins a long series for display but always shows the latest point", () => {
    const series = new Series();
    for (let i = 0; i < 10_001; i++) series.append(i * 1000, i, 0);
    const [x, handles] = series.columns(1000);
    expect(x.length).toBeLessThanOrEqual(1001);
    expect(handles.at(-1)).toBe(10_000);
  });

  it("tells subscribers once per batch, and stops when they unsubscribe", () => {
    const series = new Series();
    let calls = 0;
    const unsubscribe = series.subscribe(() => calls++);
    series.append(0, 1, 1);
    series.append(1000, 2, 1);
    series.changed();
    unsubscribe();
    series.changed();
    expect(calls).toBe(1);
  });
});
