/**
 * The learner's code, saved per lesson and per starter: an entry remembers the fingerprint of the starter it
 * was written against, so when a lesson's starter changes the old code is neither loaded over the new starter
 * nor thrown away; it stays listed as an older version.
 *
 * Stored under `leak-lab:code:<slug>` as `{ format: 1, versions: [{ starter, files, savedAt }] }`, newest first.
 */
import {
  KEY_PREFIX,
  type KeyValueStorage,
  keepDamaged,
  readJson,
  type WriteResult,
  writeJson,
} from "./browserStorage.ts";

export const CODE_FORMAT = 1;
/** Versions kept per lesson: the current starter's, and a few written against earlier starters. */
const MAX_VERSIONS = 5;

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

type Parsed = { readonly versions: SavedVersion[] } | { readonly problem: "damaged" | "newer" };

function parse(value: unknown): Parsed {
  if (typeof value !== "object" || value === null) return { problem: "damaged" };
  const { format, versions } = value as Record<string, unknown>;
  if (typeof format === "number" && format > CODE_FORMAT) return { problem: "newer" };
  if (format !== CODE_FORMAT || !Array.isArray(versions)) return { problem: "damaged" };
  // One unreadable version does not cost the others.
  return { versions: versions.filter(isVersion) };
}

function read(storage: KeyValueStorage | undefined, slug: string): Parsed & { readonly raw?: string } {
  const result = readJson(storage, codeKey(slug));
  if (result.kind === "missing") return { versions: [] };
  if (result.kind === "corrupt") return { problem: "damaged", raw: result.raw };
  const parsed = parse(result.value);
  // A readable entry of the wrong shape is kept aside like unreadable text.
  return "problem" in parsed && parsed.problem === "damaged"
    ? { ...parsed, raw: JSON.stringify(result.value) }
    : parsed;
}

export function loadCode(storage: KeyValueStorage | undefined, slug: string, starter: string): LoadedCode {
  const parsed = read(storage, slug);
  if ("problem" in parsed) return { current: undefined, older: [], problem: parsed.problem };
  return {
    current: parsed.versions.find((version) => version.starter === starter),
    older: parsed.versions.filter((version) => version.starter !== starter),
  };
}

export type SaveResult = WriteResult | { readonly ok: false; readonly reason: "newer" };

/** Saves the code written against `starter`, keeping the versions saved against other starters. */
export function saveCode(
  storage: KeyValueStorage | undefined,
  slug: string,
  starter: string,
  files: Readonly<Record<string, string>>,
  now: number,
): SaveResult {
  const key = codeKey(slug);
  const parsed = read(storage, slug);
  // A newer Leak Lab's entry is not ours to rewrite: the learner's code there survives a downgrade.
  if ("problem" in parsed && parsed.problem === "newer") return { ok: false, reason: "newer" };
  const existing = "versions" in parsed ? parsed.versions : [];
  if ("raw" in parsed && parsed.raw !== undefined) keepDamaged(storage, key, parsed.raw);
  const versions = [
    { starter, files, savedAt: now },
    ...existing.filter((version) => version.starter !== starter),
  ]
    .sort((a, b) => b.savedAt - a.savedAt)
    .slice(0, MAX_VERSIONS);
  return writeJson(storage, key, { format: CODE_FORMAT, versions });
}

/** The newest code saved for the lesson, whatever starter it was written against (for the postmortem). */
export function latestCode(storage: KeyValueStorage | undefined, slug: string): SavedVersion | undefined {
  const parsed = read(storage, slug);
  return "versions" in parsed ? parsed.versions[0] : undefined;
}
