/**
 * Go's strings are bytes, JavaScript's UTF-16: the conversions between them, as Go's `[]byte(s)`, `string(b)`
 * and `len(s)` see a string.
 */

/** A string's bytes in UTF-8, as a Go string holds them. */
export function utf8Bytes(s: string): number[] {
  const bytes: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 63),
        0x80 | ((code >> 6) & 63),
        0x80 | (code & 63),
      );
  }
  return bytes;
}

/** Any character beyond ASCII: a string without one has one byte per character. */
const NON_ASCII = /[\u0080-\uffff]/;
export const isAscii = (s: string): boolean => !NON_ASCII.test(s);

/** TextDecoder, which Node and workers both have; the DOM-free core's library types do not declare it. */
declare const TextDecoder: new (
  label: string,
  options: { fatal: boolean },
) => { decode(bytes: Uint8Array): string };

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Bytes back to a string; a byte that is not valid UTF-8 becomes U+FFFD, as Go's range does. Valid UTF-8, the
 * usual case (a megabyte dump), is decoded by the engine.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    // Invalid somewhere: byte by byte, as Go reads it.
  }
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const [code, size] = decodeRune(bytes, i);
    out += String.fromCodePoint(code);
    i += size;
  }
  return out;
}

/**
 * utf8.DecodeRune: the rune at `i` and its size in bytes, or U+FFFD and 1 for a byte that does not start a
 * valid encoding: no overlong forms, no surrogates, nothing above U+10FFFF.
 */
function decodeRune(bytes: Uint8Array, i: number): [number, number] {
  const b = bytes[i] as number;
  if (b < 0x80) return [b, 1];
  const size = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (size === 0 || i + size > bytes.length) return [0xfffd, 1];
  // The second byte's range, narrower after E0, ED, F0 and F4 (Go's acceptRanges).
  const second = bytes[i + 1] as number;
  const [low, high] =
    b === 0xe0
      ? [0xa0, 0xbf]
      : b === 0xed
        ? [0x80, 0x9f]
        : b === 0xf0
          ? [0x90, 0xbf]
          : b === 0xf4
            ? [0x80, 0x8f]
            : [0x80, 0xbf];
  if (second < low || second > high) return [0xfffd, 1];
  let code = b & (0xff >> (size + 1));
  for (let k = 1; k < size; k++) {
    const t = bytes[i + k] as number;
    if ((t & 0xc0) !== 0x80) return [0xfffd, 1];
    code = (code << 6) | (t & 0x3f);
  }
  return [code, size];
}

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const ESCAPES: Readonly<Record<string, string>> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  "\\": "\\\\",
  '"': '\\"',
};

/** strconv.Quote (and fmt's %q): Go's escapes, `\x00` below a space, `\u2028` for other unprintable runes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += quoteRune(ch.codePointAt(0) as number);
  return `${out}"`;
}

/** %q of a []byte: its bytes quoted as Go quotes a string holding them, a byte that is not UTF-8 as `\xff`. */
export function goQuoteBytes(bytes: Uint8Array): string {
  let out = '"';
  for (let i = 0; i < bytes.length; ) {
    const [code, size] = decodeRune(bytes, i);
    const invalid = code === 0xfffd && size === 1;
    out += invalid ? `\\x${(bytes[i] as number).toString(16).padStart(2, "0")}` : quoteRune(code);
    i += size;
  }
  return `${out}"`;
}

function quoteRune(code: number): string {
  const ch = String.fromCodePoint(code);
  const named = ESCAPES[ch];
  if (named) return named;
  if (PRINTABLE.test(ch)) return ch;
  if (code < 0x80) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\U${code.toString(16).padStart(8, "0")}`;
}
