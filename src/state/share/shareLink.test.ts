import { describe, expect, it } from "vitest";
import { decodeShare, encodeShare, MAX_SHARED_CHARS, SHARE_PREFIX } from "./shareLink.ts";

describe("share links", () => {
  it("round-trips a file through the URL fragment, compressed", async () => {
    const text = `import { go } from "leak-lab/runtime";\n${"// ünïcode and more\n".repeat(200)}`;
    const hash = await encodeShare({ file: "storage.ts", text });
    expect(hash.startsWith(SHARE_PREFIX)).toBe(true);
    expect(hash.length).toBeLessThan(text.length / 4);
    expect(hash).toMatch(/^#share=1\.[A-Za-z0-9_-]+$/);
    expect(await decodeShare(hash)).toEqual({ kind: "ok", shared: { file: "storage.ts", text } });
  });

  it("ignores fragments that are not shares", async () => {
    expect(await decodeShare("")).toEqual({ kind: "none" });
    expect(await decodeShare("#goals-heading")).toEqual({ kind: "none" });
  });

  it("refuses a damaged or cut-short link with a reason", async () => {
    const hash = await encodeShare({ file: "storage.ts", text: "x".repeat(1000) });
    expect(await decodeShare(hash.slice(0, hash.length - 5))).toMatchObject({ kind: "bad" });
    expect(await decodeShare(`${SHARE_PREFIX}!!!`)).toMatchObject({ kind: "bad" });
  });

  it("stops inflating a crafted link long before it could fill memory", async () => {
    const hash = await encodeShare({ file: "storage.ts", text: " ".repeat(20_000_000) });
    expect(hash.length).toBeLessThan(40_000);
    expect(await decodeShare(hash)).toMatchObject({
      kind: "bad",
      message: expect.stringContaining("too large"),
    });
  });

  it("refuses code too large to be an attempt at a lesson", async () => {
    const hash = await encodeShare({ file: "storage.ts", text: "a".repeat(MAX_SHARED_CHARS + 1) });
    expect(await decodeShare(hash)).toMatchObject({
      kind: "bad",
      message: expect.stringContaining("too large"),
    });
  });
});
