/**
 * Notices the app owes the learner about their saved work: storage that is full, damaged or written by a newer
 * Leak Lab, code saved against an earlier starter. One per id; showing it again replaces it.
 */
import { createStore } from "./createStore.ts";

export interface Notice {
  readonly id: string;
  readonly tone: "info" | "warning";
  readonly text: string;
}

export const noticeStore = createStore<{ readonly notices: readonly Notice[] }>({ notices: [] });

export function notify(notice: Notice): void {
  noticeStore.setState((state) => ({
    notices: [...state.notices.filter((other) => other.id !== notice.id), notice],
  }));
}

export function dismiss(id: string): void {
  noticeStore.setState((state) => ({ notices: state.notices.filter((notice) => notice.id !== id) }));
}

/** What a failed save means to the learner, by reason. */
export function saveFailedNotice(what: string, reason: "quota" | "unavailable" | "newer"): Notice {
  const text =
    reason === "quota"
      ? `Your browser's storage for this site is full, so ${what} is not saved. Export your progress (in the footer) to keep a copy, or free some space; Leak Lab keeps trying.`
      : reason === "newer"
        ? `${what} was saved by a newer version of Leak Lab. It is left as it is, and changes made here are not saved over it.`
        : `This browser does not let Leak Lab store anything, so ${what} is not saved. Export your progress (in the footer) to keep a copy.`;
  return { id: `save-failed:${what}`, tone: "warning", text };
}
