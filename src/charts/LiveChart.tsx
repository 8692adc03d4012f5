/**
 * One live uPlot chart over a run's Series. The chart follows the Series outside React and redraws at most once
 * per animation frame (STYLE.md #6); it is rebuilt only when its layout's key says the series themselves changed
 * (another view, a new site, a pinned run), and disposed on unmount (STYLE.md #7).
 */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ChartLayout } from "./chartLayouts.ts";
import type { Thinned } from "./series.ts";

/** What a chart draws from: its points now, and word when there are more (a run's Series, a replay's). */
export interface ChartSource<P> {
  thinned(): P;
  subscribe(listener: () => void): () => void;
}

interface LiveChartProps<P> {
  readonly series: ChartSource<P>;
  /** What to draw from the series' current points; a new function redraws. */
  readonly layoutOf: (points: P) => ChartLayout;
  readonly height: number;
  readonly testId: string;
}

export function LiveChart<P = Thinned>({ series, layoutOf, height, testId }: LiveChartProps<P>) {
  const hostRef = useRef<HTMLDivElement>(null);
  const layoutOfRef = useRef(layoutOf);
  layoutOfRef.current = layoutOf;
  const scheduleRef = useRef<() => void>(() => {});

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let chart: uPlot | undefined;
    let key = "";
    let frame = 0;
    const draw = () => {
      frame = 0;
      const layout = layoutOfRef.current(series.thinned());
      if (chart && layout.key === key) {
        chart.setData(layout.data);
        return;
      }
      chart?.destroy();
      key = layout.key;
      const options: uPlot.Options = {
        width: host.clientWidth || 600,
        height,
        legend: { live: true },
        scales: { x: { time: false } },
        axes: layout.axes,
        series: layout.series,
      };
      chart = new uPlot(options, layout.data, host);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    scheduleRef.current = schedule;
    draw();
    const unsubscribe = series.subscribe(schedule);
    const resize = new ResizeObserver(() => chart?.setSize({ width: host.clientWidth, height }));
    resize.observe(host);
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
      resize.disconnect();
      chart?.destroy();
      scheduleRef.current = () => {};
    };
  }, [series, height]);

  // Another view or a pin changes what is drawn without new samples: draw it on the next frame.
  // biome-ignore lint/correctness/useExhaustiveDependencies: layoutOf is the trigger, read through its ref
  useEffect(() => scheduleRef.current(), [layoutOf]);

  return <div ref={hostRef} className="live-chart" data-testid={testId} aria-hidden="true" />;
}
