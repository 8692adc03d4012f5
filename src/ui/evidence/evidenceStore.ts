/**
 * Lesson 3's evidence from the replay: pod 1 of the incident night, running the three services' starters (the
 * leaky code, as that night), replayed in a worker up to its first alert, where the on-call engineer's heap
 * profile, goroutine dump and logs are taken (src/sim/evidence.ts). One store for the page, so the three
 * exhibits read the same taking; the night is seeded, so taking it again gives the same evidence.
 */
import { startReplay } from "../../jobs/replayController.ts";
import type { PodEvidence } from "../../sim/evidence.ts";
import { DEFAULT_REPLAY } from "../../sim/replay.ts";
import { createStore } from "../../state/createStore.ts";
import { replayServices } from "../replay/chooseCode.ts";
import { loadServiceCode } from "../replay/serviceCode.ts";

export type EvidenceStatus = "idle" | "taking" | "taken" | "failed";

export interface EvidenceState {
  readonly status: EvidenceStatus;
  /** The replay's clock while it runs ("03:21"). */
  readonly clock: string | undefined;
  readonly evidence: PodEvidence | undefined;
  readonly failure: string | undefined;
}

const IDLE: EvidenceState = { status: "idle", clock: undefined, evidence: undefined, failure: undefined };

export const evidenceStore = createStore<EvidenceState>(IDLE);

/** Pod 1's alert fires at 03:42 in the report and the replay; the replay stops there, so this is a bound. */
const MINUTES = 90;

let cancelTaking: () => void = () => {};
let taking = 0;

export function takeEvidence(): void {
  cancelTaking();
  const token = ++taking;
  evidenceStore.setState({ ...IDLE, status: "taking" });
  const fail = (failure: string) => evidenceStore.setState({ status: "failed", failure });
  loadServiceCode().then(
    (codes) => {
      if (token !== taking) return;
      cancelTaking = startReplay(
        {
          minutes: MINUTES,
          pods: DEFAULT_REPLAY.pods,
          limitMiB: DEFAULT_REPLAY.limitMiB,
          restartAt: [],
          seed: DEFAULT_REPLAY.seed,
          services: replayServices(codes, new Set(), "solutions"),
          evidence: true,
        },
        {
          progress(samples) {
            const last = samples.at(-1);
            if (last) evidenceStore.setState({ clock: last.clock });
          },
          done({ evidence }) {
            if (evidence) evidenceStore.setState({ status: "taken", evidence });
            else fail(`Pod 1 did not alert within ${MINUTES} minutes, so there was no evidence to take.`);
          },
          failed: fail,
        },
      );
    },
    (error: unknown) => {
      if (token === taking) fail(`The services' code could not be loaded: ${String(error)}`);
    },
  );
}

/** Ends a taking in progress (leaving the lesson); evidence already taken is kept. */
export function cancelEvidence(): void {
  taking++;
  cancelTaking();
  if (evidenceStore.getState().status === "taking") evidenceStore.setState(IDLE);
}
