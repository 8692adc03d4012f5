/**
 * The run's figures as text: virtual time, live handles, modelled pod memory and status, with what the memory
 * means for the pod: the alert near its limit, and after an OOM kill when it was and how many restarts so far
 * (the live run kills and restarts the pod as the replay does: src/sim/livePod.ts). A component of its own
 * because it changes with every batch of samples (about ten times a second): only it re-renders then, not the
 * panels beside it.
 */
import { ALERT_SHARE, POD_LIMIT_MIB } from "../sim/calibration.ts";
import { toUrlPath } from "../state/route.ts";
import { runStore } from "../state/runStore.ts";
import { useStore } from "../state/useStore.ts";
import { formatSimClock } from "./formatSimClock.ts";
import { killNotice } from "./podEventText.ts";
import { useRunFigures } from "./useRunFigures.ts";

export function RunFigures() {
  const { status, clock, handles, memory, memoryMiB } = useRunFigures();
  return (
    <>
      <dl className="run-figures">
        <div>
          <dt>Virtual time</dt>
          <dd data-testid="sim-clock">{clock}</dd>
        </div>
        <div>
          <dt>Live handles</dt>
          <dd data-testid="handle-count">{handles}</dd>
        </div>
        <div>
          <dt>
            Pod memory{" "}
            <a
              className="modelled"
              href={toUrlPath("/memory-model", import.meta.env.BASE_URL)}
              target="_blank"
              rel="noopener"
            >
              (modelled)
            </a>
          </dt>
          <dd data-testid="memory-mib">{memory}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd data-testid="run-status">{status}</dd>
        </div>
      </dl>
      <p className="visually-hidden" aria-live="polite">
        <RunSentence />
      </p>
      <PodNotice />
      <PodPressure memoryMiB={memoryMiB} />
    </>
  );
}

/**
 * For screen readers: what changed, not every sample. While running it says only that; when the run pauses
 * or ends it gives the figures once.
 */
function RunSentence() {
  const status = useStore(runStore, (state) => state.status);
  // Read, not subscribed: the sentence changes with the status alone.
  const { clockMs, handles, memoryMiB, kills } = runStore.getState();
  if (status === "idle") return "Not running.";
  if (status === "running") return "Running.";
  const killed = kills === 0 ? "" : ` The pod was OOM-killed ${kills === 1 ? "once" : `${kills} times`}.`;
  return `${status === "paused" ? "Paused" : "Finished"} after ${formatSimClock(clockMs)} of virtual time: ${handles.toLocaleString("en-US")} live handles, ${memoryMiB.toFixed(0)} MiB of modelled pod memory.${killed}`;
}

/** After an OOM kill: when, whether the pod is back, how many restarts so far. */
function PodNotice() {
  const events = useStore(runStore, (state) => state.podEvents);
  const kills = useStore(runStore, (state) => state.kills);
  const notice = killNotice(events, kills);
  if (notice === undefined) return null;
  return (
    <p className="pod-pressure over-limit" role="status" data-testid="pod-notice">
      {notice} (modelled: see the <MemoryModelLink>memory model page</MemoryModelLink>).
    </p>
  );
}

function MemoryModelLink({ children }: { readonly children: string }) {
  return (
    <a href={toUrlPath("/memory-model", import.meta.env.BASE_URL)} target="_blank" rel="noopener">
      {children}
    </a>
  );
}

/** What the pod's memory means: the alert (E3) and the OOM kill (E4), which the live run models. */
function PodPressure({ memoryMiB }: { readonly memoryMiB: number }) {
  if (memoryMiB >= POD_LIMIT_MIB) {
    return (
      <p className="pod-pressure over-limit" role="status">
        At the pod's {POD_LIMIT_MIB.toLocaleString("en-US")} MiB limit: the kernel kills it at the next memory
        check (OOMKilled, exit code 137).
      </p>
    );
  }
  if (memoryMiB >= POD_LIMIT_MIB * ALERT_SHARE) {
    return (
      <p className="pod-pressure over-alert" role="status">
        Above {ALERT_SHARE * 100}% of the pod's limit: five minutes of this pages the on-call engineer.
      </p>
    );
  }
  return null;
}
