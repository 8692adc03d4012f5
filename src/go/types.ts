/**
 * The types of Leak Lab's Go, as the translator checks them. Untyped constants keep their kind until they meet a
 * typed operand or are assigned, as in the Go specification's "Constants" and "Assignability".
 */

export type IntegerName =
  | "int"
  | "int8"
  | "int16"
  | "int32"
  | "int64"
  | "uint"
  | "uint8"
  | "uint16"
  | "uint32"
  | "uint64"
  | "uintptr";
export type BasicName = IntegerName | "float64" | "string" | "bool";
export type UntypedName =
  | "untyped int"
  | "untyped float"
  | "untyped rune"
  | "untyped string"
  | "untyped bool";

export type GoType =
  /** A predeclared type; `byte` and `rune` are uint8 and int32 that Go's messages spell as the source did. */
  | { readonly kind: "basic"; readonly name: BasicName; readonly alias?: "byte" | "rune" }
  | { readonly kind: "untyped"; readonly name: UntypedName }
  | { readonly kind: "nil" }
  | { readonly kind: "chan"; readonly elem: GoType; readonly dir: "both" | "send" | "recv" }
  | { readonly kind: "slice"; readonly elem: GoType }
  | { readonly kind: "map"; readonly key: GoType; readonly value: GoType }
  | {
      readonly kind: "func";
      readonly params: readonly GoType[];
      readonly results: readonly GoType[];
      /** The last parameter is `...T`, a []T the call's extra arguments are packed into. */
      readonly variadic?: boolean;
    }
  /**
   * A named type: one a package Leak Lab provides (time.Duration, sync.WaitGroup, error), or one the program
   * declares (`pkg` "main"), whose underlying type is set once its declaration is read (it may refer to itself)
   * and whose methods are added as their declarations are read.
   */
  | {
      readonly kind: "named";
      readonly name: string;
      readonly underlying: GoType | undefined;
      readonly pkg?: string;
      readonly methods?: Record<string, MethodInfo>;
    }
  | { readonly kind: "struct"; readonly fields: readonly StructField[] }
  /** An interface: the methods a type must have to be held in it. `any` has none. */
  | { readonly kind: "interface"; readonly methods: Readonly<Record<string, GoType>> }
  | { readonly kind: "pointer"; readonly elem: GoType }
  /** Several results of a call, before they are unpacked. */
  | { readonly kind: "tuple"; readonly types: readonly GoType[] };

export interface StructField {
  readonly name: string;
  readonly type: GoType;
}

/** A method of a declared type: its signature without the receiver, and whether the receiver is a pointer. */
export interface MethodInfo {
  readonly type: GoType;
  readonly pointer: boolean;
  /** The JavaScript function it is translated to: `receiver, ...params`. */
  readonly js: string;
}

/** A type the program declares, filled in as its declaration is read. */
export interface DeclaredType {
  readonly kind: "named";
  readonly name: string;
  underlying: GoType | undefined;
  readonly pkg: string;
  readonly methods: Record<string, MethodInfo>;
}

/** How the runtime names a declared type: `main.Service`, `storage.Service`. */
export function typeKey(type: { readonly pkg?: string | undefined; readonly name: string }): string {
  return `${type.pkg}.${type.name}`;
}

export const INT: GoType = { kind: "basic", name: "int" };
export const INT64: GoType = { kind: "basic", name: "int64" };
export const FLOAT64: GoType = { kind: "basic", name: "float64" };
export const STRING: GoType = { kind: "basic", name: "string" };
export const BOOL: GoType = { kind: "basic", name: "bool" };
/** byte and rune, Go's aliases of uint8 and int32: the same types, which Go's messages spell as aliases. */
export const BYTE: GoType = { kind: "basic", name: "uint8", alias: "byte" };
export const RUNE: GoType = { kind: "basic", name: "int32", alias: "rune" };
export const UNTYPED_INT: GoType = { kind: "untyped", name: "untyped int" };
export const UNTYPED_FLOAT: GoType = { kind: "untyped", name: "untyped float" };
export const UNTYPED_RUNE: GoType = { kind: "untyped", name: "untyped rune" };
export const UNTYPED_STRING: GoType = { kind: "untyped", name: "untyped string" };
export const UNTYPED_BOOL: GoType = { kind: "untyped", name: "untyped bool" };
export const NIL: GoType = { kind: "nil" };
export const VOID: GoType = { kind: "tuple", types: [] };
export const DURATION: GoType = { kind: "named", name: "time.Duration", underlying: INT64 };
export const ANY: GoType = { kind: "named", name: "any", underlying: { kind: "interface", methods: {} } };
export const ERROR: GoType = {
  kind: "named",
  name: "error",
  underlying: { kind: "interface", methods: { Error: { kind: "func", params: [], results: [STRING] } } },
};
export const WAIT_GROUP: GoType = { kind: "named", name: "sync.WaitGroup", underlying: undefined };
export const ONCE: GoType = { kind: "named", name: "sync.Once", underlying: undefined };
/** time.Time: virtual milliseconds since the run began (never printed: real Go's would show the wall clock). */
export const TIME: GoType = {
  kind: "named",
  name: "time.Time",
  underlying: { kind: "basic", name: "int64" },
};
const TIME_CHAN: GoType = { kind: "chan", elem: TIME, dir: "recv" };
/** time.Timer and time.Ticker: their channel C is a field, as in Go. */
export const TIMER: GoType = {
  kind: "named",
  name: "time.Timer",
  underlying: { kind: "struct", fields: [{ name: "C", type: TIME_CHAN }] },
};
export const TICKER: GoType = {
  kind: "named",
  name: "time.Ticker",
  underlying: { kind: "struct", fields: [{ name: "C", type: TIME_CHAN }] },
};
const EMPTY_STRUCT_RECV: GoType = { kind: "chan", elem: { kind: "struct", fields: [] }, dir: "recv" };
/** context.Context, the interface Go's contexts satisfy. */
export const CONTEXT: GoType = {
  kind: "named",
  name: "context.Context",
  underlying: {
    kind: "interface",
    methods: {
      Deadline: { kind: "func", params: [], results: [TIME, BOOL] },
      Done: { kind: "func", params: [], results: [EMPTY_STRUCT_RECV] },
      Value: { kind: "func", params: [ANY], results: [ANY] },
      Err: {
        kind: "func",
        params: [],
        results: [
          {
            kind: "named",
            name: "error",
            underlying: {
              kind: "interface",
              methods: { Error: { kind: "func", params: [], results: [{ kind: "basic", name: "string" }] } },
            },
          },
        ],
      },
    },
  },
};
export const CANCEL_FUNC: GoType = {
  kind: "named",
  name: "context.CancelFunc",
  underlying: { kind: "func", params: [], results: [] },
};
/** *os.File, the type of os.Stdout and os.Stderr: an io.Writer (lib/os.ts). */
export const OS_FILE: GoType = {
  kind: "pointer",
  elem: {
    kind: "named",
    name: "os.File",
    underlying: undefined,
    methods: {
      Write: {
        type: { kind: "func", params: [{ kind: "slice", elem: BYTE }], results: [INT, ERROR] },
        pointer: true,
        js: "$.fileWrite",
      },
    },
  },
};
export const MUTEX: GoType = { kind: "named", name: "sync.Mutex", underlying: undefined };
export const RW_MUTEX: GoType = { kind: "named", name: "sync.RWMutex", underlying: undefined };

/** The type a value of `type` has once a constant's kind must be settled (`x := 1` is an int). */
export function defaultType(type: GoType): GoType {
  if (type.kind !== "untyped") return type;
  switch (type.name) {
    case "untyped int":
    case "untyped rune":
      return type.name === "untyped rune" ? RUNE : INT;
    case "untyped float":
      return FLOAT64;
    case "untyped string":
      return STRING;
    case "untyped bool":
      return BOOL;
  }
}

/** The type beneath a named type (time.Duration is an int64); the type itself otherwise. */
export function underlying(type: GoType): GoType {
  return type.kind === "named" && type.underlying ? type.underlying : type;
}

/** An integer type's size and sign: int, uint and uintptr are 64 bits, as on the 64-bit machines Go runs on. */
export interface IntegerKind {
  readonly bits: 8 | 16 | 32 | 64;
  readonly signed: boolean;
}

const INTEGER_KINDS: Readonly<Record<IntegerName, IntegerKind>> = {
  int: { bits: 64, signed: true },
  int8: { bits: 8, signed: true },
  int16: { bits: 16, signed: true },
  int32: { bits: 32, signed: true },
  int64: { bits: 64, signed: true },
  uint: { bits: 64, signed: false },
  uint8: { bits: 8, signed: false },
  uint16: { bits: 16, signed: false },
  uint32: { bits: 32, signed: false },
  uint64: { bits: 64, signed: false },
  uintptr: { bits: 64, signed: false },
};

/** The size and sign of a typed integer type (time.Duration's is int64's); undefined for anything else. */
export function integerKind(type: GoType): IntegerKind | undefined {
  const u = underlying(type);
  return u.kind === "basic" ? INTEGER_KINDS[u.name as IntegerName] : undefined;
}

/**
 * time.Time: a struct in Go, which Leak Lab holds as a number of virtual milliseconds. No operator or
 * conversion may see the number: to Go's checks it is no integer.
 */
export function isTimeValue(type: GoType): boolean {
  return type.kind === "named" && type.name === "time.Time";
}

export function isInteger(type: GoType): boolean {
  if (isTimeValue(type)) return false;
  const u = underlying(type);
  if (u.kind === "basic") return u.name in INTEGER_KINDS;
  return u.kind === "untyped" && (u.name === "untyped int" || u.name === "untyped rune");
}

export function isNumeric(type: GoType): boolean {
  if (isTimeValue(type)) return false;
  const u = underlying(type);
  return (
    isInteger(u) ||
    (u.kind === "basic" && u.name === "float64") ||
    (u.kind === "untyped" && u.name === "untyped float")
  );
}

export function isString(type: GoType): boolean {
  const u = underlying(type);
  return (u.kind === "basic" && u.name === "string") || (u.kind === "untyped" && u.name === "untyped string");
}

export function isBoolean(type: GoType): boolean {
  const u = underlying(type);
  return (u.kind === "basic" && u.name === "bool") || (u.kind === "untyped" && u.name === "untyped bool");
}

/** Whether nil is a value of this type. */
export function isNillable(type: GoType): boolean {
  const u = underlying(type);
  return (
    u.kind === "chan" ||
    u.kind === "slice" ||
    u.kind === "map" ||
    u.kind === "func" ||
    u.kind === "pointer" ||
    u.kind === "interface"
  );
}

/**
 * Go's spelling of a type: as its compiler's messages spell it (`byte` where the source said byte), or with
 * `aliases` false as its runtime does (%T, type identity: `uint8`).
 */
export function typeString(type: GoType, aliases = true): string {
  return aliases ? sourceSpelling(type) : runtimeSpelling(type);
}

const sourceSpelling = (type: GoType): string => spelling(type, true, sourceSpelling);
const runtimeSpelling = (type: GoType): string => spelling(type, false, runtimeSpelling);

function spelling(type: GoType, aliases: boolean, inner: (type: GoType) => string): string {
  switch (type.kind) {
    case "basic":
      return (aliases && type.alias) || type.name;
    case "untyped":
      return type.name;
    case "nil":
      return "untyped nil";
    case "named":
      return type.name;
    case "chan":
      return `${type.dir === "recv" ? "<-chan" : type.dir === "send" ? "chan<-" : "chan"} ${inner(type.elem)}`;
    case "slice":
      return `[]${inner(type.elem)}`;
    case "map":
      return `map[${inner(type.key)}]${inner(type.value)}`;
    case "pointer":
      return `*${inner(type.elem)}`;
    case "func": {
      const results =
        type.results.length === 0
          ? ""
          : type.results.length === 1
            ? ` ${inner(type.results[0] as GoType)}`
            : ` (${type.results.map(inner).join(", ")})`;
      const params = type.params.map((p, i) =>
        type.variadic && i === type.params.length - 1 && p.kind === "slice"
          ? `...${inner(p.elem)}`
          : inner(p),
      );
      return `func(${params.join(", ")})${results}`;
    }
    case "tuple":
      return `(${type.types.map(inner).join(", ")})`;
    case "interface": {
      const names = Object.keys(type.methods).sort();
      return names.length === 0
        ? "interface {}"
        : `interface{${names.map((n) => `${n}${inner(type.methods[n] as GoType).slice(4)}`).join("; ")}}`;
    }
    case "struct":
      return type.fields.length === 0
        ? "struct{}"
        : `struct{${type.fields.map((f) => `${f.name} ${inner(f.type)}`).join("; ")}}`;
  }
}

/** The struct beneath a type, or beneath the type a pointer points to. */
export function structOf(
  type: GoType,
): { readonly kind: "struct"; readonly fields: readonly StructField[] } | undefined {
  const u = underlying(type.kind === "pointer" ? type.elem : type);
  return u.kind === "struct" ? u : undefined;
}

export function identical(a: GoType, b: GoType): boolean {
  return typeString(a, false) === typeString(b, false);
}

/** Whether a value of type `from` may be assigned to a variable of type `to` (the spec's assignability, in part). */
export function assignable(from: GoType, to: GoType): boolean {
  if (identical(from, to)) return true;
  if (from.kind === "nil") return isNillable(to);
  if (isInterface(to)) return missingMethod(defaultType(from), to) === undefined;
  if (from.kind === "untyped") {
    const u = underlying(to);
    if (from.name === "untyped bool") return isBoolean(u);
    if (from.name === "untyped string") return isString(u);
    if (from.name === "untyped float") return u.kind === "basic" && u.name === "float64";
    return isNumeric(u);
  }
  // A bidirectional channel goes where a directional one of the same element is wanted.
  if (from.kind === "chan" && to.kind === "chan" && from.dir === "both") return identical(from.elem, to.elem);
  return false;
}

export function isInterface(type: GoType): boolean {
  return underlying(type).kind === "interface";
}

/** The methods of a type's method set: a declared type's value methods, all of them through a pointer. */
export function methodSet(type: GoType): Record<string, GoType> {
  const u = underlying(type);
  if (u.kind === "interface") return { ...u.methods };
  const pointer = type.kind === "pointer";
  const base = pointer ? (type as { elem: GoType }).elem : type;
  const set: Record<string, GoType> = {};
  if (base.kind === "named" && base.methods) {
    for (const [name, m] of Object.entries(base.methods)) if (pointer || !m.pointer) set[name] = m.type;
  }
  return set;
}

/**
 * Why `from` cannot be held in the interface `to`: the first missing method (and whether a pointer would have
 * it), or undefined when it can.
 */
export function missingMethod(
  from: GoType,
  to: GoType,
): { name: string; pointerReceiver: boolean } | undefined {
  const wanted = underlying(to);
  if (wanted.kind !== "interface") return undefined;
  const have = methodSet(from);
  for (const [name, type] of Object.entries(wanted.methods).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const found = have[name];
    if (found && identical(found, type)) continue;
    const base = from.kind === "named" ? from : undefined;
    return { name, pointerReceiver: Boolean(base?.methods?.[name]?.pointer) };
  }
  return undefined;
}

/** How the runtime names a type, which identifies it in an interface value: `*main.Session`, `[]int`. */
export function qualifiedKey(type: GoType): string {
  switch (type.kind) {
    case "named":
      return type.pkg ? `${type.pkg}.${type.name}` : type.name === "any" ? "interface {}" : type.name;
    case "pointer":
      return `*${qualifiedKey(type.elem)}`;
    case "slice":
      return `[]${qualifiedKey(type.elem)}`;
    case "map":
      return `map[${qualifiedKey(type.key)}]${qualifiedKey(type.value)}`;
    case "chan":
      return `${type.dir === "recv" ? "<-chan" : type.dir === "send" ? "chan<-" : "chan"} ${qualifiedKey(type.elem)}`;
    case "untyped":
      return qualifiedKey(defaultType(type));
    default:
      return typeString(type, false);
  }
}
