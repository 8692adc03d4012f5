/**
 * The live run's pod events as text under the charts, where the memory chart marks the OOM kills and restarts:
 * every alert, kill and restart with its virtual time and figures. Closed until opened; its summary counts them.
 */
import { runStore } from "../state/runStore.ts";
import { useStore } from "../state/useStore.ts";
import { podEventText } from "./podEventText.ts";

export function PodEvents() {
  const events = useStore(runStore, (state) => state.podEvents);
  const kills = useStore(runStore, (state) => state.kills);
  // Counted over the whole run, as kills are: the list keeps only the latest MAX_POD_EVENTS.
  const alerts = useStore(runStore, (state) => state.alerts);
  if (events.length === 0) return null;
  return (
    <details className="pod-events" data-testid="pod-events">
      <summary>
        Pod events: {kills} OOM {kills === 1 ? "kill" : "kills"}, {alerts} {alerts === 1 ? "alert" : "alerts"}
      </summary>
      <ol>
        {events.map((event) => (
          <li key={`${event.type}-${event.t}`}>{podEventText(event)}</li>
        ))}
      </ol>
    </details>
  );
}
