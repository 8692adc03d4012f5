/**
 * The learner's progress through the course: which lessons are complete, how many hints each has shown. Saved
 * under `leak-lab:progress` as `{ format: 1, lessons: { <slug>: { completedAt?, hintsShown?, answers?, texts?,
 * lastRun?, starterRun? } } }`.
 *
 * Format 1 has grown by optional fields only, so every shape a released Leak Lab wrote reads as it is, and is
 * written back whole: `{ completedAt?, hintsShown? }` (a5a2b22), `+ answers` (66b51c6), `+ texts, lastRun`
 * (fe41d58), `+ starterRun`. A change that is not an optional field gets format 2 and a step in PROGRESS_STEPS.
 */
import {
  KEY_PREFIX,
  type KeyValueStorage,
  keepDamaged,
  readJson,
  type WriteResult,
  writeJson,
} from "./browserStorage.ts";
import { type FormatStep, upgrade } from "./migrate.ts";

export const PROGRESS_KEY = `${KEY_PREFIX}progress`;
export const PROGRESS_FORMAT = 1;
/** Every older format of the entry, each to the next: none yet (see above). */
export const PROGRESS_STEPS: readonly FormatStep[] = [];

export interface LessonProgress {
  /** Epoch ms of the first time the lesson's checks all passed. */
  readonly completedAt?: number;
  readonly hintsShown?: number;
  /** The learner's answer to each question of the lesson, by question id: the index of the choice. */
  readonly answers?: Readonly<Record<string, number>>;
  /** Written answers (the postmortem's), by question id. */
  readonly texts?: Readonly<Record<string, string>>;
  /** The figures the latest finished run of the learner's own code ended with: the "after" of the postmortem. */
  readonly lastRun?: RunFigures;
  /**
   * The figures the latest finished run of the lesson's starter, unchanged, ended with: the leaky "before" of
   * the postmortem when the learner pinned no run.
   */
  readonly starterRun?: RunFigures;
}

export interface RunFigures {
  /** Virtual minutes the run covered. */
  readonly minutes: number;
  readonly handles: number;
  readonly memoryMiB: number;
}

export interface Progress {
  readonly lessons: Readonly<Record<string, LessonProgress>>;
}

export const NO_PROGRESS: Progress = { lessons: {} };

export interface LoadedProgress {
  readonly progress: Progress;
  readonly problem?: "damaged" | "newer";
}

function lessonProgress(value: unknown): LessonProgress | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { completedAt, hintsShown, answers, texts, lastRun, starterRun } = value as Record<string, unknown>;
  const validTexts =
    typeof texts === "object" && texts !== null
      ? Object.fromEntries(
          Object.entries(texts).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
        )
      : undefined;
  const validRun = runFigures(lastRun);
  const validStarterRun = runFigures(starterRun);
  const validAnswers =
    typeof answers === "object" && answers !== null
      ? Object.fromEntries(
          Object.entries(answers).filter(
            (entry): entry is [string, number] => Number.isInteger(entry[1]) && (entry[1] as number) >= 0,
          ),
        )
      : undefined;
  return {
    ...(typeof completedAt === "number" ? { completedAt } : {}),
    ...(typeof hintsShown === "number" && hintsShown >= 0 ? { hintsShown: Math.floor(hintsShown) } : {}),
    ...(validAnswers ? { answers: validAnswers } : {}),
    ...(validTexts ? { texts: validTexts } : {}),
    ...(validRun ? { lastRun: validRun } : {}),
    ...(validStarterRun ? { starterRun: validStarterRun } : {}),
  };
}

/** A run's saved figures, or undefined when any of them is not a finite number. */
function runFigures(value: unknown): RunFigures | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { minutes, handles, memoryMiB } = value as Record<string, unknown>;
  return [minutes, handles, memoryMiB].every(
    (figure) => typeof figure === "number" && Number.isFinite(figure),
  )
    ? { minutes: minutes as number, handles: handles as number, memoryMiB: memoryMiB as number }
    : undefined;
}

/** Reads a progress value (from storage or an imported file); what cannot be read is reported, not guessed. */
export function parseProgress(value: unknown): LoadedProgress {
  const upgraded = upgrade(value, PROGRESS_FORMAT, PROGRESS_STEPS);
  if (upgraded.kind === "newer") return { progress: NO_PROGRESS, problem: "newer" };
  const lessons = upgraded.kind === "damaged" ? undefined : upgraded.entry.lessons;
  if (typeof lessons !== "object" || lessons === null) return { progress: NO_PROGRESS, problem: "damaged" };
  const entries = Object.entries(lessons).flatMap(([slug, entry]) => {
    const parsed = lessonProgress(entry);
    return parsed ? [[slug, parsed] as const] : [];
  });
  return { progress: { lessons: Object.fromEntries(entries) } };
}

export function loadProgress(storage: KeyValueStorage | undefined): LoadedProgress {
  const result = readJson(storage, PROGRESS_KEY);
  if (result.kind === "missing") return { progress: NO_PROGRESS };
  if (result.kind === "corrupt") return { progress: NO_PROGRESS, problem: "damaged" };
  return parseProgress(result.value);
}

/**
 * The stored progress as text when some of it cannot be read (all of it damaged, or a lesson's entry that
 * parses to nothing), so a save keeps it aside before writing what could be read; undefined when all is read.
 */
function unreadablePart(value: unknown): string | undefined {
  const { progress, problem } = parseProgress(value);
  if (problem === "damaged") return JSON.stringify(value);
  if (problem === "newer") return undefined;
  const lessons = (value as { lessons?: unknown }).lessons;
  const stored = typeof lessons === "object" && lessons !== null ? Object.keys(lessons).length : 0;
  return Object.keys(progress.lessons).length < stored ? JSON.stringify(value) : undefined;
}

export type SaveProgressResult = WriteResult | { readonly ok: false; readonly reason: "newer" };

export function saveProgress(storage: KeyValueStorage | undefined, progress: Progress): SaveProgressResult {
  const current = readJson(storage, PROGRESS_KEY);
  // A newer Leak Lab's progress is not ours to rewrite; what cannot be read is kept aside first, and with no
  // room for that copy nothing is written over it.
  const damaged = current.kind === "corrupt" ? current.raw : undefined;
  if (current.kind === "ok" && parseProgress(current.value).problem === "newer")
    return { ok: false, reason: "newer" };
  const unreadable = damaged ?? (current.kind === "ok" ? unreadablePart(current.value) : undefined);
  if (unreadable !== undefined && !keepDamaged(storage, PROGRESS_KEY, unreadable))
    return { ok: false, reason: "quota" };
  return writeJson(storage, PROGRESS_KEY, { format: PROGRESS_FORMAT, lessons: progress.lessons });
}
