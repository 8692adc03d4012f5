/**
 * Export and import of everything Leak Lab keeps in this browser (saved code, progress) as one JSON file: to
 * move to another machine, or to keep a copy when storage is full. An import never destroys what it replaces:
 * the current data is kept under one backup key first.
 */
import { KEY_PREFIX, type KeyValueStorage, ownKeys, readJson } from "./browserStorage.ts";
import { type CodeToSave, codeKey, entryWithCode } from "./savedCode.ts";

export const FILE_FORMAT = "leak-lab-progress";
export const FILE_VERSION = 1;
export const BACKUP_KEY = `${KEY_PREFIX}backup-before-import`;

export interface ProgressFile {
  readonly format: typeof FILE_FORMAT;
  readonly version: number;
  readonly exportedAt: string;
  /**
   * Storage key → its value: parsed JSON, or, for an entry that is not JSON, its raw text (Leak Lab never stores
   * a bare JSON string, so a string here is always raw text).
   */
  readonly entries: Readonly<Record<string, unknown>>;
}

/**
 * Everything stored, and the code autosave could not write (storage full): the file is the learner's way to
 * keep that code, so it holds what the editor has, not only what storage took.
 */
export function exportProgress(
  storage: KeyValueStorage | undefined,
  now: Date,
  unwritten: readonly { readonly slug: string; readonly code: CodeToSave }[] = [],
): ProgressFile {
  const entries: Record<string, unknown> = {};
  for (const key of ownKeys(storage)) {
    if (key === BACKUP_KEY) continue;
    const result = readJson(storage, key);
    if (result.kind === "ok") entries[key] = result.value;
    else if (result.kind === "corrupt") entries[key] = result.raw;
  }
  for (const { slug, code } of unwritten) {
    const entry = entryWithCode(storage, slug, code);
    if (!entry) continue;
    const key = codeKey(slug);
    // What is stored there and cannot be read goes in beside it, as a save would have kept it aside.
    if (typeof entries[key] === "string") entries[`${key}:unreadable:export`] = entries[key];
    entries[key] = entry;
  }
  return { format: FILE_FORMAT, version: FILE_VERSION, exportedAt: now.toISOString(), entries };
}

export type ParsedFile =
  | { readonly ok: true; readonly file: ProgressFile }
  | { readonly ok: false; readonly message: string };

/** Reads an uploaded file's text; says in plain words what is wrong with one that is not a Leak Lab export. */
export function parseProgressFile(text: string): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: "This file is not JSON, so it is not a Leak Lab progress file." };
  }
  if (typeof value !== "object" || value === null || (value as { format?: unknown }).format !== FILE_FORMAT) {
    return {
      ok: false,
      message: "This JSON file is not a Leak Lab progress file (it has no leak-lab-progress format).",
    };
  }
  const { version, entries } = value as Record<string, unknown>;
  if (typeof version !== "number" || version > FILE_VERSION) {
    return {
      ok: false,
      message: "This progress file was written by a newer Leak Lab; update this one to read it.",
    };
  }
  if (typeof entries !== "object" || entries === null) {
    return { ok: false, message: "This progress file has no entries to import." };
  }
  const foreign = Object.keys(entries).find((key) => !key.startsWith(KEY_PREFIX) || key === BACKUP_KEY);
  if (foreign !== undefined)
    return { ok: false, message: `This progress file holds an entry Leak Lab does not write: ${foreign}.` };
  return { ok: true, file: value as ProgressFile };
}

export type ImportResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Replaces Leak Lab's entries with the file's, after keeping the current ones under BACKUP_KEY. */
export function importProgress(
  storage: KeyValueStorage | undefined,
  file: ProgressFile,
  now: Date,
): ImportResult {
  if (!storage) return { ok: false, message: "This browser does not let Leak Lab store anything." };
  const current = exportProgress(storage, now);
  try {
    storage.setItem(BACKUP_KEY, JSON.stringify(current));
  } catch {
    return {
      ok: false,
      message: "Storage is full: the current progress could not be backed up, so nothing was imported.",
    };
  }
  const written: string[] = [];
  try {
    for (const key of Object.keys(current.entries)) {
      if (!(key in file.entries)) storage.removeItem(key);
    }
    for (const [key, value] of Object.entries(file.entries)) {
      storage.setItem(key, typeof value === "string" ? value : JSON.stringify(value));
      written.push(key);
    }
  } catch {
    // Put back what was there: a half-imported state would mix two learners' work.
    for (const key of written) if (!(key in current.entries)) storage.removeItem(key);
    for (const [key, value] of Object.entries(current.entries)) {
      try {
        storage.setItem(key, typeof value === "string" ? value : JSON.stringify(value));
      } catch {
        // The backup under BACKUP_KEY still holds it.
      }
    }
    return {
      ok: false,
      message: "Storage filled up during the import; your previous progress was put back.",
    };
  }
  return { ok: true };
}
