/**
 * The live-handle registry: every task, timer and ticker from creation to end, with running totals by kind,
 * by creation site and of modelled bytes. Totals are kept incrementally so a sample costs O(sites), not
 * O(handles); a handle's site is resolved (its stack parsed) only once it has lived through a sample.
 */
import { countField, type Handle, type HandleKind, type SiteStats } from "./handles.ts";
import type { Site } from "./stack.ts";

export interface KindCounts {
  goroutines: number;
  timers: number;
  tickers: number;
}

export class Registry {
  /** Live handles in creation order (Map keeps insertion order), internal ones included. */
  readonly live = new Map<number, Handle>();
  readonly counts: KindCounts = { goroutines: 0, timers: 0, tickers: 0 };
  /** Internal handles (the host's own tasks) are counted here, never in `counts`. */
  readonly internalCounts: KindCounts = { goroutines: 0, timers: 0, tickers: 0 };
  /** Bytes held by non-internal handles and by kept buffers. */
  bytes = 0;
  private readonly sites = new Map<string, SiteStats>();
  private unresolved: Handle[] = [];

  add(handle: Handle): void {
    this.live.set(handle.id, handle);
    handle.siteStats = undefined;
    const field = countField(handle.kind);
    if (handle.internal) {
      this.internalCounts[field]++;
      return;
    }
    this.counts[field]++;
    this.bytes += handle.bytes;
    this.unresolved.push(handle);
    // Without samples nothing drains the list; drop the ended handles it would otherwise keep alive.
    if (this.unresolved.length > 4096 && this.unresolved.length > 2 * this.live.size) {
      this.unresolved = this.unresolved.filter((pending) => this.live.has(pending.id));
    }
  }

  remove(handle: Handle): void {
    if (!this.live.delete(handle.id)) return;
    const field = countField(handle.kind);
    if (handle.internal) {
      this.internalCounts[field]--;
      return;
    }
    this.counts[field]--;
    this.bytes -= handle.bytes;
    const stats = handle.siteStats;
    if (stats) {
      stats[field]--;
      stats.bytes -= handle.bytes;
    }
  }

  /** Changes what a live handle holds (an allocation or a release by a task). */
  addBytes(handle: Handle, delta: number): void {
    handle.bytes += delta;
    if (handle.internal || !this.live.has(handle.id)) return;
    this.bytes += delta;
    if (handle.siteStats) handle.siteStats.bytes += delta;
  }

  /** Bytes held by no handle (buffers kept in long-lived structures), attributed to where they were kept. */
  addSiteBytes(site: Site, delta: number): void {
    this.bytes += delta;
    this.statsFor(site).bytes += delta;
  }

  /** Per-site totals for every site with something live, after resolving handles created since last time. */
  bySite(): SiteStats[] {
    this.resolvePending();
    const result: SiteStats[] = [];
    for (const stats of this.sites.values()) {
      if (stats.goroutines + stats.timers + stats.tickers > 0 || stats.bytes > 0) result.push(stats);
    }
    return result;
  }

  *handles(kind?: HandleKind): IterableIterator<Handle> {
    for (const handle of this.live.values()) {
      if (!handle.internal && (kind === undefined || handle.kind === kind)) yield handle;
    }
  }

  private resolvePending(): void {
    const pending = this.unresolved;
    this.unresolved = [];
    for (const handle of pending) {
      // Ended, or already resolved: a handle removed and added again (a timer reset) is listed twice.
      if (!this.live.has(handle.id) || handle.siteStats) continue;
      const stats = this.statsFor(handle.site);
      handle.siteStats = stats;
      stats[countField(handle.kind)]++;
      stats.bytes += handle.bytes;
    }
  }

  private statsFor(site: Site): SiteStats {
    let stats = this.sites.get(site.key);
    if (!stats) {
      stats = { site, goroutines: 0, timers: 0, tickers: 0, bytes: 0 };
      this.sites.set(site.key, stats);
    }
    return stats;
  }
}
