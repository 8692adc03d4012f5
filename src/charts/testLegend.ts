/** Shared by the charts' unit tests: what a layout's legend says, without a canvas. */
import type uPlot from "uplot";
import type { ChartLayout } from "./chartLayouts.ts";

/** What each legend row says with nothing hovered: uPlot calls value with no point and no index. */
export function legendAtRest(layout: ChartLayout): string[] {
  const u = { data: layout.data } as unknown as uPlot;
  return layout.series.map((series) => {
    const value = series.value;
    return typeof value === "function" ? String(value(u, null as unknown as number, 0, null)) : (value ?? "");
  });
}
