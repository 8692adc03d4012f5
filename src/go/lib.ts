/**
 * What translated Go calls, as one object (`$` in the generated code), made per program run. Here: the program's
 * declared types and their methods, interface values and the calls through them, goroutines, defer, panic and
 * recover, errors and fmt writing to the program's output. Beside it in lib/, one module per concern: channels
 * and select, time, context, sync, slices and maps, integers, strings, os's standard streams.
 */
import { Chan } from "../runtime/chan.ts";
import { currentRuntime } from "../runtime/runtime.ts";
import { recv as recvCase, select as runtimeSelect } from "../runtime/select.ts";
import type { Site } from "../runtime/stack.ts";
import * as time from "../runtime/time.ts";
import { type Arg, Printer } from "./fmt.ts";
import { channelOps } from "./lib/channels.ts";
import { cloneStruct, containers, structEqual } from "./lib/containers.ts";
import { contextMethod, contextOps } from "./lib/context.ts";
import { GoHeap, type Root } from "./lib/heap.ts";
import { integerOps } from "./lib/integers.ts";
import { fileMethod, osOps, type Streams } from "./lib/os.ts";
import { sortOps } from "./lib/sort.ts";
import { stringOps } from "./lib/strings.ts";
import { syncOps } from "./lib/sync.ts";
import { timeOps } from "./lib/time.ts";
import { runningGoroutines, site, stack, unexpectedGoroutines } from "./lib/traceback.ts";
import { type GoType, NIL, qualifiedKey, typeKey, underlying } from "./types.ts";
import {
  type Boxed,
  ERROR_STRING,
  errorBox,
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

/** A function's deferred calls and the panic, if any, that is unwinding it. */
export interface Frame {
  readonly defers: (() => Promise<unknown>)[];
  panic: GoPanic | undefined;
  recovered: boolean;
}

/** The library of a program whose standard output and error go to `out` (the driver reads them). */
export function makeLib(out: Streams) {
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

  /** The methods of a declared type, found by its key once per type object. */
  const tables = new WeakMap<GoType, Record<string, MethodEntry>>();
  const methodTable = (named: GoType): Record<string, MethodEntry> | undefined => {
    if (tables.has(named)) return tables.get(named);
    const table = named.kind === "named" ? methods.get(typeKey(named)) : undefined;
    if (table) tables.set(named, table);
    return table;
  };

  /** The method `name` of a dynamic type, bound to a value of it, or undefined. */
  const bound = (
    value: unknown,
    type: GoType,
    name: string,
  ): ((...args: unknown[]) => Promise<unknown>) | undefined => {
    const pointer = type.kind === "pointer";
    const base = pointer ? (type as { elem: GoType }).elem : type;
    if (base.kind !== "named") return undefined;
    const key = typeKey(base);
    if (!declared.has(key))
      return (
        errorMethod(value, type, name) ?? contextMethod(value, type, name) ?? fileMethod(value, type, name)
      );
    const entry = methodTable(base)?.[name];
    if (!entry || (entry.pointer && !pointer)) return undefined;
    if (entry.pointer) return (...args) => entry.fn(value, ...args);
    // A value method gets a copy of what the pointer points to (a nil pointer panics, as in Go).
    return (...args) => {
      if (pointer && value === null) throw runtimeError("invalid memory address or nil pointer dereference");
      return entry.fn(cloneStruct(value as Record<string, unknown>, base), ...args);
    };
  };

  /** The program's heap, measured by marking from its roots (lib/heap.ts). */
  const heap = new GoHeap();

  const printer = new Printer((value, type, name) => {
    const method = bound(value, type, name);
    return method ? () => method() as Promise<string> : undefined;
  });

  return {
    GoSlice,
    heap,
    /** The running goroutine's roots: its `go` statement's values and its function's variables. */
    goroutineRoots: (roots: readonly Root[]) => heap.holds(roots),
    /** A package's variables, the program's roots. */
    globals: (roots: readonly Root[]) => heap.declareGlobals(roots),
    declareType(pkg: string, name: string): void {
      declared.set(typeKey({ pkg, name }), { kind: "named", name, pkg, underlying: undefined });
    },
    defineMethods(typeName: string, table: Record<string, MethodEntry>): void {
      methods.set(typeName, table);
    },
    /** A value put in an interface: its dynamic type goes with it. */
    box(value: unknown, type: GoType, key: string): Boxed {
      return { value, type, key };
    },
    /** The method `name` of an interface value's dynamic type, bound to its value; undefined when it has none. */
    methodOf(box: Boxed, name: string): ((...args: unknown[]) => Promise<unknown>) | undefined {
      return bound(box.value, box.type, name);
    },
    /** A method called through an interface: found by the value's dynamic type. */
    callMethod(box: Boxed | null, name: string, args: unknown[]): Promise<unknown> {
      if (box === null) throw runtimeError("invalid memory address or nil pointer dereference");
      // The common case first, without a bound closure: a pointer method of the program's own type.
      const type = box.type;
      if (type.kind === "pointer" && type.elem.kind === "named") {
        const entry = methodTable(type.elem)?.[name];
        if (entry?.pointer) return entry.fn(box.value, ...args);
      }
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
    go(body: () => Promise<unknown>, site: Site): void {
      currentRuntime().go(body, { site });
    },
    site,
    /** Names the site the blocking operation about to run blocks at (see Translator.site). */
    at(at: Site): void {
      currentRuntime().siteHint = at;
    },
    stack,
    runningGoroutines,
    unexpectedGoroutines,
    numGoroutine(): number {
      return currentRuntime().registry.counts.goroutines;
    },
    gosched(): Promise<void> {
      const ch = new Chan<undefined>(0);
      // A zero-length sleep returns at once; a goroutine that yields lets every runnable one go first.
      return runtimeSelect([recvCase(ch)], () => undefined).then(() => time.sleep(Number.MIN_VALUE));
    },

    ...channelOps,
    ...timeOps,
    ...sortOps,
    ...contextOps,
    ...syncOps,
    ...containers,
    ...integerOps,
    ...osOps(out),
    ...stringOps,

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
      // %w prints as %v and is what errors.Unwrap gives back: an interface value, as Errorf's `any` made it.
      const operand = format.includes("%w")
        ? args.find((arg, i) => i === wrapIndex(format) && arg.value !== null)
        : undefined;
      const wrapped: Boxed | null =
        operand === undefined
          ? null
          : underlying(operand.type).kind === "interface"
            ? (operand.value as Boxed)
            : { value: operand.value, type: operand.type, key: qualifiedKey(operand.type) };
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
    /**
     * errors.As: the first error in err's chain (err, then what each Unwrap returns) that is a T, stored
     * through the pointer: a struct into the variable's object (a copy), anything else into its box.
     */
    async errorsAs(
      err: Boxed | null,
      pointer: { v: unknown } | Record<string, unknown> | null,
      target: { key: string; methods?: readonly string[] },
      inPlace: boolean,
      fits: boolean,
    ): Promise<boolean> {
      if (err === null) return false;
      if (pointer === null) throw stringPanic("errors: target must be a non-nil pointer");
      if (!fits) throw stringPanic("errors: *target must be interface or implement error");
      for (let e: Boxed | null = err; e !== null; ) {
        const matches = target.methods
          ? target.methods.every((name) => bound(e?.value, (e as Boxed).type, name) !== undefined)
          : e.key === target.key;
        if (matches) {
          if (inPlace) Object.assign(pointer, cloneStruct(e.value as Record<string, unknown>, e.type));
          else (pointer as { v: unknown }).v = target.methods ? e : e.value;
          return true;
        }
        const unwrap = bound(e.value, e.type, "Unwrap");
        if (!unwrap) return false;
        e = (await unwrap()) as Boxed | null;
      }
      return false;
    },
    /** errors.Unwrap: what err's Unwrap method returns, or nil when it has none. */
    async errorsUnwrap(err: Boxed | null): Promise<Boxed | null> {
      const unwrap = err === null ? undefined : bound(err.value, err.type, "Unwrap");
      return unwrap ? ((await unwrap()) as Boxed | null) : null;
    },
    /** errors.As with a target that is nil or no pointer: false for a nil err, Go's panic otherwise. */
    async errorsAsMisuse(err: Boxed | null, message: string): Promise<boolean> {
      if (err === null) return false;
      throw stringPanic(message);
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
    /** The operands of `fmt.Sprintf(format, args...)`: each element of the []any, by its dynamic type. */
    spreadOperands(slice: GoSlice<Boxed | null> | null): Arg[] {
      const operands: Arg[] = [];
      for (let i = 0; i < (slice?.length ?? 0); i++) {
        const box = (slice as GoSlice<Boxed | null>).get(i);
        operands.push(box === null ? { value: null, type: NIL } : { value: box.value, type: box.type });
      }
      return operands;
    },
    sprintln: (args: Arg[]) => printer.sprintln(args),
    /** What an unrecovered panic prints after "panic: ". */
    panicText: (value: Boxed | null) => panicText(value, printer, bound),
  };
}

export type GoLib = ReturnType<typeof makeLib>;

/** Methods of the standard library's errors: Error, and Unwrap for fmt.Errorf's %w. */
function errorMethod(
  value: unknown,
  type: GoType,
  name: string,
): ((...args: unknown[]) => Promise<unknown>) | undefined {
  if (!(value instanceof GoError)) return undefined;
  if (name === "Error") return async () => value.message;
  if (name === "Unwrap" && type === WRAP_ERROR) return async () => value.wrapped;
  return undefined;
}

/** A panic whose value is a string, as the standard library's `panic("errors: …")`. */
function stringPanic(message: string): GoPanic {
  return new GoPanic({ value: message, type: { kind: "basic", name: "string" }, key: "string" });
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
