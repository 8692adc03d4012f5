/**
 * Go's slices and maps for translated code: a slice's shared array and append's growth as Go 1.23 sizes it,
 * nil maps that read as empty and panic on write, and struct values copied and compared field by field.
 */
import type { GoType } from "../types.ts";
import { errorPanic, GoSlice, runtimeError } from "../values.ts";
import { allocated } from "./heap.ts";
import { byteArray, PagedBytes } from "./pagedBytes.ts";
import { bytesSlice } from "./strings.ts";

export const containers = {
  /** `make([]T, n, c)`; `elemSize` and `noscan` (no pointers in a T) size its array on the heap (heap.ts). */
  makeSlice(length: number, capacity: number, zero: unknown, elemSize = 8, noscan = false): GoSlice {
    checkMake(length, capacity);
    const array = Array.from({ length: capacity }, () => zero);
    return new GoSlice(allocatedArray(array, capacity * elemSize, noscan), 0, length, capacity);
  },
  /** `make([]byte, n, c)`: bytes in a Uint8Array, so that a megabyte buffer costs a megabyte, as in Go. */
  makeBytes(length: number, capacity: number): GoSlice {
    checkMake(length, capacity);
    return new GoSlice(allocatedArray(byteArray(capacity), capacity, true), 0, length, capacity);
  },
  sliceOf(items: unknown[]): GoSlice {
    return new GoSlice(items, 0, items.length, items.length);
  },
  bytesSliceOf(items: number[]): GoSlice {
    return new GoSlice(Uint8Array.from(items) as unknown as unknown[], 0, items.length, items.length);
  },
  index(slice: GoSlice | null, i: number): unknown {
    if (slice === null) throw runtimeError(`index out of range [${i}] with length 0`);
    return slice.get(i);
  },
  setIndex(slice: GoSlice | null, i: number, value: unknown): void {
    if (slice === null) throw runtimeError(`index out of range [${i}] with length 0`);
    slice.set(i, value);
  },
  sliceLen: (slice: GoSlice | null): number => slice?.length ?? 0,
  sliceCap: (slice: GoSlice | null): number => slice?.capacity ?? 0,
  /**
   * append; `elemSize` and `noscan` (no pointers in an element) size the new array as Go's allocator would,
   * and `bytes` says the elements are bytes, kept in a Uint8Array.
   */
  append(
    slice: GoSlice | null,
    items: unknown[],
    elemSize: number,
    noscan: boolean,
    bytes = false,
  ): GoSlice | null {
    if (items.length === 0) return slice;
    const length = slice?.length ?? 0;
    const grown = room(slice, length + items.length, elemSize, noscan, bytes);
    copyElements(grown.array, grown.offset + length, items, 0, items.length);
    return grown;
  },
  /** `append(s, t...)`. */
  appendSlice(
    s: GoSlice | null,
    t: GoSlice | null,
    elemSize: number,
    noscan: boolean,
    bytes = false,
  ): GoSlice | null {
    const n = t?.length ?? 0;
    if (n === 0 || t === null) return s;
    const length = s?.length ?? 0;
    // t may share s's array (`append(s[:1], s...)`): copyElements copies overlapping ranges as Go's copy does.
    const grown = room(s, length + n, elemSize, noscan, bytes);
    copyElements(grown.array, grown.offset + length, t.array, t.offset, n);
    return grown;
  },
  /** `s[lo:hi:max]`: a window on the same array; Go's panic when a bound is out of range. */
  slice(
    s: GoSlice | null,
    lo: number | undefined,
    hi: number | undefined,
    max: number | undefined,
  ): GoSlice | null {
    const capacity = s?.capacity ?? 0;
    const low = lo ?? 0;
    const high = hi ?? s?.length ?? 0;
    const top = max ?? capacity;
    // A negative bound reads as a huge unsigned one to Go's checks, which then print it as it is.
    if (max !== undefined && max < 0) throw runtimeError(`slice bounds out of range [::${max}]`);
    if (high < 0) throw runtimeError(`slice bounds out of range [:${high}]`);
    if (max !== undefined && max > capacity)
      throw runtimeError(`slice bounds out of range [::${max}] with capacity ${capacity}`);
    if (high > top) {
      throw runtimeError(
        max !== undefined
          ? `slice bounds out of range [:${high}:${max}]`
          : `slice bounds out of range [:${high}] with capacity ${capacity}`,
      );
    }
    if (low < 0) throw runtimeError(`slice bounds out of range [${low}:]`);
    if (low > high) throw runtimeError(`slice bounds out of range [${low}:${high}]`);
    if (s === null) return null;
    return new GoSlice(s.array, s.offset + low, high - low, top - low);
  },
  /** `copy(dst, src)`: as many elements as both have, the count returned; they may overlap. */
  copy(dst: GoSlice | null, src: GoSlice | string | null): number {
    const source = typeof src === "string" ? bytesSlice(src) : src;
    const n = Math.min(dst?.length ?? 0, source?.length ?? 0);
    if (n === 0 || dst === null || source === null) return 0;
    copyElements(dst.array, dst.offset, source.array, source.offset, n);
    return n;
  },
  mapGet(map: Map<unknown, unknown> | null, key: unknown, zero: unknown): [unknown, boolean] {
    if (map === null || !map.has(key)) return [zero, false];
    return [map.get(key), true];
  },
  mapSet(map: Map<unknown, unknown> | null, key: unknown, value: unknown): void {
    if (map === null) throw errorPanic("assignment to entry in nil map");
    map.set(key, value);
  },
  mapLen: (map: Map<unknown, unknown> | null): number => map?.size ?? 0,
  mapDelete(map: Map<unknown, unknown> | null, key: unknown): void {
    map?.delete(key);
  },
  /** A map's keys in the order a range visits them: Go randomises it; here, the order of insertion. */
  mapKeys: (map: Map<unknown, unknown> | null): unknown[] => (map === null ? [] : [...map.keys()]),
  /** A struct value copied as Go copies one: its fields, and the structs it holds by value, field by field. */
  clone(value: Record<string, unknown>, type: GoType): Record<string, unknown> {
    return cloneStruct(value, type);
  },
  structEqual(a: Record<string, unknown>, b: Record<string, unknown>, type: GoType): boolean {
    return structEqual(a, b, type);
  },
};

/** An array of `size` bytes of elements, on the heap as Go's allocator would size it. */
function allocatedArray<T extends object>(array: T, size: number, noscan: boolean): T {
  return size > 0 ? allocated(array, roundUpSize(size, noscan)) : array;
}

/** make's panics for sizes it cannot make, in Go's words. */
function checkMake(length: number, capacity: number): void {
  if (length < 0) throw runtimeError("makeslice: len out of range");
  if (capacity < length) throw runtimeError("makeslice: cap out of range");
}

/**
 * Copies n elements of the array `from` at `start` into `to` at `at`, as Go's copy does: overlapping ranges of
 * one array as if through a buffer. Arrays of bytes (Uint8Array, PagedBytes) move in bulk.
 */
function copyElements(to: unknown[], at: number, from: ArrayLike<unknown>, start: number, n: number): void {
  const [target, source] = [to as unknown, from as unknown];
  if (target instanceof PagedBytes) {
    target.copy(at, source as PagedBytes | Uint8Array, start, n);
  } else if (source instanceof PagedBytes) {
    copyElements(to, at, source.read(start, n), 0, n);
  } else if (target instanceof Uint8Array && source instanceof Uint8Array) {
    target.set(source.subarray(start, start + n), at);
  } else if (to === from && at > start) {
    for (let i = n - 1; i >= 0; i--) to[at + i] = from[start + i];
  } else {
    for (let i = 0; i < n; i++) to[at + i] = from[start + i];
  }
}

/**
 * `slice` lengthened to `needed`: on its own array while the capacity holds, else on a new array of the
 * capacity Go's append would choose, with the elements copied.
 */
function room(
  slice: GoSlice | null,
  needed: number,
  elemSize: number,
  noscan: boolean,
  bytes: boolean,
): GoSlice {
  const length = slice?.length ?? 0;
  const capacity = slice?.capacity ?? 0;
  if (slice !== null && needed <= capacity) return new GoSlice(slice.array, slice.offset, needed, capacity);
  const grown = growCapacity(capacity, needed, elemSize, noscan);
  const array = allocatedArray(
    bytes ? byteArray(grown) : new Array<unknown>(grown),
    grown * elemSize,
    noscan,
  );
  if (slice !== null) copyElements(array, 0, slice.array, slice.offset, length);
  return new GoSlice(array, 0, needed, grown);
}

export function structEqual(a: Record<string, unknown>, b: Record<string, unknown>, type: GoType): boolean {
  const u = type.kind === "named" && type.underlying ? type.underlying : type;
  if (u.kind !== "struct") return a === b;
  return (u.fields as readonly { name: string; js?: string; type: GoType }[]).every((f) => {
    const key = f.js ?? f.name;
    return structEqual(a[key] as Record<string, unknown>, b[key] as Record<string, unknown>, f.type);
  });
}

export function cloneStruct(value: Record<string, unknown>, type: GoType): Record<string, unknown> {
  const u = type.kind === "named" && type.underlying ? type.underlying : type;
  if (u.kind !== "struct") return value;
  const copy: Record<string, unknown> = {};
  for (const f of u.fields as readonly { name: string; js?: string; type: GoType }[]) {
    const key = f.js ?? f.name;
    const fieldValue = value[key];
    const fieldType = f.type.kind === "named" && f.type.underlying ? f.type.underlying : f.type;
    copy[key] =
      fieldType.kind === "struct" ? cloneStruct(fieldValue as Record<string, unknown>, f.type) : fieldValue;
  }
  return copy;
}

/**
 * The capacity append gives a slice that outgrows its array, as Go 1.23's growslice computes it: double small
 * slices, grow large ones by about a quarter, then round the bytes up to the allocator's size class.
 */
function growCapacity(oldCap: number, needed: number, elemSize: number, noscan: boolean): number {
  let next = oldCap * 2;
  if (needed > next) next = needed;
  else if (oldCap >= 256) {
    next = oldCap;
    while (next < needed) next += (next + 3 * 256) >> 2;
  }
  if (elemSize === 0) return next;
  return Math.floor(roundUpSize(next * elemSize, noscan) / elemSize);
}

/** Go's malloc size classes up to 32 KiB (runtime/sizeclasses.go). */
const SIZE_CLASSES = [
  8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416,
  448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200,
  3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384,
  18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
];
const MALLOC_HEADER = 8;
/** Go's allocator page, which a large allocation is rounded up to. */
const GO_PAGE_BYTES = 8192;

/** runtime.roundupsize: the bytes an allocation of `size` really gets; objects with pointers over 512 bytes carry a header. */
export function roundUpSize(size: number, noscan: boolean): number {
  if (size <= 32768 - MALLOC_HEADER) {
    const header = !noscan && size > 512 ? MALLOC_HEADER : 0;
    const request = size + header;
    const sizeClass = SIZE_CLASSES.find((classSize) => classSize >= request) as number;
    return sizeClass - header;
  }
  return Math.ceil(size / GO_PAGE_BYTES) * GO_PAGE_BYTES;
}
