/**
 * What translated Go calls: the runtime's channels, select, timers and sync primitives in Go's units and
 * shapes (durations in nanoseconds, nil channels and maps as `null`, a receive from a closed channel giving the
 * element's zero value), Go's runtime errors, defer and recover, and fmt writing to the program's output.
 */
import { Chan, nilChan, tryRecv } from "../runtime/chan.ts";
import * as context from "../runtime/context.ts";
import { currentRuntime } from "../runtime/runtime.ts";
import { recv as recvCase, select as runtimeSelect, send as sendCase } from "../runtime/select.ts";
import { Mutex, WaitGroup } from "../runtime/sync.ts";
import * as time from "../runtime/time.ts";
import { type Arg, Printer, utf8Bytes } from "./fmt.ts";
import { type GoType, underlying } from "./types.ts";
import {
  type Boxed,
  bits,
  ERROR_STRING,
  errorBox,
  errorPanic,
  GoError,
  GoExit,
  GoPanic,
  GoSlice,
  runtimeError,
  WRAP_ERROR,
} from "./values.ts";

/** A method of a declared type, as translated: the function of receiver and arguments, and its receiver kind. */
interface MethodEntry {
  readonly fn: (receiver: unknown, ...args: unknown[]) => Promise<unknown>;
  readonly pointer: boolean;
}

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

  /** Methods of the program's declared types, by type name. */
  const methods = new Map<string, Record<string, MethodEntry>>();

  /** The method `name` of a dynamic type, bound to a value of it, or undefined. */
  const bound = (
    value: unknown,
    type: GoType,
    name: string,
  ): ((...args: unknown[]) => Promise<unknown>) | undefined => {
    const pointer = type.kind === "pointer";
    const base = pointer ? (type as { elem: GoType }).elem : type;
    if (base.kind !== "named") return undefined;
    if (base.pkg !== "main") return libraryMethod(value, type, name);
    const entry = methods.get(base.name)?.[name];
    if (!entry || (entry.pointer && !pointer)) return undefined;
    if (entry.pointer) return (...args) => entry.fn(value, ...args);
    // A value method gets a copy of what the pointer points to (a nil pointer panics, as in Go).
    return (...args) => {
      if (pointer && value === null) throw runtimeError("invalid memory address or nil pointer dereference");
      return entry.fn(cloneStruct(value as Record<string, unknown>, base), ...args);
    };
  };

  const printer = new Printer((value, type, name) => {
    const method = bound(value, type, name);
    return method ? () => method() as Promise<string> : undefined;
  });

  return {
    GoSlice,
    declareType(name: string): void {
      declared.set(name, { kind: "named", name, pkg: "main", underlying: undefined });
    },
    defineMethods(typeName: string, table: Record<string, MethodEntry>): void {
      methods.set(typeName, table);
    },
    /** A value put in an interface: its dynamic type goes with it. */
    box(value: unknown, type: GoType, key: string): Boxed {
      return { value, type, key };
    },
    /** A method called through an interface: found by the value's dynamic type. */
    callMethod(box: Boxed | null, name: string, args: unknown[]): Promise<unknown> {
      if (box === null) throw runtimeError("invalid memory address or nil pointer dereference");
      const method = bound(box.value, box.type, name) as (...a: unknown[]) => Promise<unknown>;
      return method(...args);
    },
    /** `==` on interfaces: both nil, or the same dynamic type holding equal values. */
    ifaceEqual(a: Boxed | null, b: Boxed | null): boolean {
      if (a === null || b === null) return a === b;
      if (a.key !== b.key) return false;
      return underlying(a.type).kind === "struct"
        ? structEqual(a.value as Record<string, unknown>, b.value as Record<string, unknown>, a.type)
        : a.value === b.value;
    },
    /**
     * `x.(T)`: the value when x holds a T (or, for an interface T, a type with T's methods); with `ok`, the
     * zero value and false otherwise; without, Go's panic.
     */
    assertType(
      box: Boxed | null,
      target: { key: string; methods?: readonly string[]; interfaceName: string; staticName: string },
      zero: unknown,
      commaOk: boolean,
    ): unknown {
      const isInterface = target.methods !== undefined;
      const missing =
        box === null
          ? undefined
          : target.methods?.find((name) => bound(box.value, box.type, name) === undefined);
      const ok = box !== null && (isInterface ? missing === undefined : box.key === target.key);
      if (commaOk) return ok ? [isInterface ? box : box?.value, true] : [zero, false];
      if (ok) return isInterface ? box : box?.value;
      const dynamic = box === null ? "nil" : box.key;
      const message =
        box !== null && isInterface
          ? `interface conversion: ${dynamic} is not ${target.key}: missing method ${missing}`
          : `interface conversion: ${target.staticName} is ${dynamic}, not ${target.key}`;
      throw new GoPanic(errorBox(message, RUNTIME_ERROR_TYPE));
    },
    /** A type switch's case: whether x holds a T (or a type with an interface T's methods, or nil). */
    holds(box: Boxed | null, target: { key: string; methods?: readonly string[] } | null): boolean {
      if (target === null) return box === null;
      if (box === null) return false;
      if (target.methods !== undefined)
        return target.methods.every((name) => bound(box.value, box.type, name) !== undefined);
      return box.key === target.key;
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
      if (capacity < 0) throw errorPanic("makechan: size out of range");
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
      if (ch === null) throw errorPanic("close of nil channel");
      guard(() => ch.close());
    },
    // A timer's or ticker's channel is unbuffered in Go 1.23: len and cap are 0 whatever it holds.
    len(ch: Chan<unknown> | null): number {
      return ch === null || timerChannels.has(ch) ? 0 : ch.len;
    },
    cap(ch: Chan<unknown> | null): number {
      return ch === null || timerChannels.has(ch) ? 0 : ch.cap;
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
      const ch = time.after(duration / NANOS_PER_MS);
      timerChannels.add(ch);
      return ch;
    },
    /** time.Now: virtual milliseconds; time.Since and Time.Sub turn differences into a Duration. */
    now(): number {
      return currentRuntime().now;
    },
    since(t: number): number {
      return (currentRuntime().now - t) * NANOS_PER_MS;
    },
    tick(duration: number): Chan<number> | null {
      if (duration <= 0) return null;
      const ch = time.tick(duration / NANOS_PER_MS);
      timerChannels.add(ch);
      return ch;
    },
    newTimer(duration: number): GoTimer {
      const timer = time.newTimer(duration / NANOS_PER_MS);
      timerChannels.add(timer.c);
      return { C: timer.c, timer };
    },
    /** time.AfterFunc: f runs in its own goroutine when the timer fires; the timer's C is nil. */
    afterFunc(duration: number, f: () => Promise<unknown>): GoTimer {
      return { C: null, timer: time.afterFunc(duration / NANOS_PER_MS, () => f()) };
    },
    /**
     * Timer.Stop as Go 1.23's: true if the call stopped the timer, which includes a timer that fired but whose
     * value nobody received: that value is discarded, so no receive after Stop sees it.
     */
    timerStop(t: GoTimer): boolean {
      return stopTimer(t);
    },
    timerReset(t: GoTimer, duration: number): boolean {
      const active = stopTimer(t);
      t.timer.reset(duration / NANOS_PER_MS);
      return active;
    },
    newTicker(duration: number): GoTicker {
      if (duration <= 0) throw errorPanic("non-positive interval for NewTicker");
      const ticker = time.newTicker(duration / NANOS_PER_MS);
      timerChannels.add(ticker.c);
      return { C: ticker.c, ticker };
    },
    tickerStop(t: GoTicker): void {
      t.ticker.stop();
      tryRecv(t.C);
    },
    tickerReset(t: GoTicker, duration: number): void {
      if (duration <= 0) throw errorPanic("non-positive interval for Ticker.Reset");
      t.ticker.reset(duration / NANOS_PER_MS);
      tryRecv(t.C);
    },

    // ---- context ----
    contextBackground: (): Boxed => ({
      value: context.background(),
      type: CONTEXT_TYPE,
      key: "context.backgroundCtx",
    }),
    withCancel(parent: Boxed | null): [Boxed, () => Promise<void>] {
      const [child, cancel] = context.withCancel(contextOf(parent));
      return [{ value: child, type: CONTEXT_TYPE, key: "*context.cancelCtx" }, async () => cancel()];
    },
    withTimeout(parent: Boxed | null, duration: number): [Boxed, () => Promise<void>] {
      const [child, cancel] = context.withTimeout(contextOf(parent), duration / NANOS_PER_MS);
      return [{ value: child, type: CONTEXT_TYPE, key: "*context.timerCtx" }, async () => cancel()];
    },
    contextCanceled: CONTEXT_CANCELED,
    contextDeadlineExceeded: CONTEXT_DEADLINE_EXCEEDED,

    // ---- sync.Once ----
    newOnce: (): GoOnce => ({ done: false, mu: new Mutex() }),
    /** Once.Do: the first caller runs f; the others wait until it has returned, as Go's do. */
    async onceDo(once: GoOnce, f: () => Promise<unknown>): Promise<void> {
      if (once.done) return;
      await once.mu.lock();
      try {
        if (!once.done) {
          try {
            await f();
          } finally {
            // If f panics, Do considers it to have returned: later calls do not run it again.
            once.done = true;
          }
        }
      } finally {
        once.mu.unlock();
      }
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
        throw new GoPanic(null, "sync: unlock of unlocked mutex");
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
      if (max !== undefined && max > capacity)
        throw runtimeError(`slice bounds out of range [::${max}] with capacity ${capacity}`);
      if (high > top) {
        throw runtimeError(
          max !== undefined
            ? `slice bounds out of range [:${high}:${max}]`
            : `slice bounds out of range [:${high}] with capacity ${capacity}`,
        );
      }
      if (low > high) throw runtimeError(`slice bounds out of range [${low}:${high}]`);
      if (s === null) return null;
      return new GoSlice(s.array, s.offset + low, high - low, top - low);
    },
    /** `append(s, t...)`. */
    appendSlice(s: GoSlice | null, t: GoSlice | null, elemSize: number, noscan: boolean): GoSlice | null {
      const items: unknown[] = [];
      for (let i = 0; i < (t?.length ?? 0); i++) items.push((t as GoSlice).get(i));
      return this.append(s, items, elemSize, noscan);
    },
    /** `copy(dst, src)`: as many elements as both have, the count returned. */
    copy(dst: GoSlice | null, src: GoSlice | string | null): number {
      const source = typeof src === "string" ? bytesSlice(src) : src;
      const n = Math.min(dst?.length ?? 0, source?.length ?? 0);
      const values: unknown[] = [];
      for (let i = 0; i < n; i++) values.push((source as GoSlice).get(i));
      for (let i = 0; i < n; i++) (dst as GoSlice).set(i, values[i]);
      return n;
    },

    // ---- strings: Go's are bytes, JavaScript's UTF-16; these go through UTF-8 ----
    strIndex(s: string, i: number): number {
      const bytes = utf8Bytes(s);
      if (!(i >= 0 && i < bytes.length))
        throw runtimeError(`index out of range [${i}] with length ${bytes.length}`);
      return bytes[i] as number;
    },
    strSlice(s: string, lo: number | undefined, hi: number | undefined): string {
      const bytes = utf8Bytes(s);
      const low = lo ?? 0;
      const high = hi ?? bytes.length;
      if (high > bytes.length)
        throw runtimeError(`slice bounds out of range [:${high}] with length ${bytes.length}`);
      if (low > high) throw runtimeError(`slice bounds out of range [${low}:${high}]`);
      return decodeUtf8(bytes.slice(low, high));
    },
    /** `for i, r := range s`: each rune with the byte offset it starts at. */
    runes(s: string): [number, number][] {
      const out: [number, number][] = [];
      let offset = 0;
      for (const ch of s) {
        const code = ch.codePointAt(0) as number;
        out.push([offset, code]);
        offset += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      }
      return out;
    },
    strings: STRINGS,
    strconv: STRCONV,
    bytesOf: (s: string): GoSlice => bytesSlice(s),
    stringOf(b: GoSlice | null): string {
      const bytes: number[] = [];
      for (let i = 0; i < (b?.length ?? 0); i++) bytes.push((b as GoSlice).get(i) as number);
      return decodeUtf8(bytes);
    },
    runeString: (r: number): string =>
      r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff) ? String.fromCodePoint(r) : "\ufffd",
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
    /** len(s) of a string: its bytes in UTF-8, as Go counts them. */
    strlen: (s: string): number => utf8Bytes(s).length,

    // ---- panics, defer, recover ----
    /** panic(v): v arrives as the `any` it is in Go. panic(nil) is a *runtime.PanicNilError since Go 1.21. */
    panic(value: Boxed | null): never {
      if (value === null)
        throw new GoPanic(
          errorBox("panic called with nil argument (use runtime.PanicNilError)", RUNTIME_ERROR_TYPE),
        );
      throw new GoPanic(value);
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
            // A panic in a deferred call replaces the one unwinding, as in Go, which prints both.
            if (!(error instanceof GoPanic) || error.fatal) throw error;
            if (frame.panic && frame.panic !== error)
              error.previous ??= { panic: frame.panic, recovered: frame.recovered };
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
      return frame.panic.value;
    },
    exit(code: number): never {
      throw new GoExit(code);
    },

    // ---- errors and fmt ----
    newError: (message: string): Boxed => errorBox(message, ERROR_STRING),
    /** err.Error() and the like through an interface. */
    async errorf(format: string, args: Arg[]): Promise<Boxed> {
      // %w prints as %v and is what errors.Unwrap gives back.
      const wrapped = format.includes("%w")
        ? ((args.find((arg, i) => i === wrapIndex(format) && arg.value !== null)?.value as
            | Boxed
            | undefined) ?? null)
        : null;
      const text = await printer.sprintf(format.replaceAll("%w", "%v"), args);
      return wrapped ? errorBox(text, WRAP_ERROR, wrapped) : errorBox(text, ERROR_STRING);
    },
    async errorsIs(err: Boxed | null, target: Boxed | null): Promise<boolean> {
      for (let e = err; ; ) {
        if (e === null || target === null) return e === target;
        if (e.key === target.key && e.value === target.value) return true;
        const unwrap = bound(e.value, e.type, "Unwrap");
        if (!unwrap) return false;
        e = (await unwrap()) as Boxed | null;
      }
    },
    async println(args: Arg[]): Promise<void> {
      out.write(await printer.sprintln(args));
    },
    async print(args: Arg[]): Promise<void> {
      out.write(await printer.sprint(args));
    },
    async printf(format: string, args: Arg[]): Promise<void> {
      out.write(await printer.sprintf(format, args));
    },
    sprintf: (format: string, args: Arg[]) => printer.sprintf(format, args),
    sprint: (args: Arg[]) => printer.sprint(args),
    sprintln: (args: Arg[]) => printer.sprintln(args),
    /** What an unrecovered panic prints after "panic: ". */
    panicText: (value: Boxed | null) => panicText(value, printer, bound),
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

/** The strings package, in Go's terms: indexes count bytes, "" splits into runes, spaces are Go's. */
const STRINGS = {
  index(s: string, sub: string): number {
    const at = s.indexOf(sub);
    return at < 0 ? -1 : utf8Bytes(s.slice(0, at)).length;
  },
  split(s: string, sep: string): GoSlice {
    const parts = sep === "" ? [...s] : s.split(sep);
    return new GoSlice<unknown>(parts, 0, parts.length, parts.length);
  },
  join(elems: GoSlice | null, sep: string): string {
    const parts: string[] = [];
    for (let i = 0; i < (elems?.length ?? 0); i++) parts.push((elems as GoSlice).get(i) as string);
    return parts.join(sep);
  },
  fields(s: string): GoSlice {
    const parts = s.split(GO_SPACE).filter((p) => p !== "");
    return new GoSlice<unknown>(parts, 0, parts.length, parts.length);
  },
  repeat(s: string, n: number): string {
    if (n < 0) throw errorPanic("strings: negative Repeat count");
    return s.repeat(n);
  },
  trimSpace: (s: string): string => s.replace(GO_SPACE_START, "").replace(GO_SPACE_END, ""),
  trimPrefix: (s: string, prefix: string): string => (s.startsWith(prefix) ? s.slice(prefix.length) : s),
  trimSuffix: (s: string, suffix: string): string =>
    suffix !== "" && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s,
  replaceAll: (s: string, from: string, to: string): string =>
    from === "" ? [...s].map((ch) => to + ch).join("") + to : s.split(from).join(to),
};

/** unicode.IsSpace's set. */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;
const GO_SPACE_START = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;
const GO_SPACE_END = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/u;

const NUM_ERROR: GoType = {
  kind: "pointer",
  elem: { kind: "named", name: "NumError", pkg: "strconv", underlying: undefined },
};

const STRCONV = {
  /** Atoi: a decimal int with an optional sign, or a *strconv.NumError saying why not. */
  atoi(text: string): [number, Boxed | null] {
    const fail = (why: string): [number, Boxed] => [
      0,
      {
        value: new GoError(`strconv.Atoi: parsing ${JSON.stringify(text)}: ${why}`),
        type: NUM_ERROR,
        key: "*strconv.NumError",
      },
    ];
    if (!/^[+-]?\d+$/.test(text)) return fail("invalid syntax");
    const n = Number(text);
    if (!Number.isSafeInteger(n)) return fail("value out of range");
    return [n, null];
  },
  formatInt(n: number, base: number): string {
    if (base < 2 || base > 36) throw errorPanic("strconv: illegal AppendInt/FormatInt base");
    return n.toString(base);
  },
};

function bytesSlice(s: string): GoSlice {
  const bytes = utf8Bytes(s);
  return new GoSlice<unknown>(bytes, 0, bytes.length, bytes.length);
}

/** Bytes back to a string; a byte that is not valid UTF-8 becomes U+FFFD, as Go's range does. */
function decodeUtf8(bytes: readonly number[]): string {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const length = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    const tail = bytes.slice(i + 1, i + length);
    if (length === 0 || tail.length !== length - 1 || tail.some((t) => (t & 0xc0) !== 0x80)) {
      out += "\ufffd";
      i++;
      continue;
    }
    let code = length === 1 ? b : b & (0xff >> (length + 1));
    for (const t of tail) code = (code << 6) | (t & 0x3f);
    out += String.fromCodePoint(code);
    i += length;
  }
  return out;
}

/** A time.Timer as Go code holds it: its channel C (nil for AfterFunc) and the runtime's timer. */
interface GoTimer {
  readonly C: Chan<number> | null;
  readonly timer: time.Timer;
}

interface GoTicker {
  readonly C: Chan<number>;
  readonly ticker: time.Ticker;
}

interface GoOnce {
  done: boolean;
  readonly mu: Mutex;
}

/** Channels of timers and tickers, which report len and cap 0 as Go 1.23's unbuffered ones do. */
const timerChannels = new WeakSet<Chan<unknown>>();

function stopTimer(t: GoTimer): boolean {
  const stopped = t.timer.stop();
  const unreceived = t.C !== null && tryRecv(t.C) !== undefined;
  return stopped || unreceived;
}

const CONTEXT_TYPE: GoType = {
  kind: "pointer",
  elem: { kind: "named", name: "ctx", pkg: "context", underlying: undefined },
};
const CONTEXT_CANCELED = errorBox("context canceled", ERROR_STRING);
const CONTEXT_DEADLINE_EXCEEDED: Boxed = {
  value: new GoError("context deadline exceeded"),
  type: { kind: "named", name: "deadlineExceededError", pkg: "context", underlying: undefined },
  key: "context.deadlineExceededError",
};

function contextOf(box: Boxed | null): context.Context {
  if (box === null) throw errorPanic("cannot create context from nil parent");
  return box.value as context.Context;
}

/** Methods of the standard library's dynamic types: its errors and its contexts. */
function libraryMethod(
  value: unknown,
  type: GoType,
  name: string,
): ((...args: unknown[]) => Promise<unknown>) | undefined {
  if (value instanceof GoError) {
    if (name === "Error") return async () => value.message;
    if (name === "Unwrap" && type === WRAP_ERROR) return async () => value.wrapped;
    return undefined;
  }
  if (type === CONTEXT_TYPE) {
    const ctx = value as context.Context;
    if (name === "Done") {
      return async () => {
        const done = ctx.done();
        // Background's Done is nil in Go.
        return done.isNil ? null : done;
      };
    }
    if (name === "Err") {
      return async () => {
        const err = ctx.err();
        if (err === undefined) return null;
        return err === context.Canceled ? CONTEXT_CANCELED : CONTEXT_DEADLINE_EXCEEDED;
      };
    }
  }
  return undefined;
}

const RUNTIME_ERROR_TYPE: GoType = { kind: "named", name: "Error", pkg: "runtime", underlying: undefined };

/** Which operand %w stands for: the count of verbs before it. */
function wrapIndex(format: string): number {
  const verbs = [...format.matchAll(/%[-+# 0]*\d*(?:\.\d+)?([a-zA-Z%])/g)].filter((m) => m[1] !== "%");
  return verbs.findIndex((m) => m[1] === "w");
}

/** Go's printpanicval: an error's Error(), a Stringer's String(), a basic value as print() writes it. */
async function panicText(
  value: Boxed | null,
  printer: Printer,
  bound: (
    value: unknown,
    type: GoType,
    name: string,
  ) => ((...args: unknown[]) => Promise<unknown>) | undefined,
): Promise<string> {
  if (value === null) return "nil";
  const method = bound(value.value, value.type, "Error") ?? bound(value.value, value.type, "String");
  if (method) return String(await method());
  const u = underlying(value.type);
  if (u.kind === "basic" && u.name === "float64") return printFloat(value.value as number);
  if (u.kind === "basic") {
    const text = String(value.value);
    // A value of a declared basic type shows its type: main.Level(3), and a string's quotes.
    if (value.type.kind === "named" && value.type.pkg) {
      return `${value.key}(${u.name === "string" ? JSON.stringify(text) : text})`;
    }
    return text;
  }
  return `(${value.key}) ${await printer.value(value.value, value.type)}`;
}

/** print()'s float64: +1.500000e+000. */
function printFloat(f: number): string {
  const [mantissa, exponent] = f.toExponential(6).split("e") as [string, string];
  const e = Number(exponent);
  return `${f >= 0 ? "+" : ""}${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(3, "0")}`;
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
  return errorPanic(error.message);
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
