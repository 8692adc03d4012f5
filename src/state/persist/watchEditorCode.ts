/**
 * What autosave writes and when, without the page: the editable files a moment after they change, and a
 * write-ahead copy the moment the editor is asked to replace one whole (Reset, Apply, Undo, shared code),
 * before the replacement can be saved over it. DOM-free, so it is tested in Node; autosave.ts adds the page's
 * events (hidden, closed).
 */
import { editorStore } from "../editorStore.ts";
import { dismiss, notify, saveFailedNotice } from "../notices.ts";
import { type KeyValueStorage, pageStorage } from "./browserStorage.ts";
import { saveCode } from "./savedCode.ts";

/** The longest a change waits before it is written, timed from the first change not yet saved. */
export const SAVE_AFTER_MS = 300;

export interface WatchOptions {
  readonly slug: string;
  /** Fingerprint of the lesson's starter, which the saved code is keyed by. */
  readonly starter: string;
  /** The editable files' names: only these are saved. */
  readonly names: readonly string[];
  /** What the editor opened with (already saved, or the starter): not written again until it changes. */
  readonly initial: Readonly<Record<string, string>>;
  /** Default Date.now. */
  readonly now?: () => number;
  /** Default the page's localStorage. */
  readonly storage?: () => KeyValueStorage | undefined;
}

export interface Watch {
  /** Writes what is not saved yet, now. */
  readonly write: () => void;
  /** Writes what is pending and stops watching. */
  readonly stop: () => void;
}

let pending: (() => void) | undefined;

/** Writes any change not yet saved, now (before Reset or Apply, and when the page goes away). */
export function saveNow(): void {
  pending?.();
}

export function watchEditorCode(options: WatchOptions): Watch {
  const { slug, starter, names, now = Date.now, storage = pageStorage } = options;
  const pick = (texts: Readonly<Record<string, string>>) =>
    Object.fromEntries(names.flatMap((name) => (texts[name] === undefined ? [] : [[name, texts[name]]])));
  let last = JSON.stringify(options.initial);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (files: Record<string, string>, beforeReplace?: Record<string, string>) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
    const text = JSON.stringify(files);
    if ((text === last && !beforeReplace) || Object.keys(files).length === 0) return;
    const result = saveCode(storage(), slug, starter, files, now(), beforeReplace ? { beforeReplace } : {});
    const notice = saveFailedNotice("your code", result.ok ? "quota" : result.reason);
    if (result.ok) {
      last = text;
      dismiss(notice.id);
    } else {
      notify(notice);
    }
    if (beforeReplace && !result.ok && result.reason !== "newer") {
      notify({
        id: `write-ahead-failed:${slug}`,
        tone: "warning",
        text: "Your code could not be kept in this browser before it was replaced (storage is full or refused). Ctrl+Z in the editor, or Undo, still brings it back until you leave this page; export your progress (in the footer) to keep a copy.",
      });
    }
  };
  const write = () => save(pick(editorStore.getState().texts));
  let seenReplace = editorStore.getState().replace?.seq;
  // The texts as of the previous notification: what the editor held before a replacement, even when the editor
  // applies the replacement (a nested store update) before this listener hears of the request itself.
  let previous = editorStore.getState().texts;
  const unsubscribe = editorStore.subscribe(() => {
    const { texts, replace } = editorStore.getState();
    const before = previous;
    previous = texts;
    if (replace && replace.seq !== seenReplace) {
      seenReplace = replace.seq;
      // Write-ahead: the code about to be replaced is written, with its copy, before the replacement can be.
      const kept = pick(before);
      save(kept, kept);
      if (texts === before) return;
    }
    if (timer !== undefined) return;
    pending = write;
    timer = setTimeout(write, SAVE_AFTER_MS);
  });
  return {
    write,
    stop: () => {
      write();
      unsubscribe();
    },
  };
}
