/**
 * Samples of a run as typed-array columns, outside React (STYLE.md #6): appended as the worker streams them,
 * read by the chart at most once per animation frame. Capacity doubles as needed; nothing is dropped. For
 * display, long series are thinned to at most `maxPoints` by keeping each bucket's last point.
 */
export class Series {
  private t = new Float64Array(1024);
  private handles = new Float64Array(1024);
  private memory = new Float64Array(1024);
  length = 0;
  private readonly listeners = new Set<() => void>();

  append(t: number, handles: number, memoryMiB: number): void {
    if (this.length === this.t.length) this.grow();
    this.t[this.length] = t;
    this.handles[this.length] = handles;
    this.memory[this.length] = memoryMiB;
    this.length++;
  }

  /** Tells subscribers new points arrived (once per batch, not per point). */
  changed(): void {
    for (const listener of this.listeners) listener();
  }

  clear(): void {
    this.length = 0;
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Columns for the chart: time in virtual minutes, handles, memory; thinned to `maxPoints`. */
  columns(maxPoints = 2000): [number[], number[], number[]] {
    const step = Math.max(1, Math.ceil(this.length / maxPoints));
    const x: number[] = [];
    const h: number[] = [];
    const m: number[] = [];
    for (let i = step - 1; i < this.length; i += step) {
      x.push((this.t[i] ?? 0) / 60_000);
      h.push(this.handles[i] ?? 0);
      m.push(this.memory[i] ?? 0);
    }
    const last = this.length - 1;
    if (last >= 0 && (last + 1) % step !== 0) {
      x.push((this.t[last] ?? 0) / 60_000);
      h.push(this.handles[last] ?? 0);
      m.push(this.memory[last] ?? 0);
    }
    return [x, h, m];
  }

  private grow(): void {
    const double = (old: Float64Array) => {
      const next = new Float64Array(old.length * 2);
      next.set(old);
      return next;
    };
    this.t = double(this.t);
    this.handles = double(this.handles);
    this.memory = double(this.memory);
  }
}
