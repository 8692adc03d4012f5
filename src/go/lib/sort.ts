/**
 * Package sort for translated code. sort.Slice calls the program's less function, which may block, so the sort
 * awaits each comparison. Go sorts up to 12 elements by insertion, which keeps equal elements in order, as this
 * does; beyond 12 Go's pattern-defeating quicksort may reorder equal elements where this sort does not. Ints
 * and Strings order all their elements, so they give Go's result whatever the algorithm.
 */
import type { Boxed, GoSlice } from "../values.ts";

type Less = (i: number, j: number) => Promise<boolean>;

/**
 * Sorts `slice` in place by `less` of two indices into it, as sort.Slice does: a binary insertion sort, so that
 * less always reads the slice as it stands and equal elements keep their order. Comparisons (the awaited part)
 * are O(n log n); the moves are plain array writes.
 */
async function sortByIndex(slice: GoSlice | null, less: Less): Promise<void> {
  if (slice === null) return;
  for (let i = 1; i < slice.length; i++) {
    // The first of the sorted elements that element i goes before; after every element equal to it.
    let [lo, hi] = [0, i];
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (await less(i, mid)) hi = mid;
      else lo = mid + 1;
    }
    if (lo === i) continue;
    const moving = slice.get(i);
    for (let j = i; j > lo; j--) slice.set(j, slice.get(j - 1));
    slice.set(lo, moving);
  }
}

export const sortOps = {
  sortSlice(x: Boxed | null, less: Less): Promise<void> {
    return sortByIndex((x?.value as GoSlice | null) ?? null, less);
  },
  sortValues(slice: GoSlice | null): void {
    if (slice === null) return;
    const sorted = Array.from({ length: slice.length }, (_, i) => slice.get(i) as number | string).sort(
      (a, b) => (a < b ? -1 : a === b ? 0 : 1),
    );
    sorted.forEach((v, i) => {
      slice.set(i, v);
    });
  },
  /** sort.Search: the smallest i in [0, n) for which f(i) is true, or n; f false then true, as Go requires. */
  async search(n: number, f: (i: number) => Promise<boolean>): Promise<number> {
    let [lo, hi] = [0, n];
    while (lo < hi) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (!(await f(mid))) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  },
};
