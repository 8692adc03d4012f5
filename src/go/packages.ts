/**
 * The standard library as Leak Lab's Go has it: for each importable package, its types, constants and
 * functions, each function with the JavaScript a call becomes. What a package does not list is a compile error
 * ("undefined: time.Parse"), never a guess.
 */
import { isSharedObject } from "./addressTaken.ts";
import type { Translated } from "./expressions.ts";
import {
  ANY,
  BOOL,
  BYTE,
  CANCEL_FUNC,
  CONTEXT,
  DURATION,
  ERROR,
  FLOAT64,
  type GoType,
  INT,
  INT64,
  isInterface,
  MUTEX,
  missingMethod,
  ONCE,
  OS_FILE,
  RW_MUTEX,
  STRING,
  TICKER,
  TIME,
  TIMER,
  WAIT_GROUP,
} from "./types.ts";

export interface PackageFunction {
  /** The JavaScript for a call, given the translated arguments (already checked against `params`). */
  readonly call: (
    args: readonly Translated[],
    fmtArgs: (args: readonly Translated[]) => string,
    /** The JS constant of the call's site (Translator.site), for a function that reports where it was called. */
    site: () => string,
    /** What each argument was before it was converted to its parameter's type, for errors.As's target. */
    given: readonly Translated[],
    /** What `x.(T)` tests for T (Expressions.typeTarget), for a function that looks for a type. */
    typeTarget: (type: GoType) => string,
  ) => string;
  /** Parameter types; undefined for fmt's `...any`. */
  readonly params: readonly GoType[] | undefined;
  readonly results: readonly GoType[];
  /** Whether the call may block, so it is awaited. */
  readonly blocks?: boolean;
}

export interface Package {
  readonly types?: Record<string, GoType>;
  readonly constants?: Record<string, { readonly type: GoType; readonly value: number }>;
  /** Package variables (context.Canceled): their type and the JavaScript that reads them. */
  readonly variables?: Record<string, { readonly type: GoType; readonly js: string }>;
  readonly functions: Record<string, PackageFunction>;
}

const NS = 1;
const STRING_SLICE: GoType = { kind: "slice", elem: STRING };
const BYTE_SLICE: GoType = { kind: "slice", elem: BYTE };

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
    types: { Duration: DURATION, Time: TIME, Timer: TIMER, Ticker: TICKER },
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
        results: [{ kind: "chan", elem: TIME, dir: "recv" }],
        call: ([d], _fmt, site) => `$.after(${d?.js}, ${site()})`,
      },
      Tick: {
        params: [DURATION],
        results: [{ kind: "chan", elem: TIME, dir: "recv" }],
        call: ([d], _fmt, site) => `$.tick(${d?.js}, ${site()})`,
      },
      NewTimer: {
        params: [DURATION],
        results: [{ kind: "pointer", elem: TIMER }],
        call: ([d], _fmt, site) => `$.newTimer(${d?.js}, ${site()})`,
      },
      NewTicker: {
        params: [DURATION],
        results: [{ kind: "pointer", elem: TICKER }],
        call: ([d], _fmt, site) => `$.newTicker(${d?.js}, ${site()})`,
      },
      AfterFunc: {
        params: [DURATION, { kind: "func", params: [], results: [] }],
        results: [{ kind: "pointer", elem: TIMER }],
        call: ([d, f], _fmt, site) => `$.afterFunc(${d?.js}, ${f?.js}, ${site()})`,
      },
      Now: { params: [], results: [TIME], call: () => "$.now()" },
      Since: { params: [TIME], results: [DURATION], call: ([t]) => `$.since(${t?.js})` },
    },
  },
  sync: {
    types: { WaitGroup: WAIT_GROUP, Mutex: MUTEX, RWMutex: RW_MUTEX, Once: ONCE },
    functions: {},
  },
  context: {
    types: { Context: CONTEXT, CancelFunc: CANCEL_FUNC },
    variables: {
      Canceled: { type: ERROR, js: "$.contextCanceled" },
      DeadlineExceeded: { type: ERROR, js: "$.contextDeadlineExceeded" },
    },
    functions: {
      Background: { params: [], results: [CONTEXT], call: () => "$.contextBackground()" },
      TODO: { params: [], results: [CONTEXT], call: () => "$.contextBackground()" },
      WithCancel: {
        params: [CONTEXT],
        results: [CONTEXT, CANCEL_FUNC],
        call: ([parent]) => `$.withCancel(${parent?.js})`,
      },
      WithTimeout: {
        params: [CONTEXT, DURATION],
        results: [CONTEXT, CANCEL_FUNC],
        call: ([parent, d]) => `$.withTimeout(${parent?.js}, ${d?.js})`,
      },
      WithDeadline: {
        params: [CONTEXT, TIME],
        results: [CONTEXT, CANCEL_FUNC],
        call: ([parent, at]) => `$.withDeadline(${parent?.js}, ${at?.js})`,
      },
      WithValue: {
        params: [CONTEXT, ANY, ANY],
        results: [CONTEXT],
        call: ([parent, key, value]) => `$.withValue(${parent?.js}, ${key?.js}, ${value?.js})`,
      },
    },
  },
  strings: {
    functions: {
      Contains: {
        params: [STRING, STRING],
        results: [BOOL],
        call: ([a, b]) => `${a?.js}.includes(${b?.js})`,
      },
      HasPrefix: {
        params: [STRING, STRING],
        results: [BOOL],
        call: ([a, b]) => `${a?.js}.startsWith(${b?.js})`,
      },
      HasSuffix: {
        params: [STRING, STRING],
        results: [BOOL],
        call: ([a, b]) => `${a?.js}.endsWith(${b?.js})`,
      },
      Index: {
        params: [STRING, STRING],
        results: [INT],
        call: ([a, b]) => `$.strings.index(${a?.js}, ${b?.js})`,
      },
      LastIndex: {
        params: [STRING, STRING],
        results: [INT],
        call: ([a, b]) => `$.strings.lastIndex(${a?.js}, ${b?.js})`,
      },
      Count: {
        params: [STRING, STRING],
        results: [INT],
        call: ([a, b]) => `$.strings.count(${a?.js}, ${b?.js})`,
      },
      Cut: {
        params: [STRING, STRING],
        results: [STRING, STRING, BOOL],
        call: ([a, b]) => `$.strings.cut(${a?.js}, ${b?.js})`,
      },
      CutPrefix: {
        params: [STRING, STRING],
        results: [STRING, BOOL],
        call: ([a, b]) => `$.strings.cutPrefix(${a?.js}, ${b?.js})`,
      },
      CutSuffix: {
        params: [STRING, STRING],
        results: [STRING, BOOL],
        call: ([a, b]) => `$.strings.cutSuffix(${a?.js}, ${b?.js})`,
      },
      Split: {
        params: [STRING, STRING],
        results: [STRING_SLICE],
        call: ([a, b]) => `$.strings.split(${a?.js}, ${b?.js})`,
      },
      Join: {
        params: [STRING_SLICE, STRING],
        results: [STRING],
        call: ([a, b]) => `$.strings.join(${a?.js}, ${b?.js})`,
      },
      Fields: { params: [STRING], results: [STRING_SLICE], call: ([a]) => `$.strings.fields(${a?.js})` },
      Repeat: {
        params: [STRING, INT],
        results: [STRING],
        call: ([a, n]) => `$.strings.repeat(${a?.js}, ${n?.js})`,
      },
      ToUpper: { params: [STRING], results: [STRING], call: ([a]) => `${a?.js}.toUpperCase()` },
      ToLower: { params: [STRING], results: [STRING], call: ([a]) => `${a?.js}.toLowerCase()` },
      TrimSpace: { params: [STRING], results: [STRING], call: ([a]) => `$.strings.trimSpace(${a?.js})` },
      TrimPrefix: {
        params: [STRING, STRING],
        results: [STRING],
        call: ([a, b]) => `$.strings.trimPrefix(${a?.js}, ${b?.js})`,
      },
      TrimSuffix: {
        params: [STRING, STRING],
        results: [STRING],
        call: ([a, b]) => `$.strings.trimSuffix(${a?.js}, ${b?.js})`,
      },
      ReplaceAll: {
        params: [STRING, STRING, STRING],
        results: [STRING],
        call: ([a, b, c]) => `$.strings.replaceAll(${a?.js}, ${b?.js}, ${c?.js})`,
      },
    },
  },
  strconv: {
    functions: {
      Itoa: { params: [INT], results: [STRING], call: ([n]) => `String(${n?.js})` },
      Atoi: { params: [STRING], results: [INT, ERROR], call: ([text]) => `$.strconv.atoi(${text?.js})` },
      FormatInt: {
        params: [INT64, INT],
        results: [STRING],
        call: ([n, base]) => `$.strconv.formatInt(${n?.js}, ${base?.js})`,
      },
      AppendInt: {
        params: [BYTE_SLICE, INT64, INT],
        results: [BYTE_SLICE],
        call: ([dst, n, base]) =>
          `$.appendSlice(${dst?.js}, $.bytesOf($.strconv.formatInt(${n?.js}, ${base?.js})), 1, true, true)`,
      },
      Quote: { params: [STRING], results: [STRING], call: ([text]) => `$.quote(${text?.js})` },
    },
  },
  sort: {
    functions: {
      Strings: { params: [STRING_SLICE], results: [], call: ([s]) => `$.sortValues(${s?.js})` },
      Ints: { params: [{ kind: "slice", elem: INT }], results: [], call: ([s]) => `$.sortValues(${s?.js})` },
      Slice: {
        params: [ANY, { kind: "func", params: [INT, INT], results: [BOOL] }],
        results: [],
        blocks: true,
        call: ([x, less]) => `$.sortSlice(${x?.js}, ${less?.js})`,
      },
      Search: {
        params: [INT, { kind: "func", params: [INT], results: [BOOL] }],
        results: [INT],
        blocks: true,
        call: ([n, f]) => `$.search(${n?.js}, ${f?.js})`,
      },
    },
  },
  runtime: {
    functions: {
      NumGoroutine: { params: [], results: [INT], call: () => "$.numGoroutine()" },
      Gosched: { params: [], results: [], blocks: true, call: () => "$.gosched()" },
      Stack: {
        params: [BYTE_SLICE, BOOL],
        results: [INT],
        call: ([buf, all], _fmt, site) => `$.stack(${buf?.js}, ${all?.js}, ${site()})`,
      },
    },
  },
  // goleak's view of the runtime (std/goleak.ts): internal, as in Go, to the package that imports it.
  "internal/goroutines": {
    functions: {
      Running: { params: [], results: [{ kind: "slice", elem: INT }], call: () => "$.runningGoroutines()" },
      Unexpected: {
        params: [{ kind: "slice", elem: INT }],
        results: [STRING],
        call: ([ignore]) => `$.unexpectedGoroutines(${ignore?.js})`,
      },
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
      Unwrap: {
        blocks: true,
        params: [ERROR],
        results: [ERROR],
        call: ([err]) => `$.errorsUnwrap(${err?.js})`,
      },
      As: {
        blocks: true,
        params: [ERROR, ANY],
        results: [{ kind: "basic", name: "bool" }],
        // The target is a pointer to a variable of an error type or an interface: what is sought is its type.
        // Anything else compiles, and panics as Go's reflection finds it out (after a nil err's false).
        call: ([err], _fmt, _site, [, target], typeTarget) => {
          const type = target?.type;
          if (type?.kind === "nil") return `$.errorsAsMisuse(${err?.js}, "errors: target cannot be nil")`;
          if (type?.kind !== "pointer")
            return `$.errorsAsMisuse(${err?.js}, "errors: target must be a non-nil pointer")`;
          const fits = isInterface(type.elem) || missingMethod(type.elem, ERROR) === undefined;
          return `$.errorsAs(${err?.js}, ${target?.js}, ${typeTarget(type.elem)}, ${isSharedObject(type.elem)}, ${fits})`;
        },
      },
    },
  },
  os: {
    variables: {
      Stdout: { type: OS_FILE, js: "$.stdout" },
      Stderr: { type: OS_FILE, js: "$.stderr" },
    },
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
  "sync.RWMutex": {
    Lock: { params: [], results: [], blocks: true, call: (mu) => `${mu}.lock()` },
    Unlock: { params: [], results: [], call: (mu) => `${mu}.unlock()` },
    RLock: { params: [], results: [], blocks: true, call: (mu) => `${mu}.rlock()` },
    RUnlock: { params: [], results: [], call: (mu) => `${mu}.runlock()` },
  },
  "sync.Once": {
    Do: {
      params: [{ kind: "func", params: [], results: [] }],
      results: [],
      blocks: true,
      call: (once, [f]) => `$.onceDo(${once}, ${f})`,
    },
  },
  "time.Timer": {
    Stop: { params: [], results: [{ kind: "basic", name: "bool" }], call: (t) => `$.timerStop(${t})` },
    Reset: {
      params: [DURATION],
      results: [{ kind: "basic", name: "bool" }],
      call: (t, [d]) => `$.timerReset(${t}, ${d})`,
    },
  },
  "time.Ticker": {
    Stop: { params: [], results: [], call: (t) => `$.tickerStop(${t})` },
    Reset: { params: [DURATION], results: [], call: (t, [d]) => `$.tickerReset(${t}, ${d})` },
  },
  "time.Time": {
    // A time is virtual milliseconds, fractional: compared and subtracted in whole nanoseconds, as Go's are.
    Sub: { params: [TIME], results: [DURATION], call: (t, [u]) => `$.timeSub(${t}, ${u})` },
    Add: { params: [DURATION], results: [TIME], call: (t, [d]) => `(${t} + ${d} / 1e6)` },
    After: { params: [TIME], results: [BOOL], call: (t, [u]) => `($.timeSub(${t}, ${u}) > 0)` },
    Before: { params: [TIME], results: [BOOL], call: (t, [u]) => `($.timeSub(${t}, ${u}) < 0)` },
    Equal: { params: [TIME], results: [BOOL], call: (t, [u]) => `($.timeSub(${t}, ${u}) === 0)` },
    Format: { params: [STRING], results: [STRING], call: (t, [layout]) => `$.formatTime(${t}, ${layout})` },
  },
  "time.Duration": {
    Seconds: { params: [], results: [FLOAT64], call: (d) => `(${d} / 1e9)` },
    Minutes: { params: [], results: [FLOAT64], call: (d) => `(${d} / 6e10)` },
    Hours: { params: [], results: [FLOAT64], call: (d) => `(${d} / 3.6e12)` },
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
