/**
 * The handle-count axes' range. uPlot's default fits the axis to what is on screen, so a level line of ten
 * handles wobbling by five filled the chart as wild noise (lesson 7's point is to tell a level line from a slow
 * leak). A count starts at zero, and the axis spans at least MIN_HANDLES_SPAN, rounded up to a readable top:
 * the data is untouched, only the frame around it is honest.
 */

/** The least top a handles axis has: a few dozen handles then read as a low, level line. */
export const MIN_HANDLES_SPAN = 100;

/** `value` rounded up to a multiple of a quarter of its power of ten (475, 1,750, 5,000). */
export function niceCeil(value: number): number {
  if (value <= 0) return 0;
  const step = 10 ** Math.floor(Math.log10(value)) / 4;
  return Math.ceil(value / step - 1e-9) * step;
}

/**
 * The axis for counts between `min` and `max` (null when there is nothing to draw yet): from zero, or from the
 * least value if a count were ever negative, to the greatest plus 5% headroom, at least MIN_HANDLES_SPAN.
 */
export function handlesRange(min: number | null, max: number | null): [number, number] {
  const low = Math.min(0, Number.isFinite(min) ? (min as number) : 0);
  const high = Number.isFinite(max) ? (max as number) : 0;
  return [low, niceCeil(Math.max(MIN_HANDLES_SPAN, high * 1.05))];
}
