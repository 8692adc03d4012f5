/**
 * The code a share link carried when the page opened, read once per fragment (decoding is async, so the
 * Workspace waits on this like on its files, and the editor opens with the shared tab already there).
 */
import { decodeShare, type ReadShare, SHARE_PREFIX } from "./shareLink.ts";

const reads = new Map<string, Promise<ReadShare>>();

export function sharedOnOpen(hash: string): Promise<ReadShare> {
  let read = reads.get(hash);
  if (!read) {
    read = decodeShare(hash);
    reads.set(hash, read);
  }
  return read;
}

/** Takes the share out of the address bar (after it is used or dismissed), without a navigation. */
export function forgetShareInUrl(): void {
  if (window.location.hash)
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
}

/**
 * A share link pasted into the address bar of a tab already on the lesson changes only the fragment, which
 * does not reload the page: reload it, so the link opens the way it does in a new tab.
 */
export function openSharesPastedIntoThisTab(): void {
  window.addEventListener("hashchange", () => {
    if (window.location.hash.startsWith(SHARE_PREFIX)) window.location.reload();
  });
}
