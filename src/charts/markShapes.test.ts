import { describe, expect, it } from "vitest";
import { clipPathOf, OUTLINES } from "./markShapes.ts";

describe("clipPathOf", () => {
  it("makes the legend marker the shape drawn on the chart, within its box", () => {
    expect(clipPathOf("triangle")).toBe("polygon(50% 0%, 100% 90%, 0% 90%)");
    for (const outline of Object.values(OUTLINES)) {
      for (const [x, y] of outline) {
        expect(Math.abs(x)).toBeLessThanOrEqual(1 + 1e-9);
        expect(Math.abs(y)).toBeLessThanOrEqual(1 + 1e-9);
      }
    }
    expect(clipPathOf("cross")).toMatch(/^polygon\((\d+% \d+%, ){11}\d+% \d+%\)$/);
  });
});
