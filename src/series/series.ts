/**
 * Samples of a run as typed-array columns, outside React (docs/ARCHITECTURE.md#stores): appended as the worker streams them,
 * read by the charts at most once per animation frame. Bounded whatever the run's length: columns grow by
 * doubling up to `maxPoints`; once full, the series halves its resolution in place, keeping every second point
 * (each the later of its pair, so the latest point survives), and from then on each stored point stands for
 * twice as many samples, the last one always overwritten by the newest sample until its bucket is full. So
 * the latest figures are always exact, every stored point is a real sample, and a day of samples a second
 * (86,400) is kept as 10,800 points 8 s apart. For display, the series is thinned further to `maxPoints` of
 * thinned() by keeping each bucket's last point.
 */

import { OTHER_SITES } from "../sandbox/protocol/limits.ts";
import type { SampleRow } from "../sandbox/protocol/run.ts";

const FIELDS = ["t", "handles", "goroutines", "timers", "tickers", "memoryMiB"] as const;
type Field = (typeof FIELDS)[number];

/** Columns for drawing: x in virtual minutes, thinned. */
export interface Thinned {
  readonly minutes: number[];
  readonly handles: number[];
  readonly goroutines: number[];
  readonly timers: number[];
  readonly tickers: number[];
  readonly memoryMiB: number[];
  /** Per site, in the order sites first appeared. */
  readonly sites: ReadonlyMap<string, number[]>;
}

/** A run kept to compare the next one against (leaky vs fixed on the same axes). */
export interface PinnedRun {
  readonly label: string;
  readonly minutes: readonly number[];
  readonly handles: readonly number[];
  readonly memoryMiB: readonly number[];
}

/** Sites beyond this many share one column, so a file with thousands of go(...) lines cannot grow the chart. */
export const MAX_SITE_COLUMNS = 12;

export interface SeriesOptions {
  /** Points kept before the resolution halves; even. Default 16,384 (2.4 MB of columns at most). */
  readonly maxPoints?: number;
}

export class Series {
  private readonly maxPoints: number;
  private capacity: number;
  private columnsByField: Map<Field, Float64Array>;
  private siteColumns = new Map<string, Float64Array>();
  length = 0;
  /** Samples each stored point stands for: 1 until the series first fills, doubled each time it does. */
  private stride = 1;
  /** Samples in the last stored point's bucket so far; it is overwritten until there are `stride`. */
  private inLastBucket = 0;
  /** Bumped by every append: the last point changes without the length changing. */
  private version = 0;
  private readonly listeners = new Set<() => void>();
  /** The last thinned view and what it was made from: two charts read the same points each frame. */
  private cached:
    | { readonly version: number; readonly maxPoints: number; readonly points: Thinned }
    | undefined;

  constructor(options: SeriesOptions = {}) {
    this.maxPoints = Math.max(2, Math.floor((options.maxPoints ?? 16_384) / 2) * 2);
    this.capacity = Math.min(1024, this.maxPoints);
    this.columnsByField = new Map(FIELDS.map((field) => [field, new Float64Array(this.capacity)]));
  }

  /** Room the columns have: never more than `maxPoints`, however many samples arrive. */
  get allocated(): number {
    return this.capacity;
  }

  /** Samples each stored point stands for (1 until the series first filled). */
  get samplesPerPoint(): number {
    return this.stride;
  }

  append(point: SampleRow): void {
    let at: number;
    if (this.length > 0 && this.inLastBucket < this.stride) {
      at = this.length - 1;
      this.inLastBucket++;
    } else {
      if (this.length === this.maxPoints) this.halve();
      else if (this.length === this.capacity) this.grow();
      at = this.length++;
      this.inLastBucket = 1;
    }
    for (const field of FIELDS) this.column(field)[at] = point[field];
    for (const column of this.siteColumns.values()) column[at] = 0;
    for (const { site, handles } of point.sites) {
      const column = this.siteColumn(site);
      column[at] = (column[at] ?? 0) + handles;
    }
    this.version++;
  }

  /** Tells subscribers new points arrived (once per batch, not per point). */
  changed(): void {
    for (const listener of this.listeners) listener();
  }

  clear(): void {
    this.length = 0;
    this.stride = 1;
    this.inLastBucket = 0;
    this.version++;
    this.cached = undefined;
    this.siteColumns = new Map();
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The sites seen so far, in the order they first appeared (so their colours stay put). */
  siteLabels(): readonly string[] {
    return [...this.siteColumns.keys()];
  }

  /** The series for drawing: at most `maxPoints` points (plus the latest), x in virtual minutes. */
  thinned(maxPoints = 2000): Thinned {
    const cached = this.cached;
    if (cached && cached.version === this.version && cached.maxPoints === maxPoints) return cached.points;
    const points = this.thin(maxPoints);
    this.cached = { version: this.version, maxPoints, points };
    return points;
  }

  private thin(maxPoints: number): Thinned {
    const indices = thinIndices(this.length, maxPoints);
    const pick = (column: Float64Array) => indices.map((i) => column[i] ?? 0);
    const sites = new Map<string, number[]>();
    for (const [site, column] of this.siteColumns) sites.set(site, pick(column));
    return {
      minutes: pick(this.column("t")).map((ms) => ms / 60_000),
      handles: pick(this.column("handles")),
      goroutines: pick(this.column("goroutines")),
      timers: pick(this.column("timers")),
      tickers: pick(this.column("tickers")),
      memoryMiB: pick(this.column("memoryMiB")),
      sites,
    };
  }

  /** A copy of the run so far, thinned, to overlay on the next runs. */
  pin(label: string, maxPoints = 2000): PinnedRun {
    const { minutes, handles, memoryMiB } = this.thinned(maxPoints);
    return { label, minutes, handles, memoryMiB };
  }

  private column(field: Field): Float64Array {
    const column = this.columnsByField.get(field);
    if (!column) throw new Error(`no column ${field}`);
    return column;
  }

  private siteColumn(site: string): Float64Array {
    const known = this.siteColumns.get(site);
    if (known) return known;
    const label = this.siteColumns.size < MAX_SITE_COLUMNS - 1 ? site : OTHER_SITES;
    let column = this.siteColumns.get(label);
    if (!column) {
      // Points before the site appeared held none of its handles: a fresh column is all zeros.
      column = new Float64Array(this.capacity);
      this.siteColumns.set(label, column);
    }
    return column;
  }

  /** Keeps every second point, the later of each pair: half the points, each standing for twice the samples. */
  private halve(): void {
    const half = this.length / 2;
    const keepLaterOfPairs = (column: Float64Array) => {
      for (let i = 0; i < half; i++) column[i] = column[2 * i + 1] ?? 0;
    };
    for (const column of this.columnsByField.values()) keepLaterOfPairs(column);
    for (const column of this.siteColumns.values()) keepLaterOfPairs(column);
    this.length = half;
    this.stride *= 2;
  }

  private grow(): void {
    this.capacity = Math.min(this.capacity * 2, this.maxPoints);
    const double = (old: Float64Array) => {
      const next = new Float64Array(this.capacity);
      next.set(old);
      return next;
    };
    for (const [field, column] of this.columnsByField) this.columnsByField.set(field, double(column));
    for (const [site, column] of this.siteColumns) this.siteColumns.set(site, double(column));
  }
}

/** Which points to draw: each bucket's last, and always the latest. */
function thinIndices(length: number, maxPoints: number): number[] {
  const step = Math.max(1, Math.ceil(length / maxPoints));
  const indices: number[] = [];
  for (let i = step - 1; i < length; i += step) indices.push(i);
  if (length > 0 && indices.at(-1) !== length - 1) indices.push(length - 1);
  return indices;
}
