import { describe, expect, it } from "vitest";
import { handlesRange, MIN_HANDLES_SPAN, niceCeil } from "./axisRanges.ts";

describe("handlesRange", () => {
  it("starts at zero and spans at least the minimum, so ~10 handles wobbling by a few read as a low level line", () => {
    expect(handlesRange(2, 14)).toEqual([0, MIN_HANDLES_SPAN]);
    expect(MIN_HANDLES_SPAN).toBeGreaterThanOrEqual(5 * 14);
  });

  it("keeps level pods of ~430 handles on an axis from zero, not a 420–460 close-up", () => {
    const [low, high] = handlesRange(420, 450);
    expect(low).toBe(0);
    expect(high).toBeGreaterThan(450);
    expect(high).toBeLessThan(600);
  });

  it("grows with a leak, with headroom, to a readable top", () => {
    expect(handlesRange(412, 4500)).toEqual([0, 4750]);
    expect(handlesRange(0, 1440)).toEqual([0, 1750]);
  });

  it("draws an empty chart from zero to the minimum", () => {
    expect(handlesRange(null, null)).toEqual([0, MIN_HANDLES_SPAN]);
  });
});

describe("niceCeil", () => {
  it("rounds up to a quarter of the value's power of ten", () => {
    expect([niceCeil(100), niceCeil(101), niceCeil(472.5), niceCeil(4725), niceCeil(0)]).toEqual([
      100, 125, 475, 4750, 0,
    ]);
  });
});
