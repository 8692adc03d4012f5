/**
 * How a series moves over a window, by least squares rather than first-versus-last, so that the random coming
 * and going of requests and devices neither reads as growth nor hides it.
 */
type Points = readonly (readonly [x: number, y: number])[];

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Least-squares slope of (x, y): units of y per unit of x; 0 for fewer than two points. */
export function slope(points: Points): number {
  if (points.length < 2) return 0;
  const meanX = mean(points.map(([x]) => x));
  const meanY = mean(points.map(([, y]) => y));
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}

/** Growth of the fitted line across the window, as a share of the mean of y (0.01 is 1%). */
export function fittedGrowth(points: Points): number {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return 0;
  const meanY = mean(points.map(([, y]) => y));
  return meanY === 0 ? 0 : (slope(points) * (last[0] - first[0])) / meanY;
}
