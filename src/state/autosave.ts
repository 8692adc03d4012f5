/**
 * Keeps the learner's code saved: the lesson opens with the code saved against its current starter, and every
 * change is written at most SAVE_AFTER_MS after it is made, at once when the page is hidden or closed, and on
 * request before a risky action (Reset, Apply). Code saved against an earlier starter stays reachable.
 *
 * Write-ahead: whenever a file's whole text is replaced (Reset, Apply the solution, Undo, shared code), the
 * code the editor held just before is written as a copy of its own before the replacement can be saved over
 * it, and the lesson opens with that copy in a read-only BEFORE_FOLDER tab. A tab that crashes or is closed
 * after a risky action therefore keeps what the action replaced, though Ctrl+Z and Undo are gone with it.
 * A crash between a keystroke and its save loses at most the last SAVE_AFTER_MS of typing: nothing runs in a
 * page that dies without pagehide.
 */
import { copyTab, type LessonFile } from "./lessonContent.ts";
import { notify, saveFailedNotice } from "./notices.ts";
import { pageStorage } from "./persist/browserStorage.ts";
import { fingerprint } from "./persist/hash.ts";
import { loadCode, type SavedVersion } from "./persist/savedCode.ts";
import { unwrittenCode, watchEditorCode } from "./persist/watchEditorCode.ts";

export { SAVE_AFTER_MS, saveNow, unwrittenCode } from "./persist/watchEditorCode.ts";

/** Where code saved against an earlier starter of the lesson shows, read-only. */
export const EARLIER_FOLDER = "earlier";
/** Where the newest write-ahead copy shows, read-only, when it differs from the code the lesson opens with. */
export const BEFORE_FOLDER = "before";

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

function readOnlyFiles(folder: string, files: Readonly<Record<string, string>>): LessonFile[] {
  return Object.entries(files).map(([name, text]) => copyTab(folder, name, text));
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
      text: `This lesson's starter has changed since you last worked on it (${new Date(latestEarlier.savedAt).toLocaleDateString()}). Your earlier code is not lost: it is in the read-only ${EARLIER_FOLDER}/ tab.`,
    });
  }
  // Code this page could not write (storage full) is newer than what storage holds: the lesson opens with it.
  const notWritten = unwrittenCode().find(
    (left) => left.slug === slug && left.code.starter === starter,
  )?.code;
  const newest = notWritten?.files ?? saved.current?.files;
  const withSaved = files.map((file) => {
    const text = newest?.[file.name];
    return !file.readOnly && text !== undefined ? { ...file, text } : file;
  });
  const before = keptBeforeReplace(slug, files, withSaved, saved.beforeReplace);
  return {
    files: [
      ...withSaved,
      ...(latestEarlier ? readOnlyFiles(EARLIER_FOLDER, latestEarlier.files) : []),
      ...(before ? readOnlyFiles(BEFORE_FOLDER, before) : []),
    ],
    starter,
  };
}

/**
 * The files of the newest write-ahead copy that hold something the lesson does not open with (neither the
 * saved code nor the starter), with a notice saying where they are; undefined when there is nothing to show.
 */
function keptBeforeReplace(
  slug: string,
  starterFiles: readonly LessonFile[],
  opening: readonly LessonFile[],
  copies: readonly SavedVersion[],
): Record<string, string> | undefined {
  const shown = (list: readonly LessonFile[], name: string) => list.find((file) => file.name === name)?.text;
  for (const copy of copies) {
    const differing = Object.entries(copy.files).filter(
      ([name, text]) => text !== shown(opening, name) && text !== shown(starterFiles, name),
    );
    if (differing.length === 0) continue;
    notify({
      id: `code-before:${slug}`,
      tone: "info",
      text: `Your code from just before it was last replaced (by Reset, Apply or shared code, ${new Date(copy.savedAt).toLocaleString()}) is kept in the read-only ${BEFORE_FOLDER}/ tab.`,
    });
    return Object.fromEntries(differing);
  }
  return undefined;
}

/**
 * Saves the lesson's editable files as they change (see watchEditorCode), and at once when the page is hidden
 * or closed; returns a function that saves what is pending and stops.
 */
export function startAutosave(slug: string, opened: OpenedCode, now: () => number = Date.now): () => void {
  const names = opened.files.filter((file) => !file.readOnly).map((file) => file.name);
  const initial = Object.fromEntries(
    opened.files.filter((file) => !file.readOnly).map((file) => [file.name, file.text]),
  );
  const watch = watchEditorCode({ slug, starter: opened.starter, names, initial, now });
  const onHidden = () => {
    if (document.visibilityState === "hidden") watch.write();
  };
  const hasDocument = typeof document !== "undefined";
  if (hasDocument) {
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("pagehide", watch.write);
  }
  return () => {
    watch.stop();
    if (hasDocument) {
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", watch.write);
    }
  };
}
