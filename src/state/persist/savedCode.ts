/**
 * The learner's code, saved per lesson and per starter: an entry remembers the fingerprint of the starter it
 * was written against, so when a lesson's starter changes the old code is neither loaded over the new starter
 * nor thrown away; it stays listed as an older version. Beside the versions it keeps write-ahead copies: the
 * code as it was just before Reset, Apply or shared code replaced it, written before the replacement is, so a
 * crash or a reload after a risky action never costs the code it replaced.
 *
 * Stored under `leak-lab:code:<slug>` as `{ format: 2, versions: [{ starter, files, savedAt }], beforeReplace:
 * [{ starter, files, savedAt }] }`, both newest first. Format 1 (a5a2b22 to format 2) had no `beforeReplace`.
 */
import {
  KEY_PREFIX,
  type KeyValueStorage,
  keepDamaged,
  readJson,
  type WriteResult,
  writeJson,
} from "./browserStorage.ts";
import { type FormatStep, upgrade, writeMigrated } from "./migrate.ts";

export const CODE_FORMAT = 2;
/** Versions kept per lesson: the current starter's, and a few written against earlier starters. */
const MAX_VERSIONS = 5;
/** Write-ahead copies kept per lesson (each a different text). */
const MAX_BEFORE_REPLACE = 3;

/** Every older format of the entry, each to the next. */
export const CODE_STEPS: readonly FormatStep[] = [
  {
    from: 1,
    writtenBy: "a5a2b22",
    // Format 1's versions are format 2's; it had no write-ahead copies. A format 1 Leak Lab rewrites the entry
    // without fields it does not know, so format 2 is a new number: that Leak Lab leaves it alone instead.
    up: ({ versions }) => (Array.isArray(versions) ? { format: 2, versions, beforeReplace: [] } : undefined),
  },
];

export interface SavedVersion {
  /** Fingerprint of the starter files this code was written against. */
  readonly starter: string;
  readonly files: Readonly<Record<string, string>>;
  /** Epoch ms. */
  readonly savedAt: number;
}

export interface LoadedCode {
  /** The saved code for this starter, if any. */
  readonly current: SavedVersion | undefined;
  /** Code saved against other (earlier) starters of the lesson. */
  readonly older: readonly SavedVersion[];
  /** Write-ahead copies for this starter: the code just before something replaced it, newest first. */
  readonly beforeReplace: readonly SavedVersion[];
  /** Why nothing could be read: a damaged entry, or one written by a newer Leak Lab (left untouched). */
  readonly problem?: "damaged" | "newer";
}

export function codeKey(slug: string): string {
  return `${KEY_PREFIX}code:${slug}`;
}

function isVersion(value: unknown): value is SavedVersion {
  if (typeof value !== "object" || value === null) return false;
  const { starter, files, savedAt } = value as Record<string, unknown>;
  return (
    typeof starter === "string" &&
    typeof savedAt === "number" &&
    typeof files === "object" &&
    files !== null &&
    Object.values(files).every((text) => typeof text === "string")
  );
}

interface Entry {
  readonly versions: SavedVersion[];
  readonly beforeReplace: SavedVersion[];
  /** The entry as stored, when reading it dropped an unreadable version or copy: kept aside before a write. */
  readonly raw?: string;
}

type Parsed = Entry | { readonly problem: "damaged" | "newer"; readonly raw?: string };

/**
 * The entry for a lesson, in the current format. With `migrate`, an older format found is also written back
 * in the current one (on load); without, it is only read (a page that merely shows the code).
 */
function read(storage: KeyValueStorage | undefined, slug: string, migrate: boolean): Parsed {
  const result = readJson(storage, codeKey(slug));
  if (result.kind === "missing") return { versions: [], beforeReplace: [] };
  if (result.kind === "corrupt") return { problem: "damaged", raw: result.raw };
  const upgraded = upgrade(result.value, CODE_FORMAT, CODE_STEPS);
  if (upgraded.kind === "newer") return { problem: "newer" };
  const { versions, beforeReplace } = upgraded.kind === "damaged" ? {} : upgraded.entry;
  // A readable entry of the wrong shape is kept aside like unreadable text.
  if (!Array.isArray(versions)) return { problem: "damaged", raw: JSON.stringify(result.value) };
  if (upgraded.kind === "migrated" && migrate) {
    writeMigrated(storage, codeKey(slug), result.value, upgraded.entry, upgraded.from);
  }
  const copies = Array.isArray(beforeReplace) ? beforeReplace : [];
  // One unreadable version does not cost the others; the entry as it was is kept aside before it is rewritten.
  const readable = { versions: versions.filter(isVersion), beforeReplace: copies.filter(isVersion) };
  const dropped = readable.versions.length < versions.length || readable.beforeReplace.length < copies.length;
  return dropped ? { ...readable, raw: JSON.stringify(result.value) } : readable;
}

/** The lesson's saved code for `starter`; an entry in an older format is migrated and written back. */
export function loadCode(storage: KeyValueStorage | undefined, slug: string, starter: string): LoadedCode {
  const parsed = read(storage, slug, true);
  if ("problem" in parsed)
    return { current: undefined, older: [], beforeReplace: [], problem: parsed.problem };
  return {
    current: parsed.versions.find((version) => version.starter === starter),
    older: parsed.versions.filter((version) => version.starter !== starter),
    beforeReplace: parsed.beforeReplace.filter((version) => version.starter === starter),
  };
}

export type SaveResult = WriteResult | { readonly ok: false; readonly reason: "newer" };

const sameFiles = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** The code a save is asked to keep: the files written against `starter`, and any write-ahead copy. */
export interface CodeToSave {
  readonly starter: string;
  readonly files: Readonly<Record<string, string>>;
  /** Epoch ms. */
  readonly savedAt: number;
  /**
   * Also keep these files as write-ahead copies, newest first: what the editor held just before a Reset, Apply
   * or shared code replaced it. A copy with the same text as one already kept moves to the front.
   */
  readonly beforeReplace?: readonly Readonly<Record<string, string>>[];
}

/** The entry `existing` becomes with `code` saved in it, keeping the versions saved against other starters. */
function withCode(existing: Entry, code: CodeToSave): object {
  const { starter, files, savedAt, beforeReplace: kept = [] } = code;
  const versions = [
    { starter, files, savedAt },
    ...existing.versions.filter((version) => version.starter !== starter),
  ]
    .sort((a, b) => b.savedAt - a.savedAt)
    .slice(0, MAX_VERSIONS);
  const isKept = (copy: SavedVersion) =>
    copy.starter === starter && kept.some((files) => sameFiles(copy.files, files));
  const beforeReplace = [
    ...kept.map((files) => ({ starter, files, savedAt })),
    ...existing.beforeReplace.filter((copy) => !isKept(copy)),
  ].slice(0, MAX_BEFORE_REPLACE);
  return { format: CODE_FORMAT, versions, beforeReplace };
}

/**
 * The lesson's entry as it would be with `code` saved, without writing it (an export when storage is full
 * takes what could not be written); undefined for a newer Leak Lab's entry, which stays as it is.
 */
export function entryWithCode(
  storage: KeyValueStorage | undefined,
  slug: string,
  code: CodeToSave,
): object | undefined {
  const parsed = read(storage, slug, false);
  if ("problem" in parsed && parsed.problem === "newer") return undefined;
  return withCode("versions" in parsed ? parsed : { versions: [], beforeReplace: [] }, code);
}

/** Saves the code, keeping the versions saved against other starters. */
export function saveCode(storage: KeyValueStorage | undefined, slug: string, code: CodeToSave): SaveResult {
  const key = codeKey(slug);
  const parsed = read(storage, slug, false);
  // A newer Leak Lab's entry is not ours to rewrite: the learner's code there survives a downgrade.
  if ("problem" in parsed && parsed.problem === "newer") return { ok: false, reason: "newer" };
  // What cannot be read is copied aside before it is written over; with no room for the copy, nothing is.
  if (parsed.raw !== undefined && !keepDamaged(storage, key, parsed.raw))
    return { ok: false, reason: "quota" };
  return writeJson(
    storage,
    key,
    withCode("versions" in parsed ? parsed : { versions: [], beforeReplace: [] }, code),
  );
}

/** The newest code saved for the lesson, whatever starter it was written against (for the postmortem). */
export function latestCode(storage: KeyValueStorage | undefined, slug: string): SavedVersion | undefined {
  const parsed = read(storage, slug, false);
  return "versions" in parsed ? parsed.versions[0] : undefined;
}
