/**
 * Samples for hosts: at a chosen virtual interval, the live handles by kind and by creation site and the
 * modelled memory, total and by site. Taking one costs O(sites), so sampling can stay on for whole runs.
 */
import type { Runtime } from "./runtime.ts";

export interface SiteSample {
  /** `file:line`. */
  readonly site: string;
  readonly function: string;
  readonly goroutines: number;
  readonly timers: number;
  readonly tickers: number;
  readonly bytes: number;
}

export interface Sample {
  /** Virtual ms. */
  readonly t: number;
  readonly goroutines: number;
  readonly timers: number;
  readonly tickers: number;
  /** Every live handle: goroutines + timers + tickers. */
  readonly handles: number;
  readonly memoryBytes: number;
  readonly bySite: readonly SiteSample[];
}

export function takeSample(runtime: Runtime): Sample {
  const { counts } = runtime.registry;
  return {
    t: runtime.now,
    goroutines: counts.goroutines,
    timers: counts.timers,
    tickers: counts.tickers,
    handles: counts.goroutines + counts.timers + counts.tickers,
    memoryBytes: runtime.memoryBytes,
    bySite: runtime.registry
      .bySite()
      .map((stats) => ({
        site: stats.site.key,
        function: stats.site.fn,
        goroutines: stats.goroutines,
        timers: stats.timers,
        tickers: stats.tickers,
        bytes: stats.bytes,
      }))
      .sort((a, b) => a.site.localeCompare(b.site)),
  };
}

/** Calls `onSample` now and every `intervalMs` of virtual time; returns a function that stops sampling. */
export function sampleEvery(
  runtime: Runtime,
  intervalMs: number,
  onSample: (sample: Sample) => void,
): () => void {
  onSample(takeSample(runtime));
  return runtime.every(intervalMs, () => onSample(takeSample(runtime)));
}
