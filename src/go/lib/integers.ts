/**
 * Go's integer arithmetic for translated code, on JavaScript numbers. Integers of up to 32 bits wrap inline
 * (src/go/integers.ts writes `x & 255`, `Math.imul(a, b)`); what is here is what needs a call: division and
 * remainder that panic on zero, shifts (Go shifts by any count, JavaScript by the count mod 32), bit operations
 * on 64-bit operands, and the 64-bit results, which a number holds exactly only within ±2^53. Go would wrap
 * such a result at 2^63 (or 2^64); Leak Lab cannot hold it, so it stops the program with a fatal error that
 * says so rather than go on with a wrong number.
 */
import { bits, GoPanic, runtimeError } from "../values.ts";

const MAX = Number.MAX_SAFE_INTEGER;

/** A 64-bit result Leak Lab cannot hold exactly. */
function beyondExact(): never {
  throw new GoPanic(
    null,
    "integer result beyond ±2^53, which Leak Lab's Go cannot hold exactly (Go would wrap it at 64 bits)",
  );
}

/** An exact 64-bit result, wrapped as Go wraps it, if a number holds it exactly. */
function exact64(result: bigint, signed: boolean): number {
  const wrapped = Number(signed ? BigInt.asIntN(64, result) : BigInt.asUintN(64, result));
  return Number.isSafeInteger(wrapped) ? wrapped : beyondExact();
}

function checkCount(count: number): void {
  if (count < 0) throw runtimeError("negative shift amount");
}

export const integerOps = {
  div(a: number, b: number): number {
    if (b === 0) throw runtimeError("integer divide by zero");
    return Math.trunc(a / b);
  },
  rem(a: number, b: number): number {
    if (b === 0) throw runtimeError("integer divide by zero");
    return a % b;
  },
  /** A sum or difference of int, int64: within ±2^53, or past what a number holds. */
  i64(result: number): number {
    return result >= -MAX && result <= MAX ? result : beyondExact();
  },
  /** A sum or difference of uint, uint64, uintptr: below zero it would wrap to near 2^64. */
  u64(result: number): number {
    return result >= 0 && result <= MAX ? result : beyondExact();
  },
  mul64(a: number, b: number, signed: boolean): number {
    const product = a * b;
    if (product >= (signed ? -MAX : 0) && product <= MAX) return product;
    return exact64(BigInt(a) * BigInt(b), signed);
  },
  /** a << count for an integer of `size` bits: 0 once the count reaches the size. */
  shl(a: number, count: number, size: number, signed: boolean): number {
    checkCount(count);
    if (count >= size) return 0;
    // A product by a power of two is exact; ToInt32 then keeps its low 32 bits, exactly.
    const shifted = a * 2 ** count;
    switch (size) {
      case 8:
        return signed ? (shifted << 24) >> 24 : shifted & 0xff;
      case 16:
        return signed ? (shifted << 16) >> 16 : shifted & 0xffff;
      case 32:
        return signed ? shifted | 0 : shifted >>> 0;
      default:
        return Number.isSafeInteger(shifted) ? shifted : exact64(BigInt(a) << BigInt(count), signed);
    }
  },
  /** a >> count, arithmetic for a signed a: a division by a power of two, rounded down, is exact. */
  shr(a: number, count: number): number {
    checkCount(count);
    return Math.floor(a / 2 ** Math.min(count, 64));
  },
  /** &, |, ^ and &^ of 64-bit integers: JavaScript's operators where both fit in 32 bits, BigInt's beyond. */
  bits64(operator: string, a: number, b: number): number {
    if ((a | 0) === a && (b | 0) === b) {
      switch (operator) {
        case "&":
          return a & b;
        case "|":
          return a | b;
        case "^":
          return a ^ b;
        default:
          return a & ~b;
      }
    }
    return bits(operator, a, b);
  },
};
