/**
 * Lesson 3's evidence from the replay (src/sim/evidence.ts): taking it, taken, or why not. One store for the
 * page, so the three exhibits read the same taking; src/jobs/evidenceController.ts takes it.
 */
import type { PodEvidence } from "../sim/evidence.ts";
import { createStore } from "./createStore.ts";

export type EvidenceStatus = "idle" | "taking" | "taken" | "failed";

export interface EvidenceState {
  readonly status: EvidenceStatus;
  /** The replay's clock while it runs ("03:21"). */
  readonly clock: string | undefined;
  readonly evidence: PodEvidence | undefined;
  readonly failure: string | undefined;
}

export const NO_EVIDENCE: EvidenceState = {
  status: "idle",
  clock: undefined,
  evidence: undefined,
  failure: undefined,
};

export const evidenceStore = createStore<EvidenceState>(NO_EVIDENCE);
