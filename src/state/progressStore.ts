/** The learner's progress for the page: loaded once from storage, saved on every change. */
import { createStore } from "./createStore.ts";
import { dismiss, notify, saveFailedNotice } from "./notices.ts";
import { pageStorage } from "./persist/browserStorage.ts";
import {
  type LessonProgress,
  loadProgress,
  type Progress,
  type RunFigures,
  saveProgress,
} from "./persist/progress.ts";

const WHAT = "your progress";
const loaded = loadProgress(pageStorage());
export const progressStore = createStore<Progress>(loaded.progress);
if (loaded.problem === "damaged") {
  notify({
    id: "progress-damaged",
    tone: "warning",
    text: "Your saved progress could not be read, so the course starts afresh. The damaged entry is kept beside it; your saved code is not affected.",
  });
} else if (loaded.problem === "newer") {
  notify(saveFailedNotice(WHAT, "newer"));
}

function update(slug: string, change: (lesson: LessonProgress) => LessonProgress): void {
  progressStore.setState((state) => ({
    lessons: { ...state.lessons, [slug]: change(state.lessons[slug] ?? {}) },
  }));
  const result = saveProgress(pageStorage(), progressStore.getState());
  const notice = saveFailedNotice(WHAT, result.ok ? "quota" : result.reason);
  if (result.ok) dismiss(notice.id);
  else notify(notice);
}

export function markCompleted(slug: string, now = Date.now()): void {
  if (progressStore.getState().lessons[slug]?.completedAt !== undefined) return;
  update(slug, (lesson) => ({ ...lesson, completedAt: now }));
}

export function setHintsShown(slug: string, count: number): void {
  update(slug, (lesson) => ({ ...lesson, hintsShown: count }));
}

export function answerQuestion(slug: string, question: string, choice: number): void {
  update(slug, (lesson) => ({ ...lesson, answers: { ...lesson.answers, [question]: choice } }));
}

export function writeAnswer(slug: string, question: string, text: string): void {
  update(slug, (lesson) => ({ ...lesson, texts: { ...lesson.texts, [question]: text } }));
}

export function recordRun(slug: string, figures: RunFigures): void {
  update(slug, (lesson) => ({ ...lesson, lastRun: figures }));
}
