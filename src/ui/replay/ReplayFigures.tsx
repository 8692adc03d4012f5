/**
 * The replay in words: its status and progress, a row of figures per pod, the events with their clock times
 * ("03:43 pod 1 alert"), and once it is over the heap profile and what users felt. Everything the charts show
 * is here as text, for screen readers and tests (data-testid).
 */

import { useMemo } from "react";
import { EVENT_MARKS } from "../../charts/replayLayouts.ts";
import type { ReplayEvent } from "../../sim/replay.ts";
import type { ReplayState } from "../../state/replayStore.ts";
import { SERVICE_LABELS } from "./replaySettings.ts";
import { inClockOrder, podFigures, rateText, wholeText } from "./replaySummary.ts";

const USED_TEXT = { starter: "as that night", yours: "your fix", solution: "the solution" } as const;

function statusText(replay: ReplayState): string {
  const shown = replay.shown;
  if (!shown) return "Not replayed yet.";
  const window = `${shown.pods} pods, ${shown.minutes / 60} h`;
  switch (replay.status) {
    case "idle":
      return "Not replayed yet.";
    case "running":
      return replay.at
        ? `Replaying (${window}): pod ${replay.at.pod} at ${replay.at.clock}, ${Math.floor(replay.progress * 100)}% done.`
        : `Starting the replay (${window})…`;
    case "done":
      return `Replayed ${window} in ${((replay.wallMs ?? 0) / 1000).toFixed(1)} s of real time.`;
    case "failed":
      return `The replay failed: ${replay.failure ?? "unknown reason"}`;
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

export function ReplayFigures({ replay }: { readonly replay: ReplayState }) {
  const { points } = replay;
  // Once per batch, as the points change: per pod, and the events in the report's order.
  const figures = useMemo(() => (points ? podFigures(points) : []), [points]);
  const events = useMemo(() => (points ? inClockOrder(points.events) : []), [points]);
  const services = Object.entries(replay.used) as [keyof typeof SERVICE_LABELS, keyof typeof USED_TEXT][];
  const over = replay.status === "done" || replay.status === "failed" || replay.status === "cancelled";
  return (
    <div className="replay-figures">
      <p
        className={replay.status === "failed" ? "replay-status failed" : "replay-status"}
        data-testid="replay-status"
        data-state={replay.status}
        role={replay.status === "failed" ? "alert" : undefined}
      >
        {statusText(replay)}
      </p>
      {/* Spoken once when the replay ends, not at every batch. */}
      <p className="visually-hidden" aria-live="polite">
        {over ? statusText(replay) : ""}
      </p>
      {services.length > 0 ? (
        <p className="replay-note" data-testid="replay-code">
          Code:{" "}
          {services.map(([service, used]) => `${SERVICE_LABELS[service]} ${USED_TEXT[used]}`).join(", ")}.
        </p>
      ) : null}
      {figures.length > 0 ? (
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
            {figures.map((pod) => (
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
      {replay.shown ? (
        <div className="replay-events">
          <h4>Events</h4>
          <ol data-testid="replay-events">
            {events.map((event) => (
              <li key={`${event.pod}-${event.minute}-${event.type}`} className={`replay-event ${event.type}`}>
                {eventText(event)}
              </li>
            ))}
          </ol>
          {events.length === 0 ? (
            <p className="replay-note" data-testid="replay-no-events">
              {replay.status === "done" ? "None: no alert, no OOM kill, no restart." : "None yet."}
            </p>
          ) : null}
        </div>
      ) : null}
      {replay.status === "done" && replay.heapProfile.length > 0 ? (
        <div className="replay-profile">
          <h4>Pod 1's heap profile when its alert fired (modelled inuse_space)</h4>
          <ol data-testid="replay-heap-profile">
            {replay.heapProfile.slice(0, 4).map((entry) => (
              <li key={`${entry.function}-${entry.site}`}>
                {entry.MiB.toFixed(1)} MiB {entry.function} at {entry.site}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {replay.status === "done" && replay.symptoms ? (
        <p className="replay-note" data-testid="replay-symptoms">
          What users felt: {wholeText(replay.symptoms.stuckUploads)} uploads stuck at 100%,{" "}
          {wholeText(replay.symptoms.staleDevices)} devices with stale sync data,{" "}
          {wholeText(replay.symptoms.requestsDuringRestart)} requests refused (502) while pods restarted.
        </p>
      ) : null}
    </div>
  );
}
