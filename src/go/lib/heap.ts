/**
 * A Go program's heap as its garbage collector sees it: the bytes of the objects still reachable, found by
 * marking from the roots, as Go's mark phase does when a sample asks. Objects are the memory that make and append
 * allocate (a slice's array, its size as Go's allocator rounds it) and channels' buffers; their sizes are kept
 * beside them here, so that an object no longer reachable is simply not counted, and JavaScript's own collector
 * frees it. The roots are what the program can still reach:
 * - its package-level variables;
 * - each live goroutine's: the variables its `go` statement hands it (the call's arguments and receiver, and the
 *   enclosing function's variables a function literal uses), and, when it runs a function literal, the
 *   variables declared at the top of that literal;
 * - what the host holds (the service a simulated server keeps).
 * What this leaves out, and why, is in docs/go-subset.md ("Memory").
 */
import { bufferedValues, Chan } from "../../runtime/chan.ts";
import type { Handle } from "../../runtime/handles.ts";
import { currentRuntime, type HeapBytes, type Runtime } from "../../runtime/runtime.ts";
import { GoSlice } from "../values.ts";

/** The bytes each allocated object holds, by the object: a slice's array, a channel. */
const sizes = new WeakMap<object, number>();

/** Records that `object` holds `bytes` of the Go heap; returns it. */
export function allocated<T extends object>(object: T, bytes: number): T {
  sizes.set(object, bytes);
  return object;
}

/** A root: reads a variable's current value (it may not be declared yet, while its function starts). */
export type Root = () => unknown;

export class GoHeap {
  /** The roots of each goroutine the program started, by its task; a finished task is no longer live. */
  private readonly goroutines = new WeakMap<Handle, readonly Root[]>();
  private readonly globals: Root[] = [];
  private readonly held = new Set<unknown>();

  /** The calling goroutine's roots, added to those it had. */
  holds(roots: readonly Root[]): void {
    const task = currentRuntime().running;
    if (!task) return;
    const before = this.goroutines.get(task);
    this.goroutines.set(task, before ? [...before, ...roots] : roots);
  }

  /** A package's variables, roots for as long as the program runs. */
  declareGlobals(roots: readonly Root[]): void {
    this.globals.push(...roots);
  }

  /** A value the host keeps (the service it drives), a root for as long as the program runs. */
  hold(value: unknown): void {
    this.held.add(value);
  }

  /**
   * The bytes reachable now: first from the program's variables and the host's values (what its structures
   * keep), then what only its live goroutines reach.
   */
  reachableBytes(runtime: Runtime): HeapBytes {
    const marker = new Marker();
    for (const root of this.globals) marker.root(root);
    for (const value of this.held) marker.push(value);
    const kept = marker.drain();
    for (const task of runtime.registry.handles("goroutine")) {
      for (const root of this.goroutines.get(task) ?? []) marker.root(root);
    }
    return { kept, byGoroutines: marker.drain() - kept };
  }
}

/** One mark: every object reached once, its bytes counted once. */
class Marker {
  private readonly seen = new Set<object>();
  private readonly stack: object[] = [];
  private bytes = 0;

  root(read: Root): void {
    let value: unknown;
    try {
      value = read();
    } catch {
      // A variable whose declaration has not run yet holds nothing.
      return;
    }
    this.push(value);
  }

  push(value: unknown): void {
    if (value === null || typeof value !== "object" || this.seen.has(value)) return;
    this.seen.add(value);
    this.stack.push(value);
  }

  drain(): number {
    for (let value = this.stack.pop(); value !== undefined; value = this.stack.pop()) {
      this.bytes += sizes.get(value) ?? 0;
      this.scan(value);
    }
    return this.bytes;
  }

  /** What `value` points to: Go's values only (structs, boxes, slices, maps, channels), never the runtime's. */
  private scan(value: object): void {
    if (value instanceof GoSlice) {
      this.push(value.array);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) this.push(item);
      return;
    }
    if (value instanceof Map) {
      for (const [key, item] of value) {
        this.push(key);
        this.push(item);
      }
      return;
    }
    if (value instanceof Chan) {
      for (const item of bufferedValues(value)) this.push(item);
      return;
    }
    // A struct, an interface's box, a variable's box: plain objects. Anything else (a Uint8Array of bytes,
    // a context, an error) holds no Go value the mark needs.
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return;
    for (const key in value) this.push((value as Record<string, unknown>)[key]);
  }
}
