/**
 * The standard library as Leak Lab's Go has it: for each importable package, its types, constants and
 * functions, each function with the JavaScript a call becomes. What a package does not list is a compile error
 * ("undefined: time.Parse"), never a guess.
 */
import type { Translated } from "./expressions.ts";
import { DURATION, ERROR, FLOAT64, type GoType, INT, MUTEX, STRING, WAIT_GROUP } from "./types.ts";

export interface PackageFunction {
  /** The JavaScript for a call, given the translated arguments (already checked against `params`). */
  readonly call: (args: readonly Translated[], fmtArgs: (args: readonly Translated[]) => string) => string;
  /** Parameter types; undefined for fmt's `...any`. */
  readonly params: readonly GoType[] | undefined;
  readonly results: readonly GoType[];
  /** Whether the call may block, so it is awaited. */
  readonly blocks?: boolean;
}

export interface Package {
  readonly types?: Record<string, GoType>;
  readonly constants?: Record<string, { readonly type: GoType; readonly value: number }>;
  readonly functions: Record<string, PackageFunction>;
}

const NS = 1;

export const PACKAGES: Record<string, Package> = {
  fmt: {
    functions: {
      Println: {
        params: undefined,
        results: [],
        blocks: true,
        call: (args, fmt) => `$.println(${fmt(args)})`,
      },
      Print: { params: undefined, results: [], blocks: true, call: (args, fmt) => `$.print(${fmt(args)})` },
      Printf: {
        params: undefined,
        blocks: true,
        results: [],
        call: ([format, ...rest], fmt) => `$.printf(${format?.js}, ${fmt(rest)})`,
      },
      Sprintf: {
        params: undefined,
        blocks: true,
        results: [STRING],
        call: ([format, ...rest], fmt) => `$.sprintf(${format?.js}, ${fmt(rest)})`,
      },
      Sprint: {
        params: undefined,
        results: [STRING],
        blocks: true,
        call: (args, fmt) => `$.sprint(${fmt(args)})`,
      },
      Sprintln: {
        params: undefined,
        results: [STRING],
        blocks: true,
        call: (args, fmt) => `$.sprintln(${fmt(args)})`,
      },
      Errorf: {
        params: undefined,
        blocks: true,
        results: [ERROR],
        call: ([format, ...rest], fmt) => `$.errorf(${format?.js}, ${fmt(rest)})`,
      },
    },
  },
  time: {
    types: { Duration: DURATION },
    constants: {
      Nanosecond: { type: DURATION, value: NS },
      Microsecond: { type: DURATION, value: 1e3 * NS },
      Millisecond: { type: DURATION, value: 1e6 * NS },
      Second: { type: DURATION, value: 1e9 * NS },
      Minute: { type: DURATION, value: 6e10 * NS },
      Hour: { type: DURATION, value: 3.6e12 * NS },
    },
    functions: {
      Sleep: { params: [DURATION], results: [], blocks: true, call: ([d]) => `$.sleep(${d?.js})` },
      After: {
        params: [DURATION],
        results: [{ kind: "chan", elem: { kind: "named", name: "time.Time", underlying: INT }, dir: "recv" }],
        call: ([d]) => `$.after(${d?.js})`,
      },
    },
  },
  sync: {
    types: { WaitGroup: WAIT_GROUP, Mutex: MUTEX },
    functions: {},
  },
  runtime: {
    functions: {
      NumGoroutine: { params: [], results: [INT], call: () => "$.numGoroutine()" },
      Gosched: { params: [], results: [], blocks: true, call: () => "$.gosched()" },
    },
  },
  errors: {
    functions: {
      New: { params: [STRING], results: [ERROR], call: ([text]) => `$.newError(${text?.js})` },
      Is: {
        blocks: true,
        params: [ERROR, ERROR],
        results: [{ kind: "basic", name: "bool" }],
        call: ([err, target]) => `$.errorsIs(${err?.js}, ${target?.js})`,
      },
    },
  },
  os: {
    functions: {
      Exit: { params: [INT], results: [], call: ([code]) => `$.exit(${code?.js})` },
    },
  },
};

export interface Method {
  readonly params: readonly GoType[];
  readonly results: readonly GoType[];
  readonly blocks?: boolean;
  readonly call: (receiver: string, args: readonly string[]) => string;
}

/** Methods of the named types packages provide, by type name. A pointer to one has the same methods. */
export const METHODS: Record<string, Record<string, Method>> = {
  "sync.WaitGroup": {
    Add: { params: [INT], results: [], call: (wg, [delta]) => `$.wgAdd(${wg}, ${delta})` },
    Done: { params: [], results: [], call: (wg) => `$.wgAdd(${wg}, -1)` },
    Wait: { params: [], results: [], blocks: true, call: (wg) => `${wg}.wait()` },
  },
  "sync.Mutex": {
    Lock: { params: [], results: [], blocks: true, call: (mu) => `${mu}.lock()` },
    Unlock: { params: [], results: [], call: (mu) => `$.unlock(${mu})` },
  },
  "time.Duration": {
    Seconds: { params: [], results: [FLOAT64], call: (d) => `(${d} / 1e9)` },
    Milliseconds: {
      params: [],
      results: [{ kind: "basic", name: "int64" }],
      call: (d) => `Math.trunc(${d} / 1e6)`,
    },
    String: {
      blocks: true,
      params: [],
      results: [STRING],
      call: (d) => `$.sprint([{ value: ${d}, type: ${JSON.stringify(DURATION)} }])`,
    },
  },
};
