/**
 * Go's fmt verbs for the values Leak Lab's Go has. A value is printed by its static type, which the translator
 * passes beside it: a float64 of 1e6 prints "1e+06" where an int of the same value prints "1000000".
 */

import { bytesOfArray } from "./lib/pagedBytes.ts";
import { type GoType, typeString, underlying } from "./types.ts";
import { decodeUtf8, goQuote, goQuoteBytes, utf8Bytes } from "./utf8.ts";
import type { Boxed, GoSlice } from "./values.ts";

export interface Arg {
  readonly value: unknown;
  readonly type: GoType;
}

/**
 * What fmt needs from the program: a value's `Error() string` or `String() string` method, if its type has one,
 * bound to the value. Methods of Go code are asynchronous (they may block), so fmt is too.
 */
export type MethodLookup = (
  value: unknown,
  type: GoType,
  name: "Error" | "String",
) => (() => Promise<string>) | undefined;

/** fmt's printing of values, with the program's methods to call. */
export class Printer {
  constructor(private readonly methods: MethodLookup) {}

  /**
   * The Error() or String() fmt prints a value by, when its type has one: the program's methods, or
   * time.Duration's, a library type whose String is here. A nil pointer has none (fmt prints <nil>).
   */
  private stringer(value: unknown, type: GoType): (() => Promise<string>) | undefined {
    if (type.kind === "named" && type.name === "time.Duration")
      return async () => formatDuration(value as number);
    if (value === null && type.kind === "pointer") return undefined;
    return this.methods(value, type, "Error") ?? this.methods(value, type, "String");
  }

  /** `%v`: the value in its default format, through Error() or String() when its type has one. */
  async value(value: unknown, type: GoType, plus = false, depth = 0): Promise<string> {
    const u = underlying(type);
    if (u.kind === "interface") {
      if (value === null) return "<nil>";
      const box = value as Boxed;
      return this.value(box.value, box.type, plus, depth);
    }
    const stringer = this.stringer(value, type);
    if (stringer) return stringer();
    switch (u.kind) {
      case "basic":
      case "untyped":
        if (u.name === "float64" || u.name === "untyped float") return formatFloatG(value as number);
        return String(value);
      case "slice": {
        if (value === null) return "[]";
        const slice = value as GoSlice;
        const items: string[] = [];
        for (let i = 0; i < slice.length; i++)
          items.push(await this.nested(slice.get(i), u.elem, plus, depth));
        return `[${items.join(" ")}]`;
      }
      case "map": {
        if (value === null) return "map[]";
        const entries = [...(value as Map<unknown, unknown>).entries()].sort(([a], [b]) => compareKeys(a, b));
        const parts: string[] = [];
        for (const [k, v] of entries) {
          parts.push(
            `${await this.nested(k, u.key, plus, depth)}:${await this.nested(v, u.value, plus, depth)}`,
          );
        }
        return `map[${parts.join(" ")}]`;
      }
      case "struct": {
        const record = value as Record<string, unknown>;
        const parts: string[] = [];
        for (const f of u.fields as readonly { name: string; js?: string; type: GoType }[]) {
          const fieldValue = record[f.js ?? f.name];
          // fmt calls the methods of exported fields only: it cannot reach unexported ones.
          const text = /^[A-Z]/.test(f.name)
            ? await this.nested(fieldValue, f.type, plus, depth)
            : await this.plain(fieldValue, f.type, plus, depth + 1);
          parts.push(plus ? `${f.name}:${text}` : text);
        }
        return `{${parts.join(" ")}}`;
      }
      case "pointer":
        // fmt shows what a pointer to a struct points to, at the top level; deeper, Go prints an address.
        if (value === null) return "<nil>";
        if (depth === 0 && underlying(u.elem).kind === "struct")
          return `&${await this.value(value, u.elem, plus, 1)}`;
        return "0xc000010000";
      case "nil":
        return "<nil>";
      default:
        // Channels and functions print as addresses in Go, which no two runs share.
        return value === null ? "<nil>" : "0xc000010000";
    }
  }

  private nested(value: unknown, type: GoType, plus: boolean, depth: number): Promise<string> {
    return this.value(value, type, plus, depth + 1);
  }

  /** A value printed without its methods (an unexported field). */
  private plain(value: unknown, type: GoType, plus: boolean, depth: number): Promise<string> {
    return new Printer(() => undefined).value(value, type, plus, depth);
  }

  /** fmt.Sprint: operands side by side, a space between two that are not strings. */
  async sprint(args: readonly Arg[]): Promise<string> {
    let out = "";
    for (const [i, arg] of args.entries()) {
      const previous = args[i - 1];
      if (previous && !isStringType(arg.type) && !isStringType(previous.type)) out += " ";
      out += await this.value(arg.value, arg.type);
    }
    return out;
  }

  /** fmt.Sprintln: operands separated by spaces, and a newline. */
  async sprintln(args: readonly Arg[]): Promise<string> {
    const parts: string[] = [];
    for (const arg of args) parts.push(await this.value(arg.value, arg.type));
    return `${parts.join(" ")}\n`;
  }

  /** fmt.Sprintf for the verbs Leak Lab's Go supports, with Go's complaints for a wrong or missing operand. */
  async sprintf(format: string, args: readonly Arg[]): Promise<string> {
    let next = 0;
    let out = "";
    let last = 0;
    for (const match of format.matchAll(VERB)) {
      const [whole, flags = "", width, precision, verb = ""] = match;
      out += format.slice(last, match.index);
      last = (match.index ?? 0) + whole.length;
      if (verb === "%") {
        out += "%";
        continue;
      }
      const arg = args[next++];
      if (!arg) {
        out += `%!${verb}(MISSING)`;
        continue;
      }
      const text = await this.verb(verb, arg, precision === undefined ? undefined : Number(precision), flags);
      out += pad(text, width === undefined ? 0 : Number(width), flags);
    }
    out += format.slice(last);
    if (next < args.length) {
      const extra: string[] = [];
      for (const arg of args.slice(next)) {
        extra.push(`${qualifiedTypeString(displayType(arg.type))}=${await this.value(arg.value, arg.type)}`);
      }
      out += `%!(EXTRA ${extra.join(", ")})`;
    }
    return out;
  }

  private async verb(verb: string, arg: Arg, precision: number | undefined, flags: string): Promise<string> {
    let { value, type } = arg;
    // An interface operand is its dynamic value, as fmt receives it.
    if (underlying(type).kind === "interface" && value !== null) ({ value, type } = value as Boxed);
    const u = underlying(type);
    const isNumber = typeof value === "number";
    const isFloat =
      u.kind === "basic" ? u.name === "float64" : u.kind === "untyped" && u.name === "untyped float";
    const bad = async () =>
      `%!${verb}(${qualifiedTypeString(displayType(type))}=${await this.value(value, type)})`;
    // A []byte prints as the string it holds, or %x as its bytes.
    if ((verb === "s" || verb === "q" || verb === "x" || verb === "X") && isByteSlice(type)) {
      const slice = value as GoSlice | null;
      const bytes = slice ? bytesOfArray(slice.array, slice.offset, slice.length) : new Uint8Array(0);
      if (verb === "q") return goQuoteBytes(bytes);
      if (verb === "s") return formatStringVerb(verb, decodeUtf8(bytes), precision);
      const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
      return verb === "X" ? hex.toUpperCase() : hex;
    }
    if (verb === "s" || verb === "q" || verb === "x" || verb === "X" || verb === "v") {
      const stringer = this.stringer(value, type);
      if (stringer) return formatStringVerb(verb, await stringer(), precision);
    }
    switch (verb) {
      case "v":
        return this.value(value, type, flags.includes("+"));
      case "T":
        return value === null && underlying(arg.type).kind === "interface"
          ? "<nil>"
          : qualifiedTypeString(displayType(type));
      case "d":
        if (!isNumber || isFloat) return bad();
        return withSign(String(value), flags);
      case "b":
      case "o":
        if (!isNumber || isFloat) return bad();
        return withSign((value as number).toString(verb === "b" ? 2 : 8), flags);
      case "s":
      case "q":
        if (typeof value !== "string") return bad();
        return formatStringVerb(verb, value, precision);
      case "t":
        if (typeof value !== "boolean") return bad();
        return String(value);
      case "f":
      case "F":
        if (!isNumber) return bad();
        return withSign((value as number).toFixed(precision ?? 6), flags);
      case "e": {
        if (!isNumber) return bad();
        const [mantissa, exponent] = (value as number).toExponential(precision ?? 6).split("e") as [
          string,
          string,
        ];
        return withSign(`${mantissa}e${exponentSign(Number(exponent))}`, flags);
      }
      case "g":
        if (!isNumber) return bad();
        return withSign(formatFloatG(value as number), flags);
      case "x":
      case "X": {
        if (typeof value === "string") return formatStringVerb(verb, value, precision);
        if (typeof value !== "number" || isFloat) return bad();
        const text = value.toString(16);
        return verb === "X" ? text.toUpperCase() : text;
      }
      case "c":
        if (!isNumber || isFloat) return bad();
        return String.fromCodePoint(value as number);
      default:
        return bad();
    }
  }
}

function isByteSlice(type: GoType): boolean {
  const u = underlying(type);
  return u.kind === "slice" && u.elem.kind === "basic" && u.elem.name === "uint8";
}

function formatStringVerb(verb: string, text: string, precision: number | undefined): string {
  switch (verb) {
    case "q":
      return goQuote(text);
    case "x":
    case "X": {
      const hex = utf8Bytes(text)
        .map((byte) => byte.toString(16).padStart(2, "0"))
        .join("");
      return verb === "X" ? hex.toUpperCase() : hex;
    }
    default:
      return precision === undefined ? text : text.slice(0, precision);
  }
}

/** fmt sorts map keys when it prints a map: numbers by value, strings in byte order. */
function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** fmt's %v of a float64: the shortest digits that read back the same, in %e form below 1e-4 and from 1e6 up. */
export function formatFloatG(f: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (!Number.isFinite(f)) return f > 0 ? "+Inf" : "-Inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const [mantissa, exponentText] = f.toExponential().split("e") as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) return `${mantissa}e${exponentSign(exponent)}`;
  return String(f);
}

function exponentSign(exponent: number): string {
  const digits = String(Math.abs(exponent)).padStart(2, "0");
  return `${exponent < 0 ? "-" : "+"}${digits}`;
}

/** time.Duration's String: "1h2m3.5s", "150ms", "0s". */
export function formatDuration(nanoseconds: number): string {
  if (nanoseconds === 0) return "0s";
  const negative = nanoseconds < 0;
  let d = Math.abs(nanoseconds);
  let text: string;
  if (d < 1e9) {
    // Under a second: the largest unit that keeps a whole part, with the rest as a fraction.
    const [unit, size] = d < 1e3 ? ["ns", 1] : d < 1e6 ? ["µs", 1e3] : ["ms", 1e6];
    text = `${trimFraction(d / size)}${unit}`;
  } else {
    const hours = Math.floor(d / 3.6e12);
    d -= hours * 3.6e12;
    const minutes = Math.floor(d / 6e10);
    d -= minutes * 6e10;
    const seconds = `${trimFraction(d / 1e9)}s`;
    text = hours > 0 ? `${hours}h${minutes}m${seconds}` : minutes > 0 ? `${minutes}m${seconds}` : seconds;
  }
  return negative ? `-${text}` : text;
}

/** Up to nine decimals, trailing zeros dropped, as Duration.String writes the fraction. */
function trimFraction(value: number): string {
  return value.toFixed(9).replace(/\.?0+$/, "");
}

function isStringType(type: GoType): boolean {
  const u = underlying(type);
  return (u.kind === "basic" && u.name === "string") || (u.kind === "untyped" && u.name === "untyped string");
}

const VERB = /%([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g;

/** The type fmt names for an operand: an untyped constant is passed as its default type. */
function displayType(type: GoType): GoType {
  if (type.kind !== "untyped") return type;
  const names: Record<string, GoType> = {
    "untyped int": { kind: "basic", name: "int" },
    "untyped rune": { kind: "basic", name: "int32" },
    "untyped float": { kind: "basic", name: "float64" },
    "untyped string": { kind: "basic", name: "string" },
    "untyped bool": { kind: "basic", name: "bool" },
  };
  return names[type.name] as GoType;
}

/** %T's spelling: declared types with their package ("main.Session"). */
function qualifiedTypeString(type: GoType): string {
  if (type.kind === "named" && type.pkg) return `${type.pkg}.${type.name}`;
  if (type.kind === "pointer") return `*${qualifiedTypeString(type.elem)}`;
  if (type.kind === "slice") return `[]${qualifiedTypeString(type.elem)}`;
  return typeString(type, false);
}

function withSign(text: string, flags: string): string {
  return flags.includes("+") && !text.startsWith("-") ? `+${text}` : text;
}

function pad(text: string, width: number, flags: string): string {
  const length = [...text].length;
  if (length >= width) return text;
  if (flags.includes("-")) return text + " ".repeat(width - length);
  if (flags.includes("0") && /^[+-]?\d/.test(text)) {
    const sign = /^[+-]/.test(text) ? (text[0] as string) : "";
    return sign + "0".repeat(width - length) + text.slice(sign.length);
  }
  return " ".repeat(width - length) + text;
}
