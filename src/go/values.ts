/**
 * Go's values as translated code holds them: panics, errors, slices, and the runtime errors Go raises for
 * indexing, division and nil maps. Kept apart from the library of calls (lib.ts) because fmt prints them too.
 */
import type { GoType } from "./types.ts";

/** A Go panic in flight: the value given to panic() and its static type, for printing. */
export class GoPanic extends Error {
  constructor(
    readonly value: unknown,
    readonly valueType: GoType,
    /** Go's runtime errors ("index out of range") print as "panic: runtime error: …" and say so here. */
    readonly runtimeError = false,
    /** A fatal error (Go's "fatal error: …"): no recover() catches it. */
    readonly fatal = false,
  ) {
    super(typeof value === "string" ? value : "panic");
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

/** A value of an error type Leak Lab provides: errors.New and fmt.Errorf make these. */
export class GoError {
  constructor(
    readonly message: string,
    /** The error %w wrapped, for errors.Is and errors.Unwrap. */
    readonly wrapped: GoError | null = null,
  ) {}

  Error(): string {
    return this.message;
  }
}

export function runtimeError(message: string): GoPanic {
  return new GoPanic(
    new GoError(`runtime error: ${message}`),
    { kind: "named", name: "error", underlying: undefined },
    true,
  );
}

/**
 * A slice: a window on a backing array, shared by every slice cut from it until append outgrows it, as Go's
 * slices share theirs. A nil slice is `null`.
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
    return this.array[this.offset + index] as T;
  }

  set(index: number, value: T): void {
    if (!(index >= 0 && index < this.length)) throw indexError(index, this.length);
    this.array[this.offset + index] = value;
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

/** A value in an interface of Leak Lab's Go (`any`): the value and its dynamic type. A nil interface is `null`. */
export interface Boxed {
  readonly value: unknown;
  readonly type: GoType;
}
