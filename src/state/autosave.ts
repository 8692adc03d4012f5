/**
 * Keeps the learner's code saved: the lesson opens with the code saved against its current starter, and every
 * change is written within a second (debounced), at once when the page is hidden or closed, and on request
 * before a risky action (Reset, Apply). Code saved against an earlier starter stays reachable.
 */
import { editorStore } from "./editorStore.ts";
import type { LessonFile } from "./lessonContent.ts";
import { dismiss, notify, saveFailedNotice } from "./notices.ts";
import { pageStorage } from "./persist/browserStorage.ts";
import { fingerprint } from "./persist/hash.ts";
import { loadCode, type SavedVersion, saveCode } from "./persist/savedCode.ts";

/** Quiet time after the last keystroke before the code is written. */
export const SAVE_AFTER_MS = 300;
/** Where code saved against an earlier starter of the lesson shows, read-only. */
export const EARLIER_FOLDER = "earlier/";

export interface OpenedCode {
  /** The lesson's files, the editable ones holding the learner's saved code where there is some. */
  readonly files: readonly LessonFile[];
  /** Fingerprint of the lesson's starter, which the saved code is keyed by. */
  readonly starter: string;
}

export function starterFingerprint(files: readonly LessonFile[]): string {
  const editable = files.filter((file) => !file.readOnly);
  return fingerprint(editable.map((file) => `${file.name}\u0000${file.text}`).join("\u0000"));
}

function earlierFiles(version: SavedVersion): LessonFile[] {
  return Object.entries(version.files).map(([name, text]) => ({
    name: `${EARLIER_FOLDER}${name}`,
    text,
    readOnly: true,
    language: "typescript",
  }));
}

/** The lesson's files with the learner's saved code in place; problems with what was saved become notices. */
export function openLessonCode(slug: string, files: readonly LessonFile[]): OpenedCode {
  const starter = starterFingerprint(files);
  const saved = loadCode(pageStorage(), slug, starter);
  if (saved.problem === "damaged") {
    notify({
      id: `code-damaged:${slug}`,
      tone: "warning",
      text: "Your saved code for this lesson could not be read, so the starter is shown. The damaged entry is kept aside in this browser's storage, and your other lessons are not affected.",
    });
  } else if (saved.problem === "newer") {
    notify(saveFailedNotice("your code for this lesson", "newer"));
  }
  const latestEarlier = saved.older[0];
  if (!saved.current && latestEarlier) {
    notify({
      id: `code-earlier:${slug}`,
      tone: "info",
      text: `This lesson's starter has changed since you last worked on it (${new Date(latestEarlier.savedAt).toLocaleDateString()}). Your earlier code is not lost: it is in the read-only ${EARLIER_FOLDER} tab.`,
    });
  }
  const withSaved = files.map((file) => {
    const text = saved.current?.files[file.name];
    return !file.readOnly && text !== undefined ? { ...file, text } : file;
  });
  return { files: latestEarlier ? [...withSaved, ...earlierFiles(latestEarlier)] : withSaved, starter };
}

let pending: (() => void) | undefined;

/** Writes any change not yet saved, now (before Reset or Apply, and when the page goes away). */
export function saveNow(): void {
  pending?.();
}

/**
 * Saves the lesson's editable files whenever their text in the editor changes; returns a function that saves
 * what is pending and stops.
 */
export function startAutosave(slug: string, opened: OpenedCode, now: () => number = Date.now): () => void {
  const names = opened.files.filter((file) => !file.readOnly).map((file) => file.name);
  const snapshot = () => {
    const { texts } = editorStore.getState();
    return Object.fromEntries(
      names.flatMap((name) => (texts[name] === undefined ? [] : [[name, texts[name]]])),
    );
  };
  let last = JSON.stringify(
    Object.fromEntries(opened.files.filter((file) => !file.readOnly).map((file) => [file.name, file.text])),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
    const files = snapshot();
    const text = JSON.stringify(files);
    if (text === last || Object.keys(files).length === 0) return;
    const result = saveCode(pageStorage(), slug, opened.starter, files, now());
    const notice = saveFailedNotice("your code", result.ok ? "quota" : result.reason);
    if (result.ok) {
      last = text;
      dismiss(notice.id);
    } else {
      notify(notice);
    }
  };
  const unsubscribe = editorStore.subscribe(() => {
    if (timer !== undefined) return;
    pending = write;
    timer = setTimeout(write, SAVE_AFTER_MS);
  });
  const onHidden = () => {
    if (document.visibilityState === "hidden") write();
  };
  const hasDocument = typeof document !== "undefined";
  if (hasDocument) {
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("pagehide", write);
  }
  return () => {
    write();
    unsubscribe();
    if (hasDocument) {
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", write);
    }
  };
}
