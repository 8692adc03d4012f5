/**
 * The run's logs with virtual timestamps, filterable, bounded, and always shown as text; the box follows the
 * newest line unless the learner scrolls up to read.
 */
import { useDeferredValue, useEffect, useId, useRef, useState } from "react";
import { runStore } from "../state/runStore.ts";
import { useStore } from "../state/useStore.ts";
import { formatSimClock } from "./formatSimClock.ts";
import { logRowKeys } from "./logRowKeys.ts";
import { useFollowTail } from "./useFollowTail.ts";

const SHOWN = 300;

export function LogsPanel() {
  const logs = useStore(runStore, (state) => state.logs);
  const dropped = useStore(runStore, (state) => state.droppedLogs);
  const shifted = useStore(runStore, (state) => state.logsShifted);
  const [filter, setFilter] = useState("");
  const deferredFilter = useDeferredValue(filter.trim().toLowerCase());
  const filterId = useId();
  // Each line keeps its number in the run as its key, so a new batch appends rows instead of rewriting all.
  const numbered = logs.map((line, index) => ({ line, number: shifted + index }));
  const matching = deferredFilter
    ? numbered.filter(({ line }) => `${line.message} ${line.fields}`.toLowerCase().includes(deferredFilter))
    : numbered;
  const shown = matching.slice(-SHOWN);
  // The last line number rendered, for the next render's keys (logRowKeys.ts).
  const lastShown = useRef<number | undefined>(undefined);
  const keys = logRowKeys(
    shown.map(({ number }) => number),
    lastShown.current,
  );
  useEffect(() => {
    lastShown.current = shown.at(-1)?.number;
  });
  const box = useRef<HTMLOListElement>(null);
  const followTail = useFollowTail(box, shown.at(-1)?.number);
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
      {shown.length === 0 ? (
        <p className="hint">{logs.length === 0 ? "No log lines yet." : "No line matches the filter."}</p>
      ) : (
        // Focusable, so keyboard users can scroll it.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <ol ref={box} className="log-lines" aria-label="Log lines" tabIndex={0} {...followTail}>
          {shown.map(({ line }, index) => (
            <li key={keys[index]} className={`log-${line.level}`}>
              <span className="log-time">{formatSimClock(line.t)}</span> {line.message}{" "}
              <span className="log-fields">{line.fields}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
