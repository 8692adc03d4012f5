import { describe, expect, it } from "vitest";
import { logRowKeys } from "./logRowKeys.ts";

describe("logRowKeys", () => {
  it("keys rows by line number when a batch appends to lines still shown", () => {
    expect(logRowKeys([3, 4, 5, 6], 4)).toEqual(["line-3", "line-4", "line-5", "line-6"]);
  });

  it("keeps the keys of lines that stay shown as older ones leave", () => {
    const before = logRowKeys([0, 1, 2], undefined);
    const after = logRowKeys([1, 2, 3], 2);
    expect(after.slice(0, 2)).toEqual(before.slice(1));
  });

  it("keys rows by position when every shown line is new", () => {
    expect(logRowKeys([700, 701, 702], 400)).toEqual(["at-0", "at-1", "at-2"]);
  });

  it("keys by line number on the first render and when a new run starts over", () => {
    expect(logRowKeys([0, 1], undefined)).toEqual(["line-0", "line-1"]);
    expect(logRowKeys([0, 1], 1999)).toEqual(["line-0", "line-1"]);
  });

  it("gives distinct keys for a filtered, gapped list", () => {
    const keys = logRowKeys([5, 90, 400], 3);
    expect(new Set(keys).size).toBe(3);
  });
});
