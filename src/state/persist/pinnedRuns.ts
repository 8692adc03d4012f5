/**
 * A lesson's pinned run, saved so that a reload (or tomorrow) still shows the leaky run to compare a fix with.
 * Stored under `leak-lab:pinned:<slug>` as `{ format: 1, run: { label, minutes, handles, memoryMiB } }`.
 */
import type { PinnedRun } from "../../series/series.ts";
import { KEY_PREFIX, type KeyValueStorage, readJson, type WriteResult, writeJson } from "./browserStorage.ts";

const FORMAT = 1;

export function pinnedKey(slug: string): string {
  return `${KEY_PREFIX}pinned:${slug}`;
}

const isNumbers = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((item) => typeof item === "number" && Number.isFinite(item));

/** The saved pinned run, or undefined when there is none or it cannot be read (a pin is easy to make again). */
export function loadPinned(storage: KeyValueStorage | undefined, slug: string): PinnedRun | undefined {
  const result = readJson(storage, pinnedKey(slug));
  if (result.kind !== "ok" || typeof result.value !== "object" || result.value === null) return undefined;
  const { format, run } = result.value as Record<string, unknown>;
  if (format !== FORMAT || typeof run !== "object" || run === null) return undefined;
  const { label, minutes, handles, memoryMiB } = run as Record<string, unknown>;
  if (typeof label !== "string" || !isNumbers(minutes) || !isNumbers(handles) || !isNumbers(memoryMiB)) {
    return undefined;
  }
  if (handles.length !== minutes.length || memoryMiB.length !== minutes.length) return undefined;
  return { label, minutes, handles, memoryMiB };
}

/** Saves the pin rounded to what the chart can show, or removes it. */
export function savePinned(
  storage: KeyValueStorage | undefined,
  slug: string,
  run: PinnedRun | undefined,
): WriteResult {
  if (!run) {
    try {
      storage?.removeItem(pinnedKey(slug));
    } catch {
      // Nothing to free if storage refuses even this.
    }
    return { ok: true };
  }
  const round = (digits: number) => (value: number) => Number(value.toFixed(digits));
  return writeJson(storage, pinnedKey(slug), {
    format: FORMAT,
    run: {
      label: run.label,
      minutes: run.minutes.map(round(3)),
      handles: run.handles.map(round(0)),
      memoryMiB: run.memoryMiB.map(round(1)),
    },
  });
}
