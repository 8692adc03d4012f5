/**
 * One live uPlot chart over a run's Series. The chart follows the Series outside React and redraws at most once
 * per animation frame (docs/ARCHITECTURE.md#stores); it is rebuilt only when its layout's key says the series themselves changed
 * (another view, a new site, a pinned run), and disposed on unmount (docs/ARCHITECTURE.md#widgets). Before its first point it
 * shows `emptyText` instead of a blank box; its legend reads as a key until a point is hovered (chartLegend.ts).
 */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import "./charts.css";
import type { Thinned } from "../series/series.ts";
import type { ChartLayout } from "./chartLayouts.ts";
import { markBlankLegendRows, shapeLegendMarkers } from "./chartLegend.ts";
import { withShapePaths } from "./drawShapes.ts";

/** What a chart draws from: its points now, and word when there are more (a run's Series, a replay's). */
export interface ChartSource<P> {
  thinned(): P;
  subscribe(listener: () => void): () => void;
}

/** uPlot's own axis type size, which its default tick and label room are made for. */
const UPLOT_FONT_PX = 12;

/**
 * The axes' type size: three quarters of the chart's own, so the presenter view's large type (app.css
 * `.presenting`) reaches the canvas, which CSS cannot style.
 */
function axisFontPx(host: HTMLElement): number {
  const pagePx = Number.parseFloat(getComputedStyle(host).fontSize) || 16;
  return Math.round(pagePx * 0.75);
}

/** The layout's axes with their text at `px`, and room for it in proportion. */
function axesAt(axes: readonly uPlot.Axis[], px: number): uPlot.Axis[] {
  const scale = px / UPLOT_FONT_PX;
  return axes.map((axis) => ({
    ...axis,
    font: `${px}px system-ui, sans-serif`,
    labelFont: `bold ${px}px system-ui, sans-serif`,
    size: Math.round((typeof axis.size === "number" ? axis.size : 50) * scale),
    labelSize: Math.round(30 * scale),
  }));
}

interface LiveChartProps<P> {
  readonly series: ChartSource<P>;
  /** What to draw from the series' current points; a new function redraws. */
  readonly layoutOf: (points: P) => ChartLayout;
  readonly height: number;
  readonly testId: string;
  /** Said in the chart while it has no point yet ("Press Run to draw the charts"); nothing when absent. */
  readonly emptyText?: string;
}

/** Sets a data- attribute when its value changes: the chart draws every frame of a run, mostly to the same. */
function setData(element: HTMLElement, name: string, value: string): void {
  if (element.dataset[name] !== value) element.dataset[name] = value;
}

export function LiveChart<P = Thinned>({ series, layoutOf, height, testId, emptyText }: LiveChartProps<P>) {
  const boxRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const layoutOfRef = useRef(layoutOf);
  layoutOfRef.current = layoutOf;
  const scheduleRef = useRef<() => void>(() => {});

  useEffect(() => {
    const host = hostRef.current;
    const box = boxRef.current;
    if (!host || !box) return;
    let chart: uPlot | undefined;
    let key = "";
    let frame = 0;
    // Read once and on resize only: getComputedStyle in every frame's draw would force a style recalculation.
    let fontPx = axisFontPx(host);
    const draw = () => {
      frame = 0;
      const layout = layoutOfRef.current(series.thinned());
      setData(box, "empty", String((layout.data[0]?.length ?? 0) === 0));
      const chartKey = `${layout.key}|${fontPx}`;
      if (chart && chartKey === key) {
        chart.setData(layout.data);
        return;
      }
      chart?.destroy();
      key = chartKey;
      setData(box, "axisFontPx", String(fontPx));
      const { yRange } = layout;
      const options: uPlot.Options = {
        width: host.clientWidth || 600,
        height,
        legend: { live: true },
        scales: {
          x: { time: false },
          // uPlot passes null for min and max while no series has a point.
          ...(yRange
            ? { y: { range: (_u: uPlot, min: number | null, max: number | null) => yRange(min, max) } }
            : {}),
        },
        axes: axesAt(layout.axes, fontPx),
        series: layout.series.map(withShapePaths),
        hooks: {
          setLegend: [markBlankLegendRows],
          // The y axis' extent, for tests: the canvas's tick labels are out of the DOM's reach.
          setScale: [
            (u: uPlot, scaleKey: string) => {
              if (scaleKey !== "y") return;
              setData(box, "yMin", String(u.scales.y?.min));
              setData(box, "yMax", String(u.scales.y?.max));
            },
          ],
        },
      };
      chart = new uPlot(options, layout.data, host);
      shapeLegendMarkers(chart, layout.series);
      markBlankLegendRows(chart);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    scheduleRef.current = schedule;
    draw();
    const unsubscribe = series.subscribe(schedule);
    // Entering or leaving the presenter view resizes the chart too: its type size is looked at again then.
    const resize = new ResizeObserver(() => {
      chart?.setSize({ width: host.clientWidth, height });
      const nowPx = axisFontPx(host);
      if (nowPx !== fontPx) {
        fontPx = nowPx;
        schedule();
      }
    });
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

  return (
    <div ref={boxRef} className="live-chart" data-testid={testId} data-empty="true" aria-hidden="true">
      <div ref={hostRef} />
      {emptyText ? <p className="chart-placeholder">{emptyText}</p> : null}
    </div>
  );
}
