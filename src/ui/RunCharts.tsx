/**
 * The run's two charts: live handles (total, by kind or by creation site) and the pod's modelled memory against
 * its limit and alert line, its OOM kills and restarts marked (and listed as text below); and the pin that keeps
 * a run on both, dashed, to compare the next one with.
 */
import { useCallback, useEffect, useId, useState } from "react";
import { type HandlesView, handlesLayout, memoryLayout } from "../charts/chartLayouts.ts";
import { LiveChart } from "../charts/LiveChart.tsx";
import type { Thinned } from "../series/series.ts";
import { loadPinnedRun, pinnedRunStore, setPinnedRun } from "../state/pinnedRuns.ts";
import { liveSeries, runStore } from "../state/runStore.ts";
import { useStore } from "../state/useStore.ts";
import { formatSimClock } from "./formatSimClock.ts";
import { PodEvents } from "./PodEvents.tsx";

const VIEWS: readonly { readonly value: HandlesView; readonly label: string }[] = [
  { value: "total", label: "Total" },
  { value: "kind", label: "By kind" },
  { value: "site", label: "By site" },
];

export function RunCharts({ lesson }: { readonly lesson: string }) {
  const [view, setView] = useState<HandlesView>("total");
  const pinned = useStore(pinnedRunStore, (state) => state.bySlug[lesson]);
  // A run pinned on an earlier visit comes back with the lesson.
  useEffect(() => loadPinnedRun(lesson), [lesson]);
  const runId = useStore(runStore, (state) => state.runId);
  const hasPoints = useStore(runStore, (state) => state.clockMs > 0);
  const viewName = useId();

  const handlesOf = useCallback((points: Thinned) => handlesLayout(view, points, pinned), [view, pinned]);
  const podEvents = useStore(runStore, (state) => state.podEvents);
  const memoryOf = useCallback(
    (points: Thinned) => memoryLayout(points, pinned, podEvents),
    [pinned, podEvents],
  );

  const pin = () => {
    const { clockMs } = runStore.getState();
    const label = `pinned: run ${runId} (${formatSimClock(clockMs)})`;
    setPinnedRun(lesson, liveSeries.pin(label));
  };

  return (
    <div className="run-charts">
      <div className="chart-controls">
        <fieldset className="segmented">
          <legend>Handles</legend>
          {VIEWS.map((option) => (
            <label key={option.value}>
              <input
                type="radio"
                name={viewName}
                value={option.value}
                checked={view === option.value}
                onChange={() => setView(option.value)}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
        {pinned ? (
          <button type="button" onClick={() => setPinnedRun(lesson, undefined)}>
            Unpin {pinned.label.replace(/^pinned: /, "")}
          </button>
        ) : (
          <button
            type="button"
            onClick={pin}
            disabled={!hasPoints}
            title="Keep this run on the charts to compare the next one with"
          >
            Pin this run
          </button>
        )}
      </div>
      <LiveChart
        series={liveSeries}
        layoutOf={handlesOf}
        height={200}
        testId="handles-chart"
        emptyText="Press Run to draw the charts"
      />
      <LiveChart
        series={liveSeries}
        layoutOf={memoryOf}
        height={170}
        testId="memory-chart"
        emptyText="The pod's memory, against its limit, once you press Run"
      />
      <PodEvents />
    </div>
  );
}
