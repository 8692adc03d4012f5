/**
 * Draws the event marks' shapes (markShapes.ts) on uPlot's canvas. Kept apart from the layouts because it needs
 * the DOM's Path2D, and the layouts are tested in Node: a layout names a series' shape, LiveChart adds this
 * path builder when it hands the series to uPlot.
 */
import type uPlot from "uplot";
import { type MarkShape, OUTLINES, type ShapedSeries } from "./markShapes.ts";

/** A uPlot points path builder drawing `shape`, `size` CSS pixels across, at each non-null point. */
function shapePaths(shape: MarkShape, size: number): uPlot.Series.Points.PathBuilder {
  return (u, seriesIdx, idx0, idx1) => {
    const xs = u.data[0];
    const ys = u.data[seriesIdx];
    const scale = u.series[seriesIdx]?.scale ?? "y";
    const radius = (size / 2) * (window.devicePixelRatio || 1);
    const path = new Path2D();
    for (let i = idx0; i <= idx1; i++) {
      const value = ys?.[i];
      const at = xs[i];
      if (value == null || at == null) continue;
      const x = u.valToPos(at, "x", true);
      const y = u.valToPos(value, scale, true);
      OUTLINES[shape].forEach(([dx, dy], k) => {
        if (k === 0) path.moveTo(x + dx * radius, y + dy * radius);
        else path.lineTo(x + dx * radius, y + dy * radius);
      });
      path.closePath();
    }
    return { fill: path, stroke: path };
  };
}

/** The series as uPlot draws it: a shaped series' points drawn as its shape rather than dots. */
export function withShapePaths(series: ShapedSeries): uPlot.Series {
  if (!series.shape) return series;
  const size = series.points?.size ?? 11;
  return { ...series, points: { ...series.points, paths: shapePaths(series.shape, size) } };
}
