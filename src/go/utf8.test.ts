import { describe, expect, it } from "vitest";
import { decodeUtf8, goQuote } from "./utf8.ts";

describe("Go's strings from bytes", () => {
  it("turns each byte of an invalid encoding into U+FFFD, as Go's utf8.DecodeRune reads it", () => {
    const decode = (...bytes: number[]) =>
      [...decodeUtf8(Uint8Array.from(bytes))].map((c) => c.codePointAt(0));
    // Above U+10FFFF, overlong, a surrogate, cut short: every byte is one U+FFFD.
    expect(decode(0xf4, 0x90, 0x80, 0x80)).toEqual([0xfffd, 0xfffd, 0xfffd, 0xfffd]);
    expect(decode(0xc0, 0x80, 0x61)).toEqual([0xfffd, 0xfffd, 0x61]);
    expect(decode(0xed, 0xa0, 0x80)).toEqual([0xfffd, 0xfffd, 0xfffd]);
    expect(decode(0xe2, 0x82)).toEqual([0xfffd, 0xfffd]);
    expect(decode(0xff, 0xe2, 0x82, 0xac)).toEqual([0xfffd, 0x20ac]);
  });

  it("quotes as strconv.Quote does", () => {
    expect(goQuote('a\tb\x00"\\\u2028é😀\x7f')).toBe('"a\\tb\\x00\\"\\\\\\u2028é😀\\x7f"');
  });
});
