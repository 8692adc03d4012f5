/**
 * The floor: the least a virtual-time scheduler can do. A binary heap of sleepers and a promise per wake-up;
 * after resolving everything due at an instant it lets the microtasks run with one macrotask
 * (setImmediate), then jumps to the next instant. No states, no sites, no registry, no select.
 */
import { makePromiseChannel, startWorkload } from "./workload.ts";

interface Sleeper {
  readonly when: number;
  readonly seq: number;
  readonly wake: () => void;
}

class SleeperHeap {
  private readonly items: Sleeper[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Sleeper | undefined {
    return this.items[0];
  }
  push(item: Sleeper): void {
    const items = this.items;
    items.push(item);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = items[parent] as Sleeper;
      if (above.when < item.when || (above.when === item.when && above.seq < item.seq)) break;
      items[index] = above;
      index = parent;
    }
    items[index] = item;
  }
  pop(): Sleeper | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (!top || !last || items.length === 0) return top;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= items.length) break;
      const right = left + 1;
      let child = left;
      const l = items[left] as Sleeper;
      const r = items[right];
      if (r && (r.when < l.when || (r.when === l.when && r.seq < l.seq))) child = right;
      const c = items[child] as Sleeper;
      if (last.when < c.when || (last.when === c.when && last.seq < c.seq)) break;
      items[index] = c;
      index = child;
    }
    items[index] = last;
    return top;
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the workload on the bare scheduler; resolves with the number of events. */
export async function runBare(): Promise<number> {
  let now = 0;
  let seq = 0;
  let events = 0;
  const heap = new SleeperHeap();
  startWorkload(
    {
      now: () => now,
      sleep: (ms) => new Promise<void>((wake) => heap.push({ when: now + ms, seq: seq++, wake })),
      spawn: (body) => void body(),
      makeChannel: makePromiseChannel,
    },
    () => events++,
  );
  await turn();
  while (heap.size > 0) {
    now = (heap.peek() as Sleeper).when;
    while (heap.size > 0 && (heap.peek() as Sleeper).when === now) (heap.pop() as Sleeper).wake();
    await turn();
  }
  return events;
}
