/** The run's logs with virtual timestamps, filterable, bounded, and always shown as text. */
import { useDeferredValue, useId, useState } from "react";
import { runStore } from "../state/runStore.ts";
import { useStore } from "../state/useStore.ts";
import { formatSimClock } from "./formatSimClock.ts";

const SHOWN = 300;

export function LogsPanel() {
  const logs = useStore(runStore, (state) => state.logs);
  const dropped = useStore(runStore, (state) => state.droppedLogs);
  const [filter, setFilter] = useState("");
  const deferredFilter = useDeferredValue(filter.trim().toLowerCase());
  const filterId = useId();
  const matching = deferredFilter
    ? logs.filter((line) => `${line.message} ${line.fields}`.toLowerCase().includes(deferredFilter))
    : logs;
  const shown = matching.slice(-SHOWN);
  return (
    <section className="logs-panel" aria-labelledby="logs-heading">
      <div className="panel-head">
        <h3 id="logs-heading">Logs</h3>
        <label htmlFor={filterId}>Filter</label>
        <input
          id={filterId}
          type="search"
          placeholder="text or session=u12"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      {dropped > 0 && (
        <p className="hint">{dropped.toLocaleString("en-US")} older lines dropped to keep the page fast.</p>
      )}
      <ol className="log-lines" aria-label="Log lines">
        {shown.map((line, index) => (
          // Lines have no identity of their own; position within the shown window is stable enough here.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index} className={`log-${line.level}`}>
            <span className="log-time">{formatSimClock(line.t)}</span> {line.message}{" "}
            <span className="log-fields">{line.fields}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
