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
  return {
    // One unreadable version does not cost the others.
    versions: versions.filter(isVersion),
    beforeReplace: Array.isArray(beforeReplace) ? beforeReplace.filter(isVersion) : [],
  };
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

export interface SaveOptions {
  /**
   * Also keep these files as a write-ahead copy (default: none): what the editor held just before a Reset,
   * Apply or shared code replaces it. A copy with the same text as one already kept moves to the front.
   */
  readonly beforeReplace?: Readonly<Record<string, string>>;
}

const sameFiles = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Saves the code written against `starter`, keeping the versions saved against other starters. */
export function saveCode(
  storage: KeyValueStorage | undefined,
  slug: string,
  starter: string,
  files: Readonly<Record<string, string>>,
  now: number,
  options: SaveOptions = {},
): SaveResult {
  const key = codeKey(slug);
  const parsed = read(storage, slug, false);
  // A newer Leak Lab's entry is not ours to rewrite: the learner's code there survives a downgrade.
  if ("problem" in parsed && parsed.problem === "newer") return { ok: false, reason: "newer" };
  if ("raw" in parsed && parsed.raw !== undefined) keepDamaged(storage, key, parsed.raw);
  const existing: Entry = "versions" in parsed ? parsed : { versions: [], beforeReplace: [] };
  const versions = [
    { starter, files, savedAt: now },
    ...existing.versions.filter((version) => version.starter !== starter),
  ]
    .sort((a, b) => b.savedAt - a.savedAt)
    .slice(0, MAX_VERSIONS);
  const kept = options.beforeReplace;
  const beforeReplace = kept
    ? [
        { starter, files: kept, savedAt: now },
        ...existing.beforeReplace.filter((copy) => copy.starter !== starter || !sameFiles(copy.files, kept)),
      ].slice(0, MAX_BEFORE_REPLACE)
    : existing.beforeReplace;
  return writeJson(storage, key, { format: CODE_FORMAT, versions, beforeReplace });
}

/** The newest code saved for the lesson, whatever starter it was written against (for the postmortem). */
export function latestCode(storage: KeyValueStorage | undefined, slug: string): SavedVersion | undefined {
  const parsed = read(storage, slug, false);
  return "versions" in parsed ? parsed.versions[0] : undefined;
}
