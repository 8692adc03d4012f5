/**
 * Modelled memory (MEMORY_MODEL.md). A browser worker cannot read its own heap, so the runtime keeps books:
 * `alloc()` hands out a Bytes token that the calling task holds until it releases it or ends, or that lives on
 * after `keep()` until released. Nothing is really allocated; the numbers are the point.
 */
import type { Handle } from "./handles.ts";
import { currentRuntime, type Runtime } from "./runtime.ts";
import { captureStack, parseSite, type Site } from "./stack.ts";

export class Bytes {
  private holder: Handle | undefined;
  private keptAt: Site | undefined = undefined;
  private released = false;

  /** @internal */
  constructor(
    private readonly runtime: Runtime,
    /** Size in bytes. */
    readonly size: number,
    /** What the buffer is, for people reading a profile. */
    readonly label: string | undefined,
  ) {
    this.holder = runtime.running;
    if (this.holder) runtime.registry.addBytes(this.holder, size);
    else this.keepAt(parseSite(captureStack(alloc)));
  }

  /** Whether the bytes still count: not released, and their holder (if any) still alive. */
  get live(): boolean {
    if (this.released) return false;
    return this.holder === undefined || this.runtime.registry.live.has(this.holder.id);
  }

  /**
   * Keeps the bytes after the task that allocated them ends: for buffers stored in long-lived structures
   * (a map of uploads in progress, a cache). They count, against the site of this call, until release().
   */
  keep(): this {
    if (this.released || this.keptAt) return this;
    this.detachFromHolder();
    this.keepAt(parseSite(captureStack(this.keep)));
    return this;
  }

  /** Frees the bytes now. Releasing twice is harmless. */
  release(): void {
    if (this.released) return;
    this.released = true;
    if (this.keptAt) this.runtime.registry.addSiteBytes(this.keptAt, -this.size);
    else this.detachFromHolder();
  }

  private detachFromHolder(): void {
    const holder = this.holder;
    this.holder = undefined;
    if (holder && this.runtime.registry.live.has(holder.id))
      this.runtime.registry.addBytes(holder, -this.size);
  }

  private keepAt(site: Site): void {
    this.keptAt = site;
    this.runtime.registry.addSiteBytes(site, this.size);
  }
}

/** Allocates `size` modelled bytes held by the calling task (or, outside any task, kept until released). */
export function alloc(size: number, label?: string): Bytes {
  if (!Number.isFinite(size) || size < 0) throw new RangeError(`alloc: invalid size ${size}`);
  return new Bytes(currentRuntime(), Math.floor(size), label);
}
