/**
 * Handles and modelled memory over virtual time, drawn with uPlot. The chart is created once and disposed on
 * unmount (STYLE.md #7); it follows the run's Series outside React and redraws at most once per frame.
 */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { Series } from "./series.ts";

interface LiveChartProps {
  readonly series: Series;
}

export function LiveChart({ series }: LiveChartProps) {
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const options: uPlot.Options = {
      width: host.clientWidth || 600,
      height: 220,
      legend: { live: true },
      scales: { x: { time: false } },
      axes: [
        { label: "virtual minutes", stroke: "#475569" },
        { label: "handles", stroke: "#0369a1", scale: "handles" },
        { label: "MiB (modelled)", stroke: "#c2410c", side: 1, scale: "mib", grid: { show: false } },
      ],
      series: [
        { label: "minute", value: (_u, v) => (v == null ? "" : v.toFixed(1)) },
        { label: "handles", stroke: "#0369a1", width: 2, scale: "handles" },
        { label: "memory MiB", stroke: "#c2410c", width: 2, scale: "mib" },
      ],
    };
    const chart = new uPlot(options, series.columns(), host);
    let frame = 0;
    const redraw = () => {
      frame = 0;
      chart.setData(series.columns());
    };
    const unsubscribe = series.subscribe(() => {
      if (frame === 0) frame = requestAnimationFrame(redraw);
    });
    const resize = new ResizeObserver(() => chart.setSize({ width: host.clientWidth, height: 220 }));
    resize.observe(host);
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
      resize.disconnect();
      chart.destroy();
    };
  }, [series]);

  return <div ref={hostRef} className="live-chart" aria-hidden="true" />;
}
