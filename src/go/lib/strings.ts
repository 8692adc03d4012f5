/**
 * Go's strings for translated code. Go's strings are bytes, JavaScript's UTF-16: indexing, slicing and len go
 * through UTF-8, a range gives runes with their byte offsets; and the strings and strconv packages.
 */

import type { GoType } from "../types.ts";
import { decodeUtf8, goQuote, isAscii, utf8Bytes } from "../utf8.ts";
import { type Boxed, errorPanic, GoError, GoSlice, runtimeError } from "../values.ts";
import { bytesOfArray } from "./pagedBytes.ts";

/** The strings package, in Go's terms: indexes count bytes, "" splits into runes, spaces are Go's. */
const STRINGS = {
  index(s: string, sub: string): number {
    const at = s.indexOf(sub);
    return at < 0 ? -1 : utf8Bytes(s.slice(0, at)).length;
  },
  lastIndex(s: string, sub: string): number {
    const at = s.lastIndexOf(sub);
    return at < 0 ? -1 : utf8Bytes(s.slice(0, at)).length;
  },
  cut(s: string, sep: string): [string, string, boolean] {
    const at = s.indexOf(sep);
    return at < 0 ? [s, "", false] : [s.slice(0, at), s.slice(at + sep.length), true];
  },
  cutPrefix: (s: string, prefix: string): [string, boolean] =>
    s.startsWith(prefix) ? [s.slice(prefix.length), true] : [s, false],
  cutSuffix: (s: string, suffix: string): [string, boolean] =>
    s.endsWith(suffix) ? [s.slice(0, s.length - suffix.length), true] : [s, false],
  count(s: string, sub: string): number {
    return sub === "" ? [...s].length + 1 : s.split(sub).length - 1;
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

/** `[]byte(s)`: its UTF-8 bytes, in a Uint8Array as every []byte is. */
export function bytesSlice(s: string): GoSlice {
  const bytes = Uint8Array.from(utf8Bytes(s));
  return new GoSlice<unknown>(bytes as unknown as unknown[], 0, bytes.length, bytes.length);
}

export const stringOps = {
  strIndex(s: string, i: number): number {
    // An ASCII string's bytes are its characters: no encoding needed.
    if (isAscii(s)) {
      if (!(i >= 0 && i < s.length)) throw runtimeError(`index out of range [${i}] with length ${s.length}`);
      return s.charCodeAt(i);
    }
    const bytes = utf8Bytes(s);
    if (!(i >= 0 && i < bytes.length))
      throw runtimeError(`index out of range [${i}] with length ${bytes.length}`);
    return bytes[i] as number;
  },
  strSlice(s: string, lo: number | undefined, hi: number | undefined): string {
    const ascii = isAscii(s);
    const bytes = ascii ? undefined : utf8Bytes(s);
    const length = bytes?.length ?? s.length;
    const low = lo ?? 0;
    const high = hi ?? length;
    if (high < 0) throw runtimeError(`slice bounds out of range [:${high}]`);
    if (high > length) throw runtimeError(`slice bounds out of range [:${high}] with length ${length}`);
    if (low < 0) throw runtimeError(`slice bounds out of range [${low}:]`);
    if (low > high) throw runtimeError(`slice bounds out of range [${low}:${high}]`);
    return bytes ? decodeUtf8(Uint8Array.from(bytes.slice(low, high))) : s.slice(low, high);
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
  quote: goQuote,
  strconv: STRCONV,
  bytesOf: (s: string): GoSlice => bytesSlice(s),
  stringOf(b: GoSlice | null): string {
    if (b === null) return "";
    return decodeUtf8(bytesOfArray(b.array, b.offset, b.length));
  },
  runeString: (r: number): string =>
    r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff) ? String.fromCodePoint(r) : "\ufffd",
  /** len(s) of a string: its bytes in UTF-8, as Go counts them. */
  strlen: (s: string): number => (isAscii(s) ? s.length : utf8Bytes(s).length),
};
