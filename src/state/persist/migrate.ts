/**
 * Older formats of a saved entry, brought up to the current one when it is loaded. Each kind of entry lists
 * its steps: one function per older format to the next, named with the commit whose Leak Lab wrote that
 * format, so an entry written by any released version reads today. A migrated entry is written back in the
 * current format with its original kept aside under `<key>:format-<n>` until the new one has landed and reads
 * back; an entry from a newer Leak Lab is never migrated, only reported.
 */
import { type KeyValueStorage, readJson, writeJson } from "./browserStorage.ts";

export interface FormatStep {
  /** The format this step reads; it returns the entry in format `from + 1`, or undefined if it cannot. */
  readonly from: number;
  /** The commit whose Leak Lab wrote format `from` (for the reader of a bug report, and the tests' fixtures). */
  readonly writtenBy: string;
  readonly up: (entry: Readonly<Record<string, unknown>>) => Record<string, unknown> | undefined;
}

export type Upgraded =
  | { readonly kind: "current"; readonly entry: Readonly<Record<string, unknown>> }
  | { readonly kind: "migrated"; readonly entry: Readonly<Record<string, unknown>>; readonly from: number }
  | { readonly kind: "newer" }
  /** Not an object, no numeric format, or a format no step knows: kept aside by the caller, never guessed. */
  | { readonly kind: "damaged" };

/** The entry in the current format, through every step from its own; pure, nothing is written. */
export function upgrade(value: unknown, current: number, steps: readonly FormatStep[]): Upgraded {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { kind: "damaged" };
  const from = (value as { format?: unknown }).format;
  if (typeof from !== "number" || !Number.isInteger(from)) return { kind: "damaged" };
  if (from > current) return { kind: "newer" };
  let entry: Readonly<Record<string, unknown>> | undefined = value as Record<string, unknown>;
  for (let format = from; format < current; format++) {
    const step = steps.find((each) => each.from === format);
    entry = step && entry ? step.up(entry) : undefined;
    if (entry?.format !== format + 1) return { kind: "damaged" };
  }
  if (!entry) return { kind: "damaged" };
  return from === current ? { kind: "current", entry } : { kind: "migrated", entry, from };
}

export function asideKey(key: string, format: number): string {
  return `${key}:format-${format}`;
}

/**
 * Writes a migrated entry over its original, keeping the original under asideKey until the new one is written
 * and reads back the same. Returns whether the stored entry is now the migrated one; when it is not (storage
 * full, or refused), the original is still in place and the caller carries on with the migrated value in
 * memory.
 */
export function writeMigrated(
  storage: KeyValueStorage | undefined,
  key: string,
  original: unknown,
  migrated: Readonly<Record<string, unknown>>,
  from: number,
): boolean {
  if (!storage) return false;
  const aside = asideKey(key, from);
  if (!writeJson(storage, aside, original).ok) return false;
  const written = writeJson(storage, key, migrated).ok;
  const readBack = readJson(storage, key);
  const landed =
    written && readBack.kind === "ok" && JSON.stringify(readBack.value) === JSON.stringify(migrated);
  if (!landed) {
    // The original is still (or again) under its own key: the aside copy is not needed, nor is the space.
    if (!written) removeQuietly(storage, aside);
    return false;
  }
  removeQuietly(storage, aside);
  return true;
}

function removeQuietly(storage: KeyValueStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // A storage that refuses a removal keeps a spare copy; nothing is lost by that.
  }
}
