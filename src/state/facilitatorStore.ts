/**
 * Facilitator mode (notes on every lesson, saved in this browser) and the presenter view (large type for a
 * projector; solutions hidden unless the facilitator shows them). `?facilitator` in the URL turns the mode on,
 * so a facilitator can bookmark it.
 */
import { createStore } from "./createStore.ts";
import { KEY_PREFIX, pageStorage, readJson, writeJson } from "./persist/browserStorage.ts";

const KEY = `${KEY_PREFIX}facilitator`;

export interface FacilitatorState {
  readonly facilitator: boolean;
  readonly presenting: boolean;
  /** In the presenter view: whether Show solution and the hints are on screen. */
  readonly solutionsShown: boolean;
}

function initiallyOn(): boolean {
  if (typeof window !== "undefined" && new URLSearchParams(window.location.search).has("facilitator")) {
    // Remembered like the switch: the next page of the session is in facilitator mode too.
    writeJson(pageStorage(), KEY, true);
    return true;
  }
  const saved = readJson(pageStorage(), KEY);
  return saved.kind === "ok" && saved.value === true;
}

export const facilitatorStore = createStore<FacilitatorState>({
  facilitator: initiallyOn(),
  presenting: false,
  solutionsShown: false,
});

export function setFacilitatorMode(on: boolean): void {
  facilitatorStore.setState({ facilitator: on, ...(on ? {} : { presenting: false }) });
  writeJson(pageStorage(), KEY, on);
}

export function setPresenting(presenting: boolean): void {
  facilitatorStore.setState({ presenting, solutionsShown: false });
}

export function setSolutionsShown(solutionsShown: boolean): void {
  facilitatorStore.setState({ solutionsShown });
}

/** Whether the learner-facing solution aids (Show solution, hints) belong on screen now. */
export function solutionsVisible(state: FacilitatorState): boolean {
  return !state.presenting || state.solutionsShown;
}
