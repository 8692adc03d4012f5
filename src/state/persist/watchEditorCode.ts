/**
 * What autosave writes and when, without the page: the editable files a moment after they change, and a
 * write-ahead copy the moment the editor is asked to replace one whole (Reset, Apply, Undo, shared code),
 * before the replacement can be saved over it. DOM-free, so it is tested in Node; autosave.ts adds the page's
 * events (hidden, closed).
 */
import { editorStore } from "../editorStore.ts";
import { dismiss, notify, saveFailedNotice } from "../notices.ts";
import { type KeyValueStorage, pageStorage } from "./browserStorage.ts";
import { type CodeToSave, saveCode } from "./savedCode.ts";

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
/** Per lesson, the newest code autosave could not write (storage full or refused): an export takes it. */
const unwritten = new Map<string, CodeToSave>();

/** Writes any change not yet saved, now (before Reset or Apply, and when the page goes away). */
export function saveNow(): void {
  pending?.();
}

/** Each lesson's code autosave could not write, with any write-ahead copy still waiting for room. */
export function unwrittenCode(): { readonly slug: string; readonly code: CodeToSave }[] {
  return [...unwritten].map(([slug, code]) => ({ slug, code }));
}

const COPY_FAILED_ID = (slug: string) => `write-ahead-failed:${slug}`;
const COPY_FAILED_NOTICE =
  "Storage is full, so your code could not be kept before it was replaced. Your earlier code stays saved, and nothing more of this lesson is saved until there is room: press Ctrl+Z in the editor (or Undo) to get it back, or export your progress (in the footer), which takes everything in the editor.";

export function watchEditorCode(options: WatchOptions): Watch {
  const { slug, starter, names, now = Date.now, storage = pageStorage } = options;
  // A file the editor has not reported yet is still what the lesson opened with.
  const pick = (texts: Readonly<Record<string, string>>) =>
    Object.fromEntries(
      names.flatMap((name) => {
        const text = texts[name] ?? options.initial[name];
        return text === undefined ? [] : [[name, text]];
      }),
    );
  let last = JSON.stringify(pick(options.initial));
  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Write-ahead copies storage had no room for, newest first. Until they are written, nothing is saved over
   * the code they hold: each later save tries them again with the new code, in one write. A lesson left and
   * opened again picks up what this page could not write (it opens with that code too, see autosave.ts).
   */
  const leftOver = unwritten.get(slug);
  let waitingCopies: readonly Record<string, string>[] =
    leftOver?.starter === starter ? [...(leftOver.beforeReplace ?? [])] : [];
  const save = (files: Record<string, string>, beforeReplace?: Record<string, string>) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
    const copies = beforeReplace ? [beforeReplace, ...waitingCopies] : waitingCopies;
    const text = JSON.stringify(files);
    if ((text === last && copies.length === 0) || Object.keys(files).length === 0) return;
    const code: CodeToSave = {
      starter,
      files,
      savedAt: now(),
      ...(copies.length > 0 && { beforeReplace: copies }),
    };
    const result = saveCode(storage(), slug, code);
    const failedNotice = saveFailedNotice("your code", result.ok ? "quota" : result.reason);
    if (result.ok) {
      last = text;
      for (const copy of copies) copied.add(JSON.stringify(copy));
      waitingCopies = [];
      unwritten.delete(slug);
      dismiss(failedNotice.id);
      dismiss(COPY_FAILED_ID(slug));
      return;
    }
    unwritten.set(slug, code);
    // Only a full storage leaves room to hope: with none at all, or a newer Leak Lab's entry, nothing is saved.
    if (!beforeReplace || result.reason !== "quota") {
      if (waitingCopies.length === 0 || result.reason !== "quota") notify(failedNotice);
      return;
    }
    const firstToWait = waitingCopies.length === 0;
    waitingCopies = copies;
    if (!firstToWait) return;
    // No room for the copy: the code it holds is at least written as the current version (a smaller write than
    // both), and stays the saved code until the copies can be written too.
    if (saveCode(storage(), slug, { starter, files: beforeReplace, savedAt: now() }).ok) {
      last = JSON.stringify(beforeReplace);
    }
    notify({ id: COPY_FAILED_ID(slug), tone: "warning", text: COPY_FAILED_NOTICE });
  };
  const write = () => save(pick(editorStore.getState().texts));
  let seenReplace = editorStore.getState().replace?.seq;
  // The texts as of the previous notification: what the editor held before a replacement, even when the editor
  // applies the replacement (a nested store update) before this listener hears of the request itself.
  let previous = editorStore.getState().texts;
  /** The latest text a replacement put in place. */
  let put: { readonly file: string; readonly text: string } | undefined;
  /** Every copy this watch has written, as JSON: a text put back that was once copied is the learner's. */
  const copied = new Set<string>();
  const unsubscribe = editorStore.subscribe(() => {
    const { texts, replace } = editorStore.getState();
    const before = previous;
    previous = texts;
    if (replace && replace.seq !== seenReplace) {
      seenReplace = replace.seq;
      const kept = pick(before);
      // Write-ahead: the code about to be replaced is written, with its copy, before the replacement can be;
      // unless the replacement changes nothing, or what it replaces is what the previous replacement put there,
      // untouched, and not code of the learner's (the solution that Undo takes back, a Reset after a Reset).
      // Undo puts back the learner's code, which was copied when it was replaced: that is copied again.
      const putThere = put?.file === replace.file && put.text === kept[replace.file];
      const ownCode = kept[replace.file] !== replace.text && (!putThere || copied.has(JSON.stringify(kept)));
      save(kept, ownCode ? kept : undefined);
      put = { file: replace.file, text: replace.text };
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
