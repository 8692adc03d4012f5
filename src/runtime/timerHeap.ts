/**
 * A binary min-heap of timer entries ordered by (when, seq): the virtual clock's agenda. `seq` breaks ties in
 * creation order, which is what makes two timers due at the same instant fire in a deterministic order.
 * Cancelled entries are left in place and skipped when they surface (lazy deletion keeps cancel O(1)).
 */
import type { Task } from "./task.ts";

export interface TimerEntry {
  when: number;
  readonly seq: number;
  /** False once cancelled or fired; a cancelled entry is dropped when it reaches the top. */
  active: boolean;
  /** What firing does; unset for a sleep, which just makes `sleeper` runnable (saves a closure per sleep). */
  readonly fire: (() => void) | undefined;
  readonly sleeper: Task | undefined;
  /** Observers (samplers) fire in order like any timer but never keep a program alive. */
  readonly observer: boolean;
}

export class TimerHeap {
  private readonly items: TimerEntry[] = [];

  get size(): number {
    return this.items.length;
  }

  push(entry: TimerEntry): void {
    const items = this.items;
    items.push(entry);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = items[parent] as TimerEntry;
      if (!before(entry, above)) break;
      items[index] = above;
      index = parent;
    }
    items[index] = entry;
  }

  /** The earliest active entry, dropping cancelled ones on the way; undefined when none is left. */
  peek(): TimerEntry | undefined {
    let top = this.items[0];
    while (top !== undefined && !top.active) {
      this.pop();
      top = this.items[0];
    }
    return top;
  }

  pop(): TimerEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let index = 0;
    const length = items.length;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      let child = left;
      if (right < length && before(items[right] as TimerEntry, items[left] as TimerEntry)) child = right;
      const smallest = items[child] as TimerEntry;
      if (!before(smallest, last)) break;
      items[index] = smallest;
      index = child;
    }
    items[index] = last;
    return top;
  }
}

function before(a: TimerEntry, b: TimerEntry): boolean {
  return a.when < b.when || (a.when === b.when && a.seq < b.seq);
}
