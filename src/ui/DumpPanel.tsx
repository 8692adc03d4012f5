/**
 * The goroutine dump, pprof debug=1 style: live tasks grouped by creation site and state, largest group first.
 * Clicking a group puts the editor's cursor on its go(...) line.
 */

import { requestDump } from "../jobs/runController.ts";
import type { DumpGroupRow } from "../sandbox/protocol/run.ts";
import { revealLine } from "../state/editorStore.ts";
import { runStore } from "../state/runStore.ts";
import { useStore } from "../state/useStore.ts";

const MiB = 1024 * 1024;

function blockedFor(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.floor(ms / 60_000)} min`;
}

export function DumpPanel() {
  const dump = useStore(runStore, (state) => state.dump);
  const status = useStore(runStore, (state) => state.status);
  return (
    <section className="dump-panel" aria-labelledby="dump-heading">
      <div className="panel-head">
        <h3 id="dump-heading">Goroutine dump</h3>
        <button type="button" onClick={requestDump} disabled={status !== "running" && status !== "paused"}>
          Take a dump
        </button>
      </div>
      {!dump ? (
        <p className="hint">
          Run the service, then take a dump to see what is alive and where it was started.
        </p>
      ) : (
        <div className="dump-columns">
          <ol className="dump-groups" aria-label="Live goroutines by creation site">
            {dump.groups.map((group) => (
              <li key={`${group.function}:${group.file}:${group.line}:${group.state}:${group.blockedAt}`}>
                {group.file ? (
                  <button
                    type="button"
                    className="dump-group"
                    onClick={() => revealLine(group.file, group.line)}
                  >
                    <DumpGroupText group={group} />
                  </button>
                ) : (
                  <div className="dump-group simulated">
                    <DumpGroupText group={group} />
                  </div>
                )}
              </li>
            ))}
          </ol>
          <table className="heap-table">
            <caption>Heap by site (modelled)</caption>
            <thead>
              <tr>
                <th scope="col">MiB</th>
                <th scope="col">Held by</th>
              </tr>
            </thead>
            <tbody>
              {dump.heap.slice(0, 8).map((row) => (
                <tr key={row.site}>
                  <td>{(row.bytes / MiB).toFixed(1)}</td>
                  <td>
                    {row.function} <span className="site">{row.site}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function DumpGroupText({ group }: { readonly group: DumpGroupRow }) {
  return (
    <>
      <span className="dump-count">{group.count.toLocaleString("en-US")}</span>
      <span className="dump-state">[{group.state}]</span>
      <span className="dump-site">
        created by {group.function}
        {group.file && ` at ${group.file}:${group.line}`}
      </span>
      {group.blockedAt && <span className="dump-blocked">blocked in {group.blockedAt}</span>}
      <span className="dump-longest">longest {blockedFor(group.longestBlockedMs)}</span>
    </>
  );
}
