/**
 * Event marks drawn as shapes, not only colours, so an alert, an OOM kill and a restart tell apart on a line of
 * the same hue and for readers who do not see the difference in colour: a triangle, a cross, a circle. One
 * outline per shape feeds both the canvas (drawShapes.ts, a uPlot points path builder) and the legend's marker
 * (a CSS clip-path), so the key matches the chart. DOM-free, so the layouts that name shapes test in Node.
 */
import type uPlot from "uplot";

export type MarkShape = "triangle" | "cross" | "circle";

/** A series that may carry a shape for its points and its legend marker (LiveChart reads it). */
export interface ShapedSeries extends uPlot.Series {
  readonly shape?: MarkShape;
}

type Outline = readonly (readonly [number, number])[];

const CIRCLE: Outline = Array.from({ length: 16 }, (_, i) => {
  const angle = (i / 16) * 2 * Math.PI;
  return [Math.cos(angle), Math.sin(angle)] as const;
});
// A plus sign turned 45°: a cross with arms a third of its size wide.
const ARM = 1 / 3;
const PLUS: Outline = [
  [-ARM, -1],
  [ARM, -1],
  [ARM, -ARM],
  [1, -ARM],
  [1, ARM],
  [ARM, ARM],
  [ARM, 1],
  [-ARM, 1],
  [-ARM, ARM],
  [-1, ARM],
  [-1, -ARM],
  [-ARM, -ARM],
];
const CROSS: Outline = PLUS.map(([x, y]) => [(x - y) * Math.SQRT1_2, (x + y) * Math.SQRT1_2] as const);

/** Each shape's outline around (0, 0), within -1..1 each way, y down (the canvas's and CSS's). */
export const OUTLINES: Readonly<Record<MarkShape, Outline>> = {
  triangle: [
    [0, -1],
    [1, 0.8],
    [-1, 0.8],
  ],
  cross: CROSS,
  circle: CIRCLE,
};

/** The legend marker's clip-path for `shape`. */
export function clipPathOf(shape: MarkShape): string {
  const percent = (v: number) => `${Math.round((v + 1) * 50)}%`;
  return `polygon(${OUTLINES[shape].map(([x, y]) => `${percent(x)} ${percent(y)}`).join(", ")})`;
}
