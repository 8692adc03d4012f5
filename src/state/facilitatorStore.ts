/**
 * Facilitator mode (notes on every lesson, saved in this browser) and the presenter view (large type for a
 * projector; solutions hidden unless the facilitator shows them). `?facilitator` in the URL turns the mode on,
 * so a facilitator can bookmark it. The presenter view lasts a reload of its tab (the projector's), never spreads to
 * other tabs, and comes back with the solutions hidden.
 */
import { createStore } from "./createStore.ts";
import { KEY_PREFIX, pageStorage, readJson, tabStorage, writeJson } from "./persist/browserStorage.ts";

const KEY = `${KEY_PREFIX}facilitator`;
const PRESENTING_KEY = `${KEY_PREFIX}presenting`;

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

/** Whether this tab was presenting before a reload: otherwise the notes and their answers would reach the room. */
function wasPresenting(): boolean {
  const saved = readJson(tabStorage(), PRESENTING_KEY);
  return saved.kind === "ok" && saved.value === true;
}

const facilitator = initiallyOn();

export const facilitatorStore = createStore<FacilitatorState>({
  facilitator,
  presenting: facilitator && wasPresenting(),
  solutionsShown: false,
});

export function setFacilitatorMode(on: boolean): void {
  facilitatorStore.setState({ facilitator: on, ...(on ? {} : { presenting: false }) });
  writeJson(pageStorage(), KEY, on);
  if (!on) writeJson(tabStorage(), PRESENTING_KEY, false);
}

export function setPresenting(presenting: boolean): void {
  facilitatorStore.setState({ presenting, solutionsShown: false });
  writeJson(tabStorage(), PRESENTING_KEY, presenting);
}

export function setSolutionsShown(solutionsShown: boolean): void {
  facilitatorStore.setState({ solutionsShown });
}

/** Whether the learner-facing solution aids (Show solution, hints) belong on screen now. */
export function solutionsVisible(state: FacilitatorState): boolean {
  return !state.presenting || state.solutionsShown;
}
