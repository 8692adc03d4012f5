/** Each lesson's pinned run for the charts, saved with the learner's progress. */
import type { PinnedRun } from "../series/series.ts";
import { createStore } from "./createStore.ts";
import { dismiss, notify, saveFailedNotice } from "./notices.ts";
import { pageStorage } from "./persist/browserStorage.ts";
import { loadPinned, savePinned } from "./persist/pinnedRuns.ts";

export const pinnedRunStore = createStore<{
  readonly bySlug: Readonly<Record<string, PinnedRun | undefined>>;
}>({
  bySlug: {},
});

/** Loads the lesson's saved pin into the store, once per page (call from an effect when its charts mount). */
export function loadPinnedRun(slug: string): void {
  const { bySlug } = pinnedRunStore.getState();
  if (slug in bySlug) return;
  pinnedRunStore.setState({ bySlug: { ...bySlug, [slug]: loadPinned(pageStorage(), slug) } });
}

export function setPinnedRun(slug: string, run: PinnedRun | undefined): void {
  pinnedRunStore.setState((state) => ({ bySlug: { ...state.bySlug, [slug]: run } }));
  const result = savePinned(pageStorage(), slug, run);
  const notice = saveFailedNotice("the pinned run", result.ok ? "quota" : result.reason);
  if (result.ok) dismiss(notice.id);
  else notify(notice);
}
