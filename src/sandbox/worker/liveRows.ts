/**
 * The live pod's samples and the learner's log lines as the rows the page is sent: sites labelled the way the
 * chart shows them, and every piece of learner text clipped (protocol/limits.ts) before it leaves.
 */

import { clipText } from "../../runtime/clipText.ts";
import type { LogEntry } from "../../runtime/log.ts";
import type { SiteSample } from "../../runtime/sample.ts";
import type { PodSample } from "../../sim/livePod.ts";
import { MAX_SITES_PER_SAMPLE, OTHER_SITES } from "../protocol/limits.ts";
import type { LogRow, SampleRow, SiteCount } from "../protocol/run.ts";
import { safeText } from "../virtualGlobals.ts";

const SIMULATED_SITE = "the simulated traffic";

export function sampleRow(sample: PodSample, fileName: string): SampleRow {
  return {
    t: sample.t,
    handles: sample.handles,
    goroutines: sample.goroutines,
    timers: sample.timers,
    tickers: sample.tickers,
    memoryMiB: sample.memoryMiB,
    sites: siteCounts(sample.bySite, fileName),
  };
}

export function logRow(entry: LogEntry): LogRow {
  return {
    t: entry.t,
    level: entry.level,
    message: clipText(String(entry.message)),
    fields: clipText(fieldsText(entry.fields)),
  };
}

function fieldsText(fields: LogEntry["fields"]): string {
  if (!fields) return "";
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : safeText(value)}`)
    .join(" ");
}

/**
 * Live handles by site as the chart labels them: the learner's by function and line, the simulation's (its
 * requests in flight) as one row; the largest few, the rest as "other sites".
 */
export function siteCounts(bySite: readonly SiteSample[], fileName: string): SiteCount[] {
  const counts = new Map<string, number>();
  for (const stats of bySite) {
    const handles = stats.goroutines + stats.timers + stats.tickers;
    if (handles === 0) continue;
    const label = stats.site.startsWith(`${fileName}:`)
      ? `${stats.function} (${stats.site})`
      : SIMULATED_SITE;
    counts.set(label, (counts.get(label) ?? 0) + handles);
  }
  const rows = [...counts]
    .map(([site, handles]) => ({ site, handles }))
    .sort((a, b) => b.handles - a.handles);
  if (rows.length <= MAX_SITES_PER_SAMPLE) return rows;
  const kept = rows.slice(0, MAX_SITES_PER_SAMPLE - 1);
  const rest = rows.slice(MAX_SITES_PER_SAMPLE - 1).reduce((sum, row) => sum + row.handles, 0);
  return [...kept, { site: OTHER_SITES, handles: rest }];
}
