/**
 * Go's values as translated code holds them: interface values (boxes), panics, the errors the standard library
 * makes, slices, and the runtime errors Go raises for indexing, division and nil maps. Kept apart from the
 * library of calls (lib.ts) because fmt prints them too.
 */
import { PagedBytes } from "./lib/pagedBytes.ts";
import type { GoType } from "./types.ts";

/**
 * A value in an interface (`any`, `error`, one of the program's): the value, its dynamic type, and that type's
 * spelling (`*main.Session`), which identifies it. A nil interface is `null`.
 */
export interface Boxed {
  readonly value: unknown;
  readonly type: GoType;
  readonly key: string;
}

/** A Go panic in flight: the value given to panic(), as the `any` recover() returns. */
export class GoPanic extends Error {
  /** The panic that was unwinding when this one began in a deferred call, and whether it had been recovered. */
  previous: { readonly panic: GoPanic; readonly recovered: boolean } | undefined = undefined;

  constructor(
    readonly value: Boxed | null,
    /** A fatal error (Go's "fatal error: …"): no recover() catches it, no deferred call runs. */
    readonly fatal?: string,
  ) {
    super(fatal ?? "panic");
    this.name = "GoPanic";
  }
}

/** os.Exit(code): the program ends at once, deferred calls are not run. */
export class GoExit extends Error {
  constructor(readonly code: number) {
    super(`exit status ${code}`);
    this.name = "GoExit";
  }
}

/** The value behind an error the standard library makes: its text and, from fmt.Errorf's %w, what it wraps. */
export class GoError {
  constructor(
    readonly message: string,
    readonly wrapped: Boxed | null = null,
  ) {}
}

/** The dynamic types of the standard library's errors, and the methods each has. */
export const ERROR_STRING: GoType = {
  kind: "pointer",
  elem: { kind: "named", name: "errorString", pkg: "errors", underlying: undefined },
};
export const WRAP_ERROR: GoType = {
  kind: "pointer",
  elem: { kind: "named", name: "wrapError", pkg: "fmt", underlying: undefined },
};
export const RUNTIME_ERROR: GoType = { kind: "named", name: "Error", pkg: "runtime", underlying: undefined };

export function errorBox(message: string, type: GoType = ERROR_STRING, wrapped: Boxed | null = null): Boxed {
  const key =
    type === WRAP_ERROR ? "*fmt.wrapError" : type === RUNTIME_ERROR ? "runtime.Error" : "*errors.errorString";
  return { value: new GoError(message, wrapped), type, key };
}

export function runtimeError(message: string): GoPanic {
  return new GoPanic(errorBox(`runtime error: ${message}`, RUNTIME_ERROR));
}

/** A panic with an error value, as the runtime raises for "send on closed channel". */
export function errorPanic(message: string): GoPanic {
  return new GoPanic(errorBox(message, RUNTIME_ERROR));
}

/**
 * A slice: a window on a backing array, shared by every slice cut from it until append outgrows it, as Go's
 * slices share theirs. A nil slice is `null`. The array is a JavaScript array, or for a []byte a Uint8Array
 * or, from 64 KiB, PagedBytes (lib/pagedBytes.ts): typed as an array, so read and write it through get and
 * set, or through the helpers of lib/containers.ts, never by index.
 */
export class GoSlice<T = unknown> {
  constructor(
    readonly array: T[],
    readonly offset: number,
    readonly length: number,
    readonly capacity: number,
  ) {}

  get(index: number): T {
    if (!(index >= 0 && index < this.length)) throw indexError(index, this.length);
    const array = this.array as unknown;
    if (array instanceof PagedBytes) return array.get(this.offset + index) as T;
    return this.array[this.offset + index] as T;
  }

  set(index: number, value: T): void {
    if (!(index >= 0 && index < this.length)) throw indexError(index, this.length);
    const array = this.array as unknown;
    if (array instanceof PagedBytes) array.set(this.offset + index, value as number);
    else this.array[this.offset + index] = value;
  }
}

export function indexError(index: number, length: number): GoPanic {
  return runtimeError(`index out of range [${index}] with length ${length}`);
}

/**
 * Go's integer bit operations on JavaScript numbers: exact for the values Leak Lab's Go holds (|n| < 2^53),
 * through BigInt so that 64-bit operands are not cut to JavaScript's 32.
 */
export function bits(operator: string, a: number, b: number): number {
  const [x, y] = [BigInt(a), BigInt(b)];
  switch (operator) {
    case "<<":
      return Number(x << y);
    case ">>":
      return Number(x >> y);
    case "&":
      return Number(x & y);
    case "|":
      return Number(x | y);
    case "^":
      return Number(x ^ y);
    default:
      return Number(x & ~y);
  }
}
