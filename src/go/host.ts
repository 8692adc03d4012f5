/**
 * Go values a host makes for a compiled library (compileGo with `path`): the simulation's clients, stores and
 * loggers put behind Go interfaces, so that the services' Go code calls them as it calls its own types, and Go
 * results read back in JavaScript. Each host value is a pointer to a type of the pseudo-package `host` whose
 * methods are JavaScript; Go code sees only the interface it asked for.
 */
import type { Context } from "../runtime/context.ts";
import { boxContext } from "./lib/context.ts";
import type { GoLib } from "./lib.ts";
import type { GoType } from "./types.ts";
import { type Boxed, errorBox, type GoSlice } from "./values.ts";

/** A method of a host type: the Go arguments in, the Go result (a tuple as an array) out. */
export type HostMethod = (...args: never[]) => unknown;

/** What Go calls on a host value, by the method's Go name. */
export type HostMethods = Readonly<Record<string, HostMethod>>;

/** What a host value's box holds: its own methods. */
interface HostValue {
  readonly methods: HostMethods;
}

/** Go values made by the host for one library instance (one `lib`). */
export class GoHost {
  /** Each kind of host value's type, declared once: a request body per request must not add a type each. */
  private readonly types = new Map<string, GoType>();

  constructor(private readonly lib: GoLib) {}

  /**
   * A value whose methods are `methods`, boxed as the interface Go code expects (its dynamic type named
   * `*host.name`; every value of one name has the same methods). Each method may return a promise: Go's call
   * awaits it.
   */
  value(name: string, methods: HostMethods): Boxed {
    let type = this.types.get(name);
    if (!type) {
      this.lib.declareType("host", name);
      const table: Record<
        string,
        { fn: (receiver: unknown, ...args: unknown[]) => Promise<unknown>; pointer: boolean }
      > = {};
      for (const method of Object.keys(methods)) {
        // The receiver is the value's object: its own functions do the work.
        const call = (receiver: unknown, ...args: unknown[]) => {
          const own = (receiver as HostValue).methods[method] as (...a: unknown[]) => unknown;
          return own(...args);
        };
        table[method] = { fn: async (receiver, ...args) => call(receiver, ...args), pointer: true };
      }
      this.lib.defineMethods(`host.${name}`, table);
      type = { kind: "pointer", elem: { kind: "named", name, pkg: "host", underlying: undefined } };
      this.types.set(name, type);
    }
    const value: HostValue = { methods };
    return this.lib.box(value, type, `*host.${name}`);
  }

  /** Keeps `value` reachable on the Go heap while the host holds it (the service a server keeps). */
  hold(value: unknown): void {
    this.lib.heap.hold(value);
  }

  /** A context.Context holding the runtime's `ctx`. */
  context(ctx: Context): Boxed {
    return boxContext(ctx);
  }

  /** Go's errors.New(message), as an error interface value. */
  error(message: string): Boxed {
    return errorBox(message);
  }

  /** A Go error's text (its Error method), or undefined for nil. */
  async errorText(err: Boxed | null): Promise<string | undefined> {
    return err === null ? undefined : this.lib.panicText(err);
  }

  /**
   * A `*slog.Logger` whose records go to `record`, each with its level, message and key-value pairs (a value
   * of a basic type as it is, anything else as fmt's %v prints it).
   */
  logger(record: (level: number, message: string, fields: Record<string, unknown>) => void): unknown {
    const handler = this.value("logHandler", {
      handle: async (level: number, message: string, args: GoSlice<Boxed | null> | null) => {
        const fields: Record<string, unknown> = {};
        for (let i = 0; args && i + 1 < args.length; i += 2) {
          const key = args.get(i);
          const value = args.get(i + 1);
          fields[String(key?.value)] = await this.plain(value);
        }
        record(level, message, fields);
      },
    });
    // A *slog.Logger is the struct itself: its one field is the Handler interface.
    return { handler };
  }

  /** A `*pkg.name` made by Go code (a struct pointer is the struct's object), boxed as an interface holds it. */
  pointer(pkg: string, name: string, value: unknown): Boxed {
    const type: GoType = { kind: "pointer", elem: { kind: "named", name, pkg, underlying: undefined } };
    return this.lib.box(value, type, `*${pkg}.${name}`);
  }

  /** The method `name` of an interface value's dynamic type, bound to the value; undefined when it has none. */
  methodOf(box: Boxed, name: string): ((...args: unknown[]) => Promise<unknown>) | undefined {
    return this.lib.methodOf(box, name);
  }

  /** A `[]byte` of `length` zero bytes. */
  bytes(length: number): GoSlice {
    return this.lib.makeBytes(length, length);
  }

  private async plain(value: Boxed | null): Promise<unknown> {
    if (value === null) return null;
    const inner = value.value;
    if (typeof inner === "string" || typeof inner === "number" || typeof inner === "boolean") return inner;
    return this.lib.sprint([{ value: inner, type: value.type }]);
  }
}
