/**
 * The live run's pod events in words: one line per alert, OOM kill and restart (the list under the charts), and
 * the run panel's notice after a kill. Plain text, so the same sentences reach screen readers.
 */
import type { PodEvent } from "../sim/podLifecycle.ts";
import { formatSimClock } from "./formatSimClock.ts";

const WHOLE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

function plural(count: number, one: string, many: string): string {
  return `${WHOLE.format(count)} ${count === 1 ? one : many}`;
}

export function podEventText(event: PodEvent): string {
  const at = formatSimClock(event.t);
  const figures = `${WHOLE.format(event.memoryMiB)} MiB, ${plural(event.handles, "handle", "handles")}`;
  switch (event.type) {
    case "AlertFired":
      return `${at} alert: memory above 90% of the limit for 5 minutes (${figures})`;
    case "OOMKilled":
      return `${at} OOMKilled, exit code ${event.exitCode ?? 137} (${figures})`;
    case "Restarted":
      return `${at} restarted: a fresh pod (${figures})`;
    default:
      return at;
  }
}

/**
 * After the first OOM kill: when the last one was, whether the pod is back, and how many restarts so far.
 * Undefined before any kill. `kills` counts them all (the event list is bounded).
 */
export function killNotice(events: readonly PodEvent[], kills: number): string | undefined {
  const lastKill = events.findLast((event) => event.type === "OOMKilled");
  if (kills === 0 || !lastKill) return undefined;
  const back = events.find((event) => event.type === "Restarted" && event.t > lastKill.t);
  const restarts = back ? kills : kills - 1;
  const killed = `OOMKilled (exit code ${lastKill.exitCode ?? 137}) at ${formatSimClock(lastKill.t)} virtual`;
  const after = back
    ? `restarted ${plural(Math.round((back.t - lastKill.t) / 60_000), "minute", "minutes")} later`
    : "the pod is down, restarting";
  return `${killed}; ${after} — ${plural(restarts, "restart", "restarts")} so far`;
}
