import { describe, expect, it } from "vitest";
import { readJson, writeJson } from "./browserStorage.ts";
import { fingerprint } from "./hash.ts";
import { MemoryStorage } from "./memoryStorage.ts";
import { loadPinned, pinnedKey, savePinned } from "./pinnedRuns.ts";
import { loadProgress, PROGRESS_KEY, saveProgress } from "./progress.ts";
import { BACKUP_KEY, exportProgress, importProgress, parseProgressFile } from "./progressFile.ts";
import { CODE_FORMAT, codeKey, loadCode, saveCode } from "./savedCode.ts";

const NOW = 1_700_000_000_000;

describe("saved code", () => {
  it("loads the code saved against the same starter", () => {
    const storage = new MemoryStorage();
    saveCode(storage, "upload", { starter: "s1", files: { "storage.ts": "mine" }, savedAt: NOW });
    expect(loadCode(storage, "upload", "s1").current?.files).toEqual({ "storage.ts": "mine" });
  });

  it("does not load code saved against another starter, but keeps it reachable", () => {
    const storage = new MemoryStorage();
    saveCode(storage, "upload", { starter: "old", files: { "storage.ts": "old attempt" }, savedAt: NOW });
    const loaded = loadCode(storage, "upload", "new");
    expect(loaded.current).toBeUndefined();
    expect(loaded.older.map((version) => version.files["storage.ts"])).toEqual(["old attempt"]);
    saveCode(storage, "upload", { starter: "new", files: { "storage.ts": "new attempt" }, savedAt: NOW + 1 });
    expect(loadCode(storage, "upload", "new").older).toHaveLength(1);
  });

  it("reports a damaged entry and keeps a copy of it before writing over it", () => {
    const storage = new MemoryStorage();
    storage.setItem(codeKey("upload"), "{not json");
    expect(loadCode(storage, "upload", "s1").problem).toBe("damaged");
    expect(
      saveCode(storage, "upload", { starter: "s1", files: { "storage.ts": "x" }, savedAt: NOW }),
    ).toEqual({ ok: true });
    expect(storage.getItem(`${codeKey("upload")}:unreadable`)).toBe("{not json");
  });

  it("keeps a second damaged text aside beside the first, not over it", () => {
    const storage = new MemoryStorage();
    storage.setItem(codeKey("upload"), "{first damage");
    saveCode(storage, "upload", { starter: "s1", files: { "storage.ts": "x" }, savedAt: NOW });
    storage.setItem(codeKey("upload"), "{second damage");
    saveCode(storage, "upload", { starter: "s1", files: { "storage.ts": "y" }, savedAt: NOW + 1 });
    expect(storage.getItem(`${codeKey("upload")}:unreadable`)).toBe("{first damage");
    expect(storage.getItem(`${codeKey("upload")}:unreadable:2`)).toBe("{second damage");
  });

  it("writes nothing over a damaged entry when there is no room to keep it aside", () => {
    const damaged = `{${"x".repeat(2000)}`;
    // Room for the damaged entry, or for a small new one, but not for both.
    const storage = new MemoryStorage(3000);
    storage.setItem(codeKey("upload"), damaged);
    const result = saveCode(storage, "upload", { starter: "s1", files: { "storage.ts": "x" }, savedAt: NOW });
    expect(result).toEqual({ ok: false, reason: "quota" });
    expect(storage.getItem(codeKey("upload"))).toBe(damaged);
  });

  it("keeps the entry aside before a save drops a version it cannot read", () => {
    const storage = new MemoryStorage();
    const entry = {
      format: CODE_FORMAT,
      versions: [{ starter: "s0", files: { "storage.ts": 42 }, savedAt: NOW }],
      beforeReplace: [],
    };
    storage.setItem(codeKey("upload"), JSON.stringify(entry));
    saveCode(storage, "upload", { starter: "s1", files: { "storage.ts": "x" }, savedAt: NOW + 1 });
    expect(JSON.parse(storage.getItem(`${codeKey("upload")}:unreadable`) ?? "null")).toEqual(entry);
    expect(loadCode(storage, "upload", "s1").current?.files).toEqual({ "storage.ts": "x" });
  });

  it("never writes over an entry from a newer Leak Lab", () => {
    const storage = new MemoryStorage();
    const newer = JSON.stringify({ format: CODE_FORMAT + 1, anything: true });
    storage.setItem(codeKey("upload"), newer);
    expect(loadCode(storage, "upload", "s1").problem).toBe("newer");
    expect(
      saveCode(storage, "upload", { starter: "s1", files: { "storage.ts": "x" }, savedAt: NOW }),
    ).toEqual({
      ok: false,
      reason: "newer",
    });
    expect(storage.getItem(codeKey("upload"))).toBe(newer);
  });

  it("says when the storage is full instead of throwing", () => {
    const storage = new MemoryStorage(200);
    expect(
      saveCode(storage, "upload", { starter: "s1", files: { "storage.ts": "x".repeat(500) }, savedAt: NOW }),
    ).toEqual({
      ok: false,
      reason: "quota",
    });
    expect(writeJson(undefined, "k", 1)).toEqual({ ok: false, reason: "unavailable" });
    expect(readJson(undefined, "k")).toEqual({ kind: "missing" });
  });

  it("keeps a write-ahead copy that later saves of the replacement do not overwrite", () => {
    const storage = new MemoryStorage();
    saveCode(storage, "upload", {
      starter: "s1",
      files: { "storage.ts": "mine" },
      savedAt: NOW,
      beforeReplace: [{ "storage.ts": "mine" }],
    });
    saveCode(storage, "upload", { starter: "s1", files: { "storage.ts": "starter" }, savedAt: NOW + 1 });
    const loaded = loadCode(storage, "upload", "s1");
    expect(loaded.current?.files).toEqual({ "storage.ts": "starter" });
    expect(loaded.beforeReplace.map((copy) => copy.files["storage.ts"])).toEqual(["mine"]);
    // Copies for another starter are not offered for this one.
    expect(loadCode(storage, "upload", "s2").beforeReplace).toEqual([]);
  });

  it("keeps the three newest different write-ahead copies", () => {
    const storage = new MemoryStorage();
    for (const [i, text] of ["a", "b", "a", "c", "d"].entries()) {
      saveCode(storage, "upload", {
        starter: "s1",
        files: { "storage.ts": text },
        savedAt: NOW + i,
        beforeReplace: [{ "storage.ts": text }],
      });
    }
    const copies = loadCode(storage, "upload", "s1").beforeReplace;
    expect(copies.map((copy) => copy.files["storage.ts"])).toEqual(["d", "c", "a"]);
  });

  it("fingerprints texts stably and tells different starters apart", () => {
    expect(fingerprint("abc")).toBe(fingerprint("abc"));
    expect(fingerprint("abc")).not.toBe(fingerprint("abd"));
    expect(fingerprint("")).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe("progress", () => {
  it("round-trips completion and hints", () => {
    const storage = new MemoryStorage();
    saveProgress(storage, { lessons: { upload: { completedAt: NOW, hintsShown: 2 } } });
    expect(loadProgress(storage)).toEqual({
      progress: { lessons: { upload: { completedAt: NOW, hintsShown: 2 } } },
    });
  });

  it("starts afresh on a damaged entry, and keeps the damaged text aside when saving", () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, "garbage");
    expect(loadProgress(storage).problem).toBe("damaged");
    saveProgress(storage, { lessons: { sync: { completedAt: NOW } } });
    expect(storage.getItem(`${PROGRESS_KEY}:unreadable`)).toBe("garbage");
    expect(loadProgress(storage).progress.lessons.sync?.completedAt).toBe(NOW);
  });

  it("writes no progress over a damaged entry when there is no room to keep it aside", () => {
    const storage = new MemoryStorage(3000);
    storage.setItem(PROGRESS_KEY, "g".repeat(2000));
    expect(saveProgress(storage, { lessons: { sync: { completedAt: NOW } } })).toEqual({
      ok: false,
      reason: "quota",
    });
    expect(storage.getItem(PROGRESS_KEY)).toBe("g".repeat(2000));
  });

  it("leaves a newer format's progress untouched", () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, JSON.stringify({ format: 99, lessons: {} }));
    expect(saveProgress(storage, { lessons: {} })).toEqual({ ok: false, reason: "newer" });
    expect(JSON.parse(storage.getItem(PROGRESS_KEY) ?? "{}").format).toBe(99);
  });
});

describe("progress file", () => {
  it("exports every Leak Lab entry and imports it into another browser", () => {
    const first = new MemoryStorage();
    saveCode(first, "upload", { starter: "s1", files: { "storage.ts": "mine" }, savedAt: NOW });
    saveProgress(first, { lessons: { upload: { completedAt: NOW } } });
    first.setItem("someone-else", "not ours");
    const file = exportProgress(first, new Date(NOW));
    expect(Object.keys(file.entries).sort()).toEqual([codeKey("upload"), PROGRESS_KEY]);

    const parsed = parseProgressFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.message);
    const second = new MemoryStorage();
    saveCode(second, "sync", { starter: "s9", files: { "sync.ts": "theirs" }, savedAt: NOW });
    expect(importProgress(second, parsed.file, new Date(NOW))).toEqual({ ok: true });
    expect(loadCode(second, "upload", "s1").current?.files).toEqual({ "storage.ts": "mine" });
    // What the import replaced is kept, not destroyed.
    expect(loadCode(second, "sync", "s9").current).toBeUndefined();
    expect(second.getItem(BACKUP_KEY)).toContain("theirs");
  });

  it("explains what is wrong with a file that is not an export", () => {
    expect(parseProgressFile("{")).toMatchObject({ ok: false, message: expect.stringContaining("not JSON") });
    expect(parseProgressFile("{}")).toMatchObject({
      ok: false,
      message: expect.stringContaining("not a Leak Lab"),
    });
    const sneaky = JSON.stringify({ format: "leak-lab-progress", version: 1, entries: { token: "x" } });
    expect(parseProgressFile(sneaky)).toMatchObject({ ok: false, message: expect.stringContaining("token") });
  });

  it("puts everything back when storage fills up halfway through an import", () => {
    const storage = new MemoryStorage(400);
    saveProgress(storage, { lessons: { upload: { completedAt: NOW } } });
    const before = storage.getItem(PROGRESS_KEY);
    const big = {
      format: "leak-lab-progress" as const,
      version: 1,
      exportedAt: "",
      entries: { [codeKey("x")]: "y".repeat(300) },
    };
    const result = importProgress(storage, big, new Date(NOW));
    expect(result.ok).toBe(false);
    expect(storage.getItem(PROGRESS_KEY)).toBe(before);
    expect(storage.getItem(codeKey("x"))).toBeNull();
  });
});

describe("pinned runs", () => {
  it("saves a pin rounded to what the chart shows, and forgets it on unpin", () => {
    const storage = new MemoryStorage();
    savePinned(storage, "upload", {
      label: "run 1",
      minutes: [0, 1.23456],
      handles: [1.4, 2.6],
      memoryMiB: [1550.04, 1551.06],
    });
    expect(loadPinned(storage, "upload")).toEqual({
      label: "run 1",
      minutes: [0, 1.235],
      handles: [1, 3],
      memoryMiB: [1550, 1551.1],
    });
    savePinned(storage, "upload", undefined);
    expect(loadPinned(storage, "upload")).toBeUndefined();
  });

  it("ignores a damaged pin rather than drawing nonsense", () => {
    const storage = new MemoryStorage();
    storage.setItem(
      pinnedKey("upload"),
      JSON.stringify({ format: 1, run: { label: "x", minutes: [0, 1], handles: [1], memoryMiB: [1, 2] } }),
    );
    expect(loadPinned(storage, "upload")).toBeUndefined();
  });
});
