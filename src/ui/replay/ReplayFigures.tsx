/**
 * The replay in words: its status and progress, a row of figures per pod, the events with their clock times
 * ("03:43 pod 1 alert"), and once it is over the heap profile and what users felt. Everything the charts show
 * is here as text, for screen readers and tests (data-testid).
 */

import { EVENT_MARKS } from "../../charts/replayLayouts.ts";
import type { ReplayEvent } from "../../sim/replay.ts";
import { SERVICE_LABELS } from "./replaySettings.ts";
import { rateText, wholeText } from "./replaySummary.ts";
import type { ReplayView } from "./useReplay.ts";

const USED_TEXT = { starter: "as that night", yours: "your fix", solution: "the solution" } as const;

function statusText(view: ReplayView): string {
  const settings = view.settings;
  if (!settings) return "Not replayed yet.";
  const window = `${settings.pods} pods, ${settings.minutes / 60} h`;
  switch (view.status) {
    case "idle":
      return "Not replayed yet.";
    case "running":
      return view.at
        ? `Replaying (${window}): pod ${view.at.pod} at ${view.at.clock}, ${Math.floor(view.progress * 100)}% done.`
        : `Starting the replay (${window})…`;
    case "done":
      return `Replayed ${window} in ${((view.wallMs ?? 0) / 1000).toFixed(1)} s of real time.`;
    case "failed":
      return `The replay failed: ${view.failure ?? "unknown reason"}`;
    case "cancelled":
      return "Replay cancelled.";
    default:
      return "";
  }
}

function eventText(event: ReplayEvent): string {
  const memory = `${wholeText(event.memoryMiB)} MiB`;
  const handles = `${wholeText(event.handles)} handles`;
  switch (event.type) {
    case "AlertFired":
      return `${event.clock} pod ${event.pod} alert: memory above 90% for 5 minutes (${memory}, ${handles})`;
    case "OOMKilled":
      return `${event.clock} pod ${event.pod} OOM kill, exit code ${event.exitCode ?? 137} (${memory}, ${handles})`;
    case "Restarted":
      return `${event.clock} pod ${event.pod} restart: back with ${handles}, ${memory}`;
    default:
      return `${event.clock} pod ${event.pod} ${EVENT_MARKS[event.type as ReplayEvent["type"]].label}`;
  }
}

export function ReplayFigures({ view }: { readonly view: ReplayView }) {
  const services = Object.entries(view.used) as [keyof typeof SERVICE_LABELS, keyof typeof USED_TEXT][];
  const over = view.status === "done" || view.status === "failed" || view.status === "cancelled";
  return (
    <div className="replay-figures">
      <p
        className={view.status === "failed" ? "replay-status failed" : "replay-status"}
        data-testid="replay-status"
        data-state={view.status}
        role={view.status === "failed" ? "alert" : undefined}
      >
        {statusText(view)}
      </p>
      {/* Spoken once when the replay ends, not at every batch. */}
      <p className="visually-hidden" aria-live="polite">
        {over ? statusText(view) : ""}
      </p>
      {services.length > 0 ? (
        <p className="replay-note" data-testid="replay-code">
          Code:{" "}
          {services.map(([service, used]) => `${SERVICE_LABELS[service]} ${USED_TEXT[used]}`).join(", ")}.
        </p>
      ) : null}
      {view.figures.length > 0 ? (
        <table className="replay-pods" data-testid="replay-pods">
          <caption className="visually-hidden">
            Each pod's figures; growth from 03:00 to its first OOM kill or restart
          </caption>
          <thead>
            <tr>
              <th scope="col">pod</th>
              <th scope="col">handles first</th>
              <th scope="col">handles now</th>
              <th scope="col">handles growth</th>
              <th scope="col">memory growth</th>
              <th scope="col">peak memory</th>
              <th scope="col">alerts · OOM kills · restarts</th>
            </tr>
          </thead>
          <tbody>
            {view.figures.map((pod) => (
              <tr key={pod.pod} data-testid={`replay-pod-${pod.pod}`}>
                <th scope="row">pod {pod.pod}</th>
                <td>{wholeText(pod.firstHandles)}</td>
                <td>{wholeText(pod.lastHandles)}</td>
                <td data-testid={`replay-pod-${pod.pod}-growth`}>{rateText(pod.handlesPerMinute, 1, "")}</td>
                <td>{rateText(pod.memoryPerMinute, 2, " MiB")}</td>
                <td>{pod.peakMemoryMiB === undefined ? "–" : `${wholeText(pod.peakMemoryMiB)} MiB`}</td>
                <td>
                  {pod.alerts} · {pod.kills} · {pod.restarts}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {view.settings ? (
        <div className="replay-events">
          <h4>Events</h4>
          <ol data-testid="replay-events">
            {view.events.map((event) => (
              <li key={`${event.pod}-${event.minute}-${event.type}`} className={`replay-event ${event.type}`}>
                {eventText(event)}
              </li>
            ))}
          </ol>
          {view.events.length === 0 ? (
            <p className="replay-note" data-testid="replay-no-events">
              {view.status === "done" ? "None: no alert, no OOM kill, no restart." : "None yet."}
            </p>
          ) : null}
        </div>
      ) : null}
      {view.status === "done" && view.heapProfile.length > 0 ? (
        <div className="replay-profile">
          <h4>Pod 1's heap profile when its alert fired (modelled inuse_space)</h4>
          <ol data-testid="replay-heap-profile">
            {view.heapProfile.slice(0, 4).map((entry) => (
              <li key={`${entry.function}-${entry.site}`}>
                {entry.MiB.toFixed(1)} MiB {entry.function} at {entry.site}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {view.status === "done" && view.symptoms ? (
        <p className="replay-note" data-testid="replay-symptoms">
          What users felt: {wholeText(view.symptoms.stuckUploads)} uploads stuck at 100%,{" "}
          {wholeText(view.symptoms.staleDevices)} devices with stale sync data,{" "}
          {wholeText(view.symptoms.requestsDuringRestart)} requests refused (502) while pods restarted.
        </p>
      ) : null}
    </div>
  );
}
