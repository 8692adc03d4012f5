/**
 * The types of Leak Lab's Go, as the translator checks them. Untyped constants keep their kind until they meet a
 * typed operand or are assigned, as in the Go specification's "Constants" and "Assignability".
 */

export type BasicName = "int" | "int64" | "float64" | "string" | "bool";
export type UntypedName =
  | "untyped int"
  | "untyped float"
  | "untyped rune"
  | "untyped string"
  | "untyped bool";

export type GoType =
  | { readonly kind: "basic"; readonly name: BasicName }
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
/** byte, Go's alias of uint8: an int between 0 and 255 here. */
export const BYTE: GoType = { kind: "named", name: "uint8", underlying: INT };
export const RUNE: GoType = { kind: "named", name: "int32", underlying: INT };
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
/** context.Context, the interface Go's contexts satisfy (its Deadline and Value are outside Leak Lab's Go). */
export const CONTEXT: GoType = {
  kind: "named",
  name: "context.Context",
  underlying: {
    kind: "interface",
    methods: {
      Done: { kind: "func", params: [], results: [EMPTY_STRUCT_RECV] },
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
export const MUTEX: GoType = { kind: "named", name: "sync.Mutex", underlying: undefined };
export const RW_MUTEX: GoType = { kind: "named", name: "sync.RWMutex", underlying: undefined };

/** The type a value of `type` has once a constant's kind must be settled (`x := 1` is an int). */
export function defaultType(type: GoType): GoType {
  if (type.kind !== "untyped") return type;
  switch (type.name) {
    case "untyped int":
    case "untyped rune":
      return type.name === "untyped rune" ? INT32_RUNE : INT;
    case "untyped float":
      return FLOAT64;
    case "untyped string":
      return STRING;
    case "untyped bool":
      return BOOL;
  }
}

/** `rune`, Go's alias of int32; Leak Lab's Go keeps it an int in arithmetic, printed as a number. */
const INT32_RUNE: GoType = INT;

/** The type beneath a named type (time.Duration is an int64); the type itself otherwise. */
export function underlying(type: GoType): GoType {
  return type.kind === "named" && type.underlying ? type.underlying : type;
}

export function isInteger(type: GoType): boolean {
  const u = underlying(type);
  if (u.kind === "basic") return u.name === "int" || u.name === "int64";
  return u.kind === "untyped" && (u.name === "untyped int" || u.name === "untyped rune");
}

export function isNumeric(type: GoType): boolean {
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

/** Go's spelling of a type, as its messages and %T print it. */
export function typeString(type: GoType): string {
  switch (type.kind) {
    case "basic":
    case "untyped":
      return type.name;
    case "nil":
      return "untyped nil";
    case "named":
      return type.name;
    case "chan":
      return `${type.dir === "recv" ? "<-chan" : type.dir === "send" ? "chan<-" : "chan"} ${typeString(type.elem)}`;
    case "slice":
      return `[]${typeString(type.elem)}`;
    case "map":
      return `map[${typeString(type.key)}]${typeString(type.value)}`;
    case "pointer":
      return `*${typeString(type.elem)}`;
    case "func": {
      const results =
        type.results.length === 0
          ? ""
          : type.results.length === 1
            ? ` ${typeString(type.results[0] as GoType)}`
            : ` (${type.results.map(typeString).join(", ")})`;
      const params = type.params.map((p, i) =>
        type.variadic && i === type.params.length - 1 && p.kind === "slice"
          ? `...${typeString(p.elem)}`
          : typeString(p),
      );
      return `func(${params.join(", ")})${results}`;
    }
    case "tuple":
      return `(${type.types.map(typeString).join(", ")})`;
    case "interface": {
      const names = Object.keys(type.methods).sort();
      return names.length === 0
        ? "interface {}"
        : `interface{${names.map((n) => `${n}${typeString(type.methods[n] as GoType).slice(4)}`).join("; ")}}`;
    }
    case "struct":
      return type.fields.length === 0
        ? "struct{}"
        : `struct{${type.fields.map((f) => `${f.name} ${typeString(f.type)}`).join("; ")}}`;
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
  return typeString(a) === typeString(b);
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
