/**
 * The heap profile of modelled live bytes by site, like pprof's `inuse_space` top list: what each creation
 * site's live tasks and timers hold (stacks and the buffers they allocated), plus buffers kept at a site.
 */
import type { SiteStats } from "../handles.ts";

export interface HeapEntry {
  readonly function: string;
  /** `file:line`. */
  readonly site: string;
  readonly bytes: number;
}

export function heapProfile(sites: readonly SiteStats[]): HeapEntry[] {
  return sites
    .filter((stats) => stats.bytes > 0)
    .map((stats) => ({ function: stats.site.fn, site: stats.site.key, bytes: stats.bytes }))
    .sort((a, b) => b.bytes - a.bytes || a.site.localeCompare(b.site));
}

const MiB = 1024 * 1024;

/** pprof's `top` shape: size, function, `at` site; sizes in MiB with one decimal, like the incident report. */
export function formatHeapProfile(entries: readonly HeapEntry[]): string {
  return entries
    .map((entry) => {
      const size = `${(entry.bytes / MiB).toFixed(1)}MB`.padStart(10);
      return `${size}  ${entry.function}\n            at ${entry.site}`;
    })
    .join("\n\n");
}
