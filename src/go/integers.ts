/**
 * Go's sized integers, as the translator writes them in JavaScript. Every integer is a number; what differs
 * between int8 and uint64 is how a result is brought back into the type's range, as Go's two's-complement
 * arithmetic wraps it. Up to 32 bits that is one JavaScript operator, written inline (`x & 255`,
 * `Math.imul(a, b)`, `x >>> 0`); 64-bit results go through the runtime (lib/integers.ts), which keeps them
 * exact or says it cannot. Constants are checked against the type's range at compile time, with Go's messages.
 */
import type { Node } from "web-tree-sitter";
import { type CompileError, outsideSubset } from "./compileError.ts";
import type { IntegerKind } from "./types.ts";

/** The smallest and largest value of an integer kind (a 64-bit kind's largest, 2^63 - 1 or 2^64 - 1, as a double rounds it). */
export function integerRange(kind: IntegerKind): readonly [number, number] {
  if (kind.bits === 64) return kind.signed ? [-(2 ** 63), 2 ** 63 - 1] : [0, 2 ** 64 - 1];
  return kind.signed ? [-(2 ** (kind.bits - 1)), 2 ** (kind.bits - 1) - 1] : [0, 2 ** kind.bits - 1];
}

/** Whether a constant is in the kind's range (below 2^63 for int64: a double cannot spell 2^63 - 1). */
export function fitsInteger(value: number, kind: IntegerKind): boolean {
  const limit = 2 ** (kind.signed ? kind.bits - 1 : kind.bits);
  return value >= (kind.signed ? -limit : 0) && value < limit;
}

/**
 * The error for a constant, written at `node`, that fits its 64-bit type but not a number exactly (past ±2^53):
 * Leak Lab cannot hold it, so it refuses it at its line rather than run with a neighbour of it. Undefined when
 * the number holds it.
 */
export function inexactConstant(node: Node, value: number, kind: IntegerKind): CompileError | undefined {
  if (kind.bits < 64 || Number.isSafeInteger(value)) return undefined;
  return outsideSubset(
    node,
    `the integer constant ${node.text}, past ±2^53, which a number cannot hold exactly`,
  );
}

/** `js`, a whole number, brought into the kind's range as Go's arithmetic wraps it. */
export function wrapped(kind: IntegerKind, js: string): string {
  switch (kind.bits) {
    case 8:
      return kind.signed ? `((${js}) << 24 >> 24)` : `((${js}) & 255)`;
    case 16:
      return kind.signed ? `((${js}) << 16 >> 16)` : `((${js}) & 65535)`;
    case 32:
      return kind.signed ? `((${js}) | 0)` : `((${js}) >>> 0)`;
    default:
      return kind.signed ? `$.i64(${js})` : `$.u64(${js})`;
  }
}

/** A binary operator of Go's on two integers of one kind (the shift count may be of any integer type). */
export function integerBinary(operator: string, kind: IntegerKind, left: string, right: string): string {
  const [a, b] = [`(${left})`, `(${right})`];
  switch (operator) {
    case "+":
    case "-":
      return wrapped(kind, `${a} ${operator} ${b}`);
    case "*":
      if (kind.bits === 64) return `$.mul64(${a}, ${b}, ${kind.signed})`;
      // A 32-bit product may pass 2^53; Math.imul keeps its low 32 bits exactly.
      if (kind.bits === 32) return kind.signed ? `Math.imul(${a}, ${b})` : `(Math.imul(${a}, ${b}) >>> 0)`;
      return wrapped(kind, `${a} * ${b}`);
    case "/":
      // Only the most negative value divided by -1 leaves the range, and it wraps to itself.
      return kind.signed && kind.bits < 64 ? wrapped(kind, `$.div(${a}, ${b})`) : `$.div(${a}, ${b})`;
    case "%":
      return `$.rem(${a}, ${b})`;
    case "<<":
      return `$.shl(${a}, ${b}, ${kind.bits}, ${kind.signed})`;
    case ">>":
      return `$.shr(${a}, ${b})`;
    default: {
      // & | ^ &^: JavaScript's operators are exact on 32 bits, sign-extended as Go's signed values are.
      if (kind.bits === 64) return `$.bits64(${JSON.stringify(operator)}, ${a}, ${b})`;
      const js = operator === "&^" ? `${a} & ~${b}` : `${a} ${operator} ${b}`;
      return kind.bits === 32 && !kind.signed ? `((${js}) >>> 0)` : `(${js})`;
    }
  }
}

/** `-x` and `^x`. */
export function integerUnary(operator: "-" | "^", kind: IntegerKind, operand: string): string {
  const x = `(${operand})`;
  if (operator === "-") return kind.bits === 64 && kind.signed ? `(-${x})` : wrapped(kind, `-${x}`);
  if (kind.signed) return `(-${x} - 1)`;
  const [, max] = integerRange(kind);
  return kind.bits === 64 ? `$.u64(-${x} - 1)` : `(${max} - ${x})`;
}

/** `x++` and `x--`: a 64-bit counter cannot reach 2^53 one step at a time, so only sized ones wrap. */
export function integerStep(operator: "+" | "-", kind: IntegerKind, operand: string): string {
  const js = `${operand} ${operator} 1`;
  return kind.bits === 64 ? js : wrapped(kind, js);
}

/**
 * A conversion between integer types (`from` undefined: from a float, truncated first). A value that fits
 * the target whatever it is passes unchanged.
 */
export function integerConversion(from: IntegerKind | undefined, to: IntegerKind, js: string): string {
  const value = from ? js : `Math.trunc(${js})`;
  if (from && contains(to, from)) return value;
  return wrapped(to, value);
}

function contains(outer: IntegerKind, inner: IntegerKind): boolean {
  const [innerMin, innerMax] = integerRange(inner);
  return fitsInteger(innerMin, outer) && fitsInteger(innerMax, outer);
}
