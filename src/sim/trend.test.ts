import { describe, expect, it } from "vitest";
import { fittedGrowth, slope } from "./trend.ts";

describe("slope", () => {
  it("is the rate of a straight line", () => {
    expect(
      slope([
        [0, 1247],
        [15, 1892],
        [30, 2537],
      ]),
    ).toBeCloseTo(43, 6);
  });

  it("is zero for a flat or a single-point series", () => {
    expect(
      slope([
        [0, 5],
        [1, 5],
        [2, 5],
      ]),
    ).toBe(0);
    expect(slope([[0, 5]])).toBe(0);
  });
});

describe("fittedGrowth", () => {
  it("is the growth across the window as a share of the mean", () => {
    // 100 → 120 over the window, mean 110.
    expect(
      fittedGrowth([
        [0, 100],
        [1, 110],
        [2, 120],
      ]),
    ).toBeCloseTo(20 / 110, 9);
  });

  it("sees through noise that first-versus-last would read as growth", () => {
    // 480 → 500 is +4% first-versus-last; the fitted line grows under 1%.
    const noisy = [
      [0, 480],
      [1, 505],
      [2, 500],
      [3, 490],
      [4, 485],
      [5, 500],
    ] as const;
    expect(Math.abs(fittedGrowth(noisy))).toBeLessThan(0.01);
  });
});
