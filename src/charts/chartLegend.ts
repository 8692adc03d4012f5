/**
 * The legend as a key. uPlot's live legend puts "label: value" in each row and, with nothing hovered, leaves
 * "label:" or "label: –" behind. The layouts' value functions give "" when there is no value; here each row
 * with an empty value is marked `is-blank` (charts.css drops its colon, and hides the x row, "minute" or
 * "clock", which says nothing without one), and each shaped mark's legend marker takes its shape.
 */
import type uPlot from "uplot";
import { clipPathOf, type ShapedSeries } from "./markShapes.ts";

function legendRows(u: uPlot): NodeListOf<HTMLElement> {
  return u.root.querySelectorAll<HTMLElement>(".u-legend .u-series");
}

/** A setLegend hook: marks the rows that have no value now. */
export function markBlankLegendRows(u: uPlot): void {
  for (const row of legendRows(u)) {
    const blank = !row.querySelector(".u-value")?.textContent;
    if (row.classList.contains("is-blank") !== blank) row.classList.toggle("is-blank", blank);
  }
}

/** Gives the legend markers of shaped series (the event marks) their shape. */
export function shapeLegendMarkers(u: uPlot, series: readonly ShapedSeries[]): void {
  legendRows(u).forEach((row, i) => {
    const shape = series[i]?.shape;
    const marker = row.querySelector<HTMLElement>(".u-marker");
    if (!shape || !marker) return;
    marker.style.clipPath = clipPathOf(shape);
    marker.dataset.shape = shape;
  });
}
