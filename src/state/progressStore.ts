/**
 * The learner's progress for the page. Storage is what every tab of the course shares, so each change re-reads
 * the stored progress, applies itself to that and writes it back: a tab opened earlier never writes its stale
 * copy over what another tab saved since. Another tab's save (the window's `storage` event) is read into this
 * tab's store as it happens, so its completed lessons and answers show without a reload.
 */
import { createStore, type Store } from "./createStore.ts";
import { dismiss, notify, saveFailedNotice } from "./notices.ts";
import { type KeyValueStorage, pageStorage } from "./persist/browserStorage.ts";
import {
  type LessonProgress,
  loadProgress,
  PROGRESS_KEY,
  type Progress,
  type RunFigures,
  saveProgress,
} from "./persist/progress.ts";

const WHAT = "your progress";

export interface ProgressStore {
  readonly store: Store<Progress>;
  markCompleted(slug: string, now?: number): void;
  setHintsShown(slug: string, count: number): void;
  answerQuestion(slug: string, question: string, choice: number): void;
  writeAnswer(slug: string, question: string, text: string): void;
  /** Keeps a finished run's figures: as the starter's (the leaky "before") or as the learner's own code's. */
  recordRun(slug: string, figures: RunFigures, ran: "starter" | "own code"): void;
  /** Reads other tabs' saves into the store on `target`'s `storage` events; returns what stops it. */
  listen(target: EventTarget): () => void;
}

/** A progress store over `storage` (read afresh each time, as the page's may come and go). */
export function createProgressStore(storage: () => KeyValueStorage | undefined): ProgressStore {
  const loaded = loadProgress(storage());
  const store = createStore<Progress>(loaded.progress);
  if (loaded.problem === "damaged") {
    notify({
      id: "progress-damaged",
      tone: "warning",
      text: "Your saved progress could not be read, so the course starts afresh. The damaged entry is kept beside it; your saved code is not affected.",
    });
  } else if (loaded.problem === "newer") {
    notify(saveFailedNotice(WHAT, "newer"));
  }
  type Change = (lesson: LessonProgress) => LessonProgress;
  // Changes made here whose save failed (a full storage), in order: replayed over what is stored until a save
  // lands, so a failed save loses nothing at the next change, and another tab's save to the same lesson
  // meanwhile (another answer) is kept too. Leak Lab keeps trying.
  const unsaved: { readonly slug: string; readonly change: Change }[] = [];

  /** What is stored, with this tab's unsaved changes replayed over it; this tab's own copy where storage cannot say. */
  function current(stored = loadProgress(storage())): Progress {
    // A damaged or newer entry is no base to build on; saveProgress keeps the one aside and refuses the other.
    if (stored.problem || !storage()) return store.getState();
    const lessons = { ...stored.progress.lessons };
    for (const { slug, change } of unsaved) lessons[slug] = change(lessons[slug] ?? {});
    return { lessons };
  }

  function update(slug: string, change: Change): void {
    const base = current();
    const next = { lessons: { ...base.lessons, [slug]: change(base.lessons[slug] ?? {}) } };
    const result = saveProgress(storage(), next);
    store.setState(next);
    const notice = saveFailedNotice(WHAT, result.ok ? "quota" : result.reason);
    if (result.ok) {
      unsaved.length = 0;
      dismiss(notice.id);
    } else {
      unsaved.push({ slug, change });
      notify(notice);
    }
  }

  function onStorage(event: Event): void {
    // A StorageEvent, read by shape: this module is also type-checked and tested without the DOM.
    const { key, storageArea } = event as { readonly key?: string | null; readonly storageArea?: unknown };
    // key is null when another tab cleared the whole storage.
    if (key !== null && key !== PROGRESS_KEY) return;
    if (storageArea && storageArea !== storage()) return;
    const stored = loadProgress(storage());
    if (stored.problem === "newer") notify(saveFailedNotice(WHAT, "newer"));
    if (stored.problem) return;
    store.setState(current(stored));
  }

  return {
    store,
    markCompleted(slug, now = Date.now()) {
      if (store.getState().lessons[slug]?.completedAt !== undefined) return;
      // Another tab may have completed it first, unheard of here yet: its time stands.
      update(slug, (lesson) => (lesson.completedAt === undefined ? { ...lesson, completedAt: now } : lesson));
    },
    setHintsShown(slug, count) {
      update(slug, (lesson) => ({ ...lesson, hintsShown: count }));
    },
    answerQuestion(slug, question, choice) {
      update(slug, (lesson) => ({ ...lesson, answers: { ...lesson.answers, [question]: choice } }));
    },
    writeAnswer(slug, question, text) {
      update(slug, (lesson) => ({ ...lesson, texts: { ...lesson.texts, [question]: text } }));
    },
    recordRun(slug, figures, ran) {
      update(slug, (lesson) => ({ ...lesson, [ran === "starter" ? "starterRun" : "lastRun"]: figures }));
    },
    listen(target) {
      target.addEventListener("storage", onStorage);
      return () => target.removeEventListener("storage", onStorage);
    },
  };
}

/** The page's progress: one store for the page's life, so its `storage` listener is never removed. */
const page = createProgressStore(pageStorage);
const pageWindow = (globalThis as { window?: EventTarget }).window;
if (pageWindow) page.listen(pageWindow);

export const progressStore = page.store;
export const { markCompleted, setHintsShown, answerQuestion, writeAnswer, recordRun } = page;
