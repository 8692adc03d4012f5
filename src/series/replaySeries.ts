/**
 * A replay's samples as typed-array columns, one per pod and figure, outside React (docs/ARCHITECTURE.md#stores): filled as the
 * worker streams them, read by the charts at most once per animation frame. The x is every minute of the window
 * from the start, so the chart shows the whole night while the lines fill in; a minute a pod was down (or not
 * replayed yet) is a gap, not a zero.
 */
import type { ReplayEvent, ReplaySample } from "../sim/replay.ts";

export interface ReplayPoints {
  /** Minutes since 03:00: 0, 1, … the window's length. */
  readonly minutes: readonly number[];
  /** Per pod (pod 1 first), a value per minute or null. */
  readonly handles: readonly (readonly (number | null)[])[];
  readonly memoryMiB: readonly (readonly (number | null)[])[];
  readonly events: readonly ReplayEvent[];
}

export class ReplaySeries {
  private readonly handles: Float64Array[];
  private readonly memory: Float64Array[];
  private readonly events: ReplayEvent[] = [];
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private cached: { readonly version: number; readonly points: ReplayPoints } | undefined;

  constructor(
    readonly minutes: number,
    readonly pods: number,
  ) {
    const column = () => new Float64Array(minutes + 1).fill(Number.NaN);
    this.handles = Array.from({ length: pods }, column);
    this.memory = Array.from({ length: pods }, column);
  }

  /** Adds a batch; samples outside the window or of unknown pods are ignored. */
  append(samples: readonly ReplaySample[], events: readonly ReplayEvent[]): void {
    for (const sample of samples) {
      const at = sample.minute;
      const handles = this.handles[sample.pod - 1];
      const memory = this.memory[sample.pod - 1];
      if (!handles || !memory || !Number.isInteger(at) || at < 0 || at > this.minutes) continue;
      handles[at] = sample.handles;
      memory[at] = sample.memoryMiB;
    }
    this.events.push(...events);
    this.version++;
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  thinned(): ReplayPoints {
    if (this.cached?.version === this.version) return this.cached.points;
    const values = (column: Float64Array) =>
      Array.from(column, (value) => (Number.isNaN(value) ? null : value));
    const points: ReplayPoints = {
      minutes: Array.from({ length: this.minutes + 1 }, (_, minute) => minute),
      handles: this.handles.map(values),
      memoryMiB: this.memory.map(values),
      events: [...this.events],
    };
    this.cached = { version: this.version, points };
    return points;
  }
}
