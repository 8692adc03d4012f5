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
    const b = bytes[i] as number;
    const length = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    const tail = bytes.subarray(i + 1, i + length);
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
  for (const ch of s) {
    const code = ch.codePointAt(0) as number;
    const named = ESCAPES[ch];
    if (named) out += named;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (code < 0x80) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += `\\U${code.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}
