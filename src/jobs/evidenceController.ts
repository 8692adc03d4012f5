/**
 * Lesson 3's evidence, taken from the replay: pod 1 of the incident night, running the three services'
 * starters (the leaky code, as that night), replayed in a worker (superviseReplay.ts) up to its first alert,
 * where the on-call engineer's heap profile, goroutine dump and logs are taken (src/sim/evidence.ts). The night
 * is seeded, so taking it again gives the same evidence.
 */
import { DEFAULT_REPLAY } from "../sim/replay.ts";
import { evidenceStore, NO_EVIDENCE } from "../state/evidenceStore.ts";
import { replayServices } from "./chooseCode.ts";
import { loadServiceCode } from "./serviceCode.ts";

/** Pod 1's alert fires at 03:42 in the report and the replay; the replay stops there, so this is a bound. */
const MINUTES = 90;

let cancelTaking = () => {};
/** Counts takings and cancels, so code read for a taking since ended starts nothing. */
let attempt = 0;

export function takeEvidence(): void {
  const current = ++attempt;
  cancelTaking();
  evidenceStore.setState({ ...NO_EVIDENCE, status: "taking" });
  const fail = (failure: string) => evidenceStore.setState({ status: "failed", failure });
  // The replay job (its protocol's checks among it) is loaded with the first taking, not with the page: the
  // lessons that show evidence are text, and most pages never take any.
  Promise.all([loadServiceCode(), import("./superviseReplay.ts")]).then(
    ([codes, { superviseReplay }]) => {
      if (current !== attempt) return;
      cancelTaking = superviseReplay(
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
      if (current === attempt) fail(`The services' code could not be loaded: ${String(error)}`);
    },
  );
}

/** Ends a taking in progress (leaving the lesson); evidence already taken is kept. */
export function cancelEvidence(): void {
  attempt++;
  cancelTaking();
  if (evidenceStore.getState().status === "taking") evidenceStore.setState(NO_EVIDENCE);
}
