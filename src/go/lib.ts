/**
 * What translated Go calls: the runtime's channels, select, timers and sync primitives in Go's units and
 * shapes (durations in nanoseconds, nil channels and maps as `null`, a receive from a closed channel giving the
 * element's zero value), Go's runtime errors, defer and recover, and fmt writing to the program's output.
 */
import { Chan, nilChan } from "../runtime/chan.ts";
import { currentRuntime } from "../runtime/runtime.ts";
import { recv as recvCase, select as runtimeSelect, send as sendCase } from "../runtime/select.ts";
import { Mutex, WaitGroup } from "../runtime/sync.ts";
import * as time from "../runtime/time.ts";
import { type Arg, sprint, sprintf, sprintln, utf8Bytes } from "./fmt.ts";
import type { GoType } from "./types.ts";
import { type Boxed, bits, GoError, GoExit, GoPanic, GoSlice, runtimeError } from "./values.ts";

const NANOS_PER_MS = 1e6;

/** Where a program's output goes; the driver reads it. */
export interface Output {
  write(text: string): void;
}

/** A function's deferred calls and the panic, if any, that is unwinding it. */
export interface Frame {
  readonly defers: (() => Promise<unknown>)[];
  panic: GoPanic | undefined;
  recovered: boolean;
}

export function makeLib(out: Output) {
  /** The frame whose deferred calls are running, per goroutine: what recover() looks at. */
  const unwinding = new Map<number, Frame>();

  const taskId = () => currentRuntime().running?.id ?? 0;

  /** The program's declared types by name; descriptors refer to them by name, since a type may contain itself. */
  const declared = new Map<
    string,
    { kind: "named"; name: string; pkg: string; underlying: GoType | undefined }
  >();

  return {
    GoSlice,
    declareType(name: string): void {
      declared.set(name, { kind: "named", name, pkg: "main", underlying: undefined });
    },
    defineType(name: string, underlyingType: GoType): void {
      (declared.get(name) as { underlying: GoType | undefined }).underlying = underlyingType;
    },
    named(name: string): GoType {
      return declared.get(name) as GoType;
    },
    /** A struct value copied as Go copies one: its fields, and the structs it holds by value, field by field. */
    clone(value: Record<string, unknown>, type: GoType): Record<string, unknown> {
      return cloneStruct(value, type);
    },
    structEqual(a: Record<string, unknown>, b: Record<string, unknown>, type: GoType): boolean {
      return structEqual(a, b, type);
    },
    /** `*p` and `p.f`: a nil pointer panics as Go's does. */
    deref<T>(pointer: T | null): T {
      if (pointer === null) throw runtimeError("invalid memory address or nil pointer dereference");
      return pointer;
    },
    /** A function value about to be called: a nil one panics as Go's does. */
    fn<T>(value: T | null): T {
      if (value === null) throw runtimeError("invalid memory address or nil pointer dereference");
      return value;
    },
    go(body: () => Promise<unknown>): void {
      currentRuntime().go(body);
    },
    numGoroutine(): number {
      return currentRuntime().registry.counts.goroutines;
    },
    gosched(): Promise<void> {
      const ch = new Chan<undefined>(0);
      // A zero-length sleep returns at once; a goroutine that yields lets every runnable one go first.
      return runtimeSelect([recvCase(ch)], () => undefined).then(() => time.sleep(Number.MIN_VALUE));
    },

    // ---- channels ----
    makeChan(capacity: number): Chan<unknown> {
      if (capacity < 0) throw new GoPanic(new GoError("makechan: size out of range"), ERROR_TYPE);
      return new Chan<unknown>(capacity);
    },
    send(ch: Chan<unknown> | null, value: unknown): Promise<void> {
      return guard(() => (ch ?? nilChan()).send(value));
    },
    async recv(ch: Chan<unknown> | null, zero: unknown): Promise<[unknown, boolean]> {
      const [value, ok] = await (ch ?? nilChan()).recv();
      return ok ? [value, true] : [zero, false];
    },
    close(ch: Chan<unknown> | null): void {
      if (ch === null) throw panicText("close of nil channel");
      guard(() => ch.close());
    },
    len(ch: Chan<unknown> | null): number {
      return ch === null ? 0 : ch.len;
    },
    cap(ch: Chan<unknown> | null): number {
      return ch === null ? 0 : ch.cap;
    },
    /**
     * `select`: each case is a receive or a send; resolves with the winning case's index and, for a receive,
     * the value and ok. With a default, -1 when no case is ready.
     */
    select(
      cases: readonly (
        | { recv: Chan<unknown> | null; zero: unknown }
        | { send: Chan<unknown> | null; value: unknown }
      )[],
      hasDefault: boolean,
    ): Promise<[number, unknown, boolean]> {
      const runtimeCases = cases.map((c, index) =>
        "recv" in c
          ? recvCase(c.recv ?? nilChan(), (value, ok): [number, unknown, boolean] => [
              index,
              ok ? value : c.zero,
              ok,
            ])
          : sendCase(c.send ?? nilChan(), c.value, (): [number, unknown, boolean] => [
              index,
              undefined,
              false,
            ]),
      );
      return guard(() =>
        runtimeSelect(
          runtimeCases,
          hasDefault ? (): [number, unknown, boolean] => [-1, undefined, false] : undefined,
        ),
      );
    },

    // ---- time ----
    sleep(duration: number): Promise<void> {
      return time.sleep(duration / NANOS_PER_MS);
    },
    after(duration: number): Chan<number> {
      return time.after(duration / NANOS_PER_MS);
    },
    now(): number {
      return currentRuntime().now * NANOS_PER_MS;
    },

    // ---- sync ----
    newWaitGroup: () => new WaitGroup(),
    newMutex: () => new Mutex(),
    wgAdd(wg: WaitGroup, delta: number): void {
      guard(() => wg.add(delta));
    },
    unlock(mutex: Mutex): void {
      try {
        mutex.unlock();
      } catch {
        throw new GoPanic("sync: unlock of unlocked mutex", STRING_TYPE, false, true);
      }
    },

    // ---- arithmetic and containers ----
    div(a: number, b: number): number {
      if (b === 0) throw runtimeError("integer divide by zero");
      return Math.trunc(a / b);
    },
    bits,
    rem(a: number, b: number): number {
      if (b === 0) throw runtimeError("integer divide by zero");
      return a % b;
    },
    makeSlice(length: number, capacity: number, zero: unknown): GoSlice {
      if (capacity < length) throw runtimeError("makeslice: cap out of range");
      return new GoSlice(
        Array.from({ length: capacity }, () => zero),
        0,
        length,
        capacity,
      );
    },
    sliceOf(items: unknown[]): GoSlice {
      return new GoSlice(items, 0, items.length, items.length);
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
    /** append; `elemSize` and `noscan` (no pointers in an element) size the new array as Go's allocator would. */
    append(slice: GoSlice | null, items: unknown[], elemSize: number, noscan: boolean): GoSlice | null {
      if (items.length === 0) return slice;
      const length = slice?.length ?? 0;
      const capacity = slice?.capacity ?? 0;
      const needed = length + items.length;
      if (slice !== null && needed <= capacity) {
        items.forEach((item, i) => {
          slice.array[slice.offset + length + i] = item;
        });
        return new GoSlice(slice.array, slice.offset, needed, capacity);
      }
      const grown = growCapacity(capacity, needed, elemSize, noscan);
      const array = new Array<unknown>(grown);
      for (let i = 0; i < length; i++) array[i] = (slice as GoSlice).get(i);
      items.forEach((item, i) => {
        array[length + i] = item;
      });
      return new GoSlice(array, 0, needed, grown);
    },
    mapGet(map: Map<unknown, unknown> | null, key: unknown, zero: unknown): [unknown, boolean] {
      if (map === null || !map.has(key)) return [zero, false];
      return [map.get(key), true];
    },
    mapSet(map: Map<unknown, unknown> | null, key: unknown, value: unknown): void {
      if (map === null) throw new GoPanic(new GoError("assignment to entry in nil map"), ERROR_TYPE);
      map.set(key, value);
    },
    mapLen: (map: Map<unknown, unknown> | null): number => map?.size ?? 0,
    mapDelete(map: Map<unknown, unknown> | null, key: unknown): void {
      map?.delete(key);
    },
    /** A map's keys in the order a range visits them: Go randomises it; here, the order of insertion. */
    mapKeys: (map: Map<unknown, unknown> | null): unknown[] => (map === null ? [] : [...map.keys()]),
    /** len(s) of a string: its bytes in UTF-8, as Go counts them. */
    strlen: (s: string): number => utf8Bytes(s).length,

    // ---- panics, defer, recover ----
    panic(value: unknown, type: GoType): never {
      throw new GoPanic(value, type);
    },
    frame(): Frame {
      return { defers: [], panic: undefined, recovered: false };
    },
    /** Runs a frame's deferred calls, last first, each able to recover(); rethrows a panic none recovered. */
    async unwind(frame: Frame, thrown: unknown, threw: boolean): Promise<void> {
      if (threw) {
        // os.Exit and fatal errors end the program where they happen: no deferred call runs.
        if (thrown instanceof GoExit) throw thrown;
        if (!(thrown instanceof GoPanic) || thrown.fatal) throw thrown;
        frame.panic = thrown;
      }
      const id = taskId();
      const outer = unwinding.get(id);
      unwinding.set(id, frame);
      try {
        for (let call = frame.defers.pop(); call; call = frame.defers.pop()) {
          try {
            await call();
          } catch (error) {
            // A panic in a deferred call replaces the one unwinding, as in Go.
            if (!(error instanceof GoPanic)) throw error;
            frame.panic = error;
            frame.recovered = false;
          }
        }
      } finally {
        if (outer) unwinding.set(id, outer);
        else unwinding.delete(id);
      }
      if (frame.panic && !frame.recovered) throw frame.panic;
    },
    /** recover(): inside a deferred call of a panicking function, stops the panic and returns its value. */
    recover(): Boxed | null {
      const frame = unwinding.get(taskId());
      if (!frame?.panic || frame.recovered || frame.panic.fatal) return null;
      frame.recovered = true;
      return { value: frame.panic.value, type: frame.panic.valueType };
    },
    exit(code: number): never {
      throw new GoExit(code);
    },

    // ---- errors and fmt ----
    newError: (message: string) => new GoError(message),
    /** err.Error(); on a nil error, Go's nil dereference. */
    errorText(err: GoError | null): string {
      if (err === null) throw runtimeError("invalid memory address or nil pointer dereference");
      return err.Error();
    },
    errorf(format: string, args: Arg[]): GoError {
      const wrapped = format.includes("%w")
        ? (args.find((arg) => arg.value instanceof GoError)?.value as GoError)
        : null;
      return new GoError(sprintf(format.replaceAll("%w", "%v"), args), wrapped ?? null);
    },
    errorsIs(err: GoError | null, target: GoError | null): boolean {
      for (let e = err; e !== null; e = e.wrapped) if (e === target) return true;
      return err === target;
    },
    println(args: Arg[]): void {
      out.write(sprintln(args));
    },
    print(args: Arg[]): void {
      out.write(sprint(args));
    },
    printf(format: string, args: Arg[]): void {
      out.write(sprintf(format, args));
    },
    sprintf,
    sprint,
    sprintln,
  };
}

export type GoLib = ReturnType<typeof makeLib>;

function structEqual(a: Record<string, unknown>, b: Record<string, unknown>, type: GoType): boolean {
  const u = type.kind === "named" && type.underlying ? type.underlying : type;
  if (u.kind !== "struct") return a === b;
  return (u.fields as readonly { name: string; js?: string; type: GoType }[]).every((f) => {
    const key = f.js ?? f.name;
    return structEqual(a[key] as Record<string, unknown>, b[key] as Record<string, unknown>, f.type);
  });
}

function cloneStruct(value: Record<string, unknown>, type: GoType): Record<string, unknown> {
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

const ERROR_TYPE: GoType = { kind: "named", name: "error", underlying: undefined };
const STRING_TYPE: GoType = { kind: "basic", name: "string" };

function panicText(message: string): GoPanic {
  return new GoPanic(new GoError(message), ERROR_TYPE);
}

/** The runtime reports Go's own panics ("send on closed channel") as its Panic; Go code sees them as panics. */
function guard<T>(operation: () => T): T {
  try {
    const result = operation();
    if (result instanceof Promise)
      return result.catch((error: unknown) => Promise.reject(asGoPanic(error))) as T;
    return result;
  } catch (error) {
    throw asGoPanic(error);
  }
}

function asGoPanic(error: unknown): unknown {
  if (error instanceof GoPanic || !(error instanceof Error) || error.name !== "Panic") return error;
  return panicText(error.message);
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
const PAGE = 8192;

/** runtime.roundupsize: the bytes an allocation of `size` really gets; objects with pointers over 512 bytes carry a header. */
function roundUpSize(size: number, noscan: boolean): number {
  if (size <= 32768 - MALLOC_HEADER) {
    const header = !noscan && size > 512 ? MALLOC_HEADER : 0;
    const request = size + header;
    const sizeClass = SIZE_CLASSES.find((classSize) => classSize >= request) as number;
    return sizeClass - header;
  }
  return Math.ceil(size / PAGE) * PAGE;
}
