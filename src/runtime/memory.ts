/**
 * Modelled memory (MEMORY_MODEL.md). A browser worker cannot read its own heap, so the runtime keeps books:
 * `alloc()` hands out a Bytes token that the calling task holds until it releases it or ends, or that lives on
 * after `keep()` until released. Nothing is really allocated; the numbers are the point.
 *
 * A Bytes is handed to learner code, which runs in the same realm as the checks: its books (the runtime, the
 * holding task, its size) live in private fields (`#`), so nothing reachable from it leads to the registry.
 */
import type { Handle } from "./handles.ts";
import { currentRuntime, type Runtime } from "./runtime.ts";
import { captureStack, parseSite, type Site } from "./stack.ts";

export class Bytes {
  readonly #runtime: Runtime;
  readonly #size: number;
  readonly #label: string | undefined;
  #holder: Handle | undefined;
  #keptAt: Site | undefined = undefined;
  #released = false;

  /** @internal */
  constructor(runtime: Runtime, size: number, label: string | undefined) {
    this.#runtime = runtime;
    this.#size = size;
    this.#label = label;
    this.#holder = runtime.running;
    if (this.#holder) runtime.registry.addBytes(this.#holder, size);
    else this.#keepAt(parseSite(captureStack(alloc)));
  }

  /** Size in bytes. */
  get size(): number {
    return this.#size;
  }

  /** What the buffer is, for people reading a profile. */
  get label(): string | undefined {
    return this.#label;
  }

  /** Whether the bytes still count: not released, and their holder (if any) still alive. */
  get live(): boolean {
    if (this.#released) return false;
    return this.#holder === undefined || this.#runtime.registry.live.has(this.#holder.id);
  }

  /**
   * Keeps the bytes after the task that allocated them ends: for buffers stored in long-lived structures
   * (a map of uploads in progress, a cache). They count, against the site of this call, until release().
   */
  keep(): this {
    if (this.#released || this.#keptAt) return this;
    this.#detachFromHolder();
    this.#keepAt(parseSite(captureStack(keepEntry)));
    return this;
  }

  /** Frees the bytes now. Releasing twice is harmless. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    if (this.#keptAt) this.#runtime.registry.addSiteBytes(this.#keptAt, -this.#size);
    else this.#detachFromHolder();
  }

  #detachFromHolder(): void {
    const holder = this.#holder;
    this.#holder = undefined;
    if (holder && this.#runtime.registry.live.has(holder.id))
      this.#runtime.registry.addBytes(holder, -this.#size);
  }

  #keepAt(site: Site): void {
    this.#keptAt = site;
    this.#runtime.registry.addSiteBytes(site, this.#size);
  }
}

// The entry captureStack starts from, fixed here: `this.keep` could be an own property learner code set.
const keepEntry = Bytes.prototype.keep;

/** Allocates `size` modelled bytes held by the calling task (or, outside any task, kept until released). */
export function alloc(size: number, label?: string): Bytes {
  if (!Number.isFinite(size) || size < 0) throw new RangeError(`alloc: invalid size ${size}`);
  return new Bytes(currentRuntime(), Math.floor(size), label);
}
