/**
 * Seeded arrivals for traffic generators. Traffic draws from its own PRNG, not the runtime's, so a leaky and a
 * fixed service see exactly the same requests at the same virtual times.
 */
import { Prng } from "../runtime/prng.ts";

export class Arrivals {
  private readonly prng: Prng;

  constructor(seed: number) {
    this.prng = new Prng(seed);
  }

  /** Milliseconds until the next arrival of a Poisson process with `perMinute` arrivals a minute. */
  gap(perMinute: number): number {
    if (!(perMinute > 0)) return Number.POSITIVE_INFINITY;
    return (-Math.log(1 - this.prng.next()) * 60_000) / perMinute;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.prng.next() < p;
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.prng.below(max - min + 1);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.prng.below(items.length)] as T;
  }
}
