import { describe, expect, it } from "vitest";
import { MemoryStorage } from "./memoryStorage.ts";
import { codeKey, loadCode, saveCode } from "./savedCode.ts";

const NOW = 1_700_000_000_000;

/** Saves one version of the lesson's code against each starter in turn, a minute apart. */
function saveAgainstStarters(storage: MemoryStorage, starters: readonly string[]): void {
  starters.forEach((starter, index) => {
    saveCode(storage, "upload", {
      starter,
      files: { "storage.ts": `written against ${starter}` },
      savedAt: NOW + index * 60_000,
    });
  });
}

describe("saveCode", () => {
  it("keeps the five newest versions when the lesson's starter has changed more often than that", () => {
    const storage = new MemoryStorage();
    saveAgainstStarters(storage, ["s1", "s2", "s3", "s4", "s5", "s6", "s7"]);
    const loaded = loadCode(storage, "upload", "s7");
    expect(loaded.current?.files).toEqual({ "storage.ts": "written against s7" });
    expect(loaded.older.map((version) => version.starter)).toEqual(["s6", "s5", "s4", "s3"]);
  });

  it("stores no more than five versions however many starters the code was written against", () => {
    const storage = new MemoryStorage();
    saveAgainstStarters(
      storage,
      Array.from({ length: 20 }, (_, index) => `s${index + 1}`),
    );
    const stored = JSON.parse(storage.getItem(codeKey("upload")) ?? "{}") as { versions: unknown[] };
    expect(stored.versions).toHaveLength(5);
  });
});
