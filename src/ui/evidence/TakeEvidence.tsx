/**
 * `<TakeEvidence />` in lesson MDX: the button that replays pod 1 to its alert and takes its evidence, and what
 * came of it. The exhibits (`<ExhibitPair>`) show what it took beside the report's.
 */
import { useEffect } from "react";
import "./evidence.css";
import { cancelEvidence, takeEvidence } from "../../jobs/evidenceController.ts";
import { formatClock } from "../../sim/clock.ts";
import { evidenceStore } from "../../state/evidenceStore.ts";
import { useStore } from "../../state/useStore.ts";

export function TakeEvidence() {
  const state = useStore(evidenceStore, (current) => current);
  // Leaving the lesson ends a taking in progress (its worker); what was taken stays for when they come back.
  useEffect(() => cancelEvidence, []);
  const { status, evidence } = state;
  return (
    <div className="take-evidence">
      <button type="button" onClick={takeEvidence} disabled={status === "taking"}>
        {status === "taken" ? "Take the evidence again" : "Take the evidence from the replay"}
      </button>
      <p
        role="status"
        className={status === "failed" ? "take-evidence-status failed" : "take-evidence-status"}
      >
        {status === "idle" &&
          "Replays pod 1 of the night with the services as they were, and stops when its alert fires."}
        {status === "taking" && `Replaying pod 1… ${state.clock ?? "02:40"}`}
        {status === "failed" && state.failure}
        {status === "taken" &&
          evidence &&
          `Taken from the replayed pod 1 when its alert fired at ${formatClock(evidence.at)}: ${evidence.goroutines.total.toLocaleString("en-US")} goroutines, ${evidence.goroutines.server.toLocaleString("en-US")} of them the server's own.`}
      </p>
    </div>
  );
}
