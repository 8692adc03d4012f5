/**
 * Lazy, cached access to a lesson's body and files: each is fetched once per page load, so going back and
 * forth between lessons does not refetch or re-create components (which would reset their state).
 */
import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import type { LessonEntry } from "./course.ts";

export interface LessonFile {
  readonly name: string;
  readonly text: string;
  /** Reference files (the Go code) are shown, never edited. */
  readonly readOnly: boolean;
  /** Monaco language id. */
  readonly language: string;
}

const LANGUAGES: Readonly<Record<string, string>> = { ts: "typescript", js: "javascript", go: "go" };

export function languageOf(fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf(".") + 1);
  return LANGUAGES[extension] ?? "plaintext";
}

/** The name of the read-only tab that shows a copy of `file` kept aside in `folder` (before, earlier, shared). */
export const copyTabName = (folder: string, file: string) => `${folder}/${file}`;

/** A read-only tab showing a copy of a lesson file kept aside in `folder`. */
export function copyTab(folder: string, file: string, text: string): LessonFile {
  return { name: copyTabName(folder, file), text, readOnly: true, language: languageOf(file) };
}

const bodies = new Map<string, LazyExoticComponent<LessonBody>>();
const files = new Map<string, Promise<LessonFile[]>>();

type LessonBody = ComponentType<{ readonly components?: Readonly<Record<string, ComponentType<never>>> }>;

export function lessonBody(lesson: LessonEntry): LazyExoticComponent<LessonBody> {
  let body = bodies.get(lesson.meta.slug);
  if (!body) {
    body = lazy(lesson.loadBody);
    bodies.set(lesson.meta.slug, body);
  }
  return body;
}

const notes = new Map<string, LazyExoticComponent<LessonBody>>();

/** The lesson's facilitator notes, loaded only when facilitator mode shows them. */
export function facilitatorNotes(lesson: LessonEntry): LazyExoticComponent<LessonBody> {
  let body = notes.get(lesson.meta.slug);
  if (!body) {
    body = lazy(lesson.loadFacilitatorNotes);
    notes.set(lesson.meta.slug, body);
  }
  return body;
}

async function loadFiles(lesson: LessonEntry): Promise<LessonFile[]> {
  const { files: editable, references } = lesson.meta;
  const load = async (name: string, readOnly: boolean): Promise<LessonFile> => {
    const loader = lesson.fileLoaders[name];
    if (!loader) throw new Error(`Lesson ${lesson.meta.slug} has no loader for ${name}`);
    return { name, text: await loader(), readOnly, language: languageOf(name) };
  };
  return Promise.all([
    ...editable.map((name) => load(name, false)),
    ...references.map((name) => load(name, true)),
  ]);
}

/** The lesson's starter files, then its read-only references, in front-matter order. */
export function lessonFiles(lesson: LessonEntry): Promise<LessonFile[]> {
  let loaded = files.get(lesson.meta.slug);
  if (!loaded) {
    loaded = loadFiles(lesson);
    files.set(lesson.meta.slug, loaded);
  }
  return loaded;
}
