/**
 * Every shape of saved data a committed Leak Lab ever wrote, as it wrote it (JSON.stringify's key order
 * included), loaded by this one: migrated where the format changed, read as it is where it only grew optional
 * fields, and never wiped. The commits quoted are where each shape first appeared (`git log -p -- src/state/persist
 * src/state/autosave.ts src/state/progressStore.ts`).
 */
import { describe, expect, it } from "vitest";
import { MemoryStorage } from "./memoryStorage.ts";
import { asideKey, upgrade, writeMigrated } from "./migrate.ts";
import { loadPinned, pinnedKey } from "./pinnedRuns.ts";
import { loadProgress, PROGRESS_KEY, saveProgress } from "./progress.ts";
import { importProgress, parseProgressFile } from "./progressFile.ts";
import { CODE_FORMAT, CODE_STEPS, codeKey, latestCode, loadCode, saveCode } from "./savedCode.ts";

const NOW = 1_800_000_000_000;

/** Saved code, format 1: written by a5a2b22 (autosave) up to format 2. */
const CODE_V1 =
  '{"format":1,"versions":[{"starter":"93c5d318","files":{"storage.ts":"// mine\\nexport {};\\n"},"savedAt":1764300000000},{"starter":"0badf00d","files":{"storage.ts":"// older lesson"},"savedAt":1764200000000}]}';
/** Progress as a5a2b22 wrote it (markCompleted, setHintsShown): completion and hints only. */
const PROGRESS_A5A2B22 = '{"format":1,"lessons":{"upload":{"hintsShown":2,"completedAt":1764300000000}}}';
/** Progress as 66b51c6 wrote it: answers to the lessons' questions added. */
const PROGRESS_66B51C6 =
  '{"format":1,"lessons":{"page":{"answers":{"first-read":1}},"upload":{"hintsShown":3,"completedAt":1764300000000}}}';
/** Progress as fe41d58 wrote it: the postmortem's written answers and a run's last figures added. */
const PROGRESS_FE41D58 =
  '{"format":1,"lessons":{"upload":{"completedAt":1764300000000,"lastRun":{"minutes":10,"handles":12,"memoryMiB":1551.2}},"postmortem":{"texts":{"q1":"the uploads never closed"}}}}';
/** A pinned run as 42ed0d3 wrote it. */
const PINNED_42ED0D3 =
  '{"format":1,"run":{"label":"run 1","minutes":[0,0.5,1],"handles":[0,40,81],"memoryMiB":[1550,1552.3,1554.6]}}';
/** A progress file as a5a2b22's Export progress wrote it (entries in their own format 1). */
const FILE_A5A2B22 = `{"format":"leak-lab-progress","version":1,"exportedAt":"2026-11-28T12:00:00.000Z","entries":{"leak-lab:code:upload":${CODE_V1},"leak-lab:progress":${PROGRESS_A5A2B22}}}`;

describe("upgrade", () => {
  it("runs each step from the entry's format to the current one", () => {
    expect(upgrade(JSON.parse(CODE_V1), CODE_FORMAT, CODE_STEPS)).toMatchObject({
      kind: "migrated",
      from: 1,
      entry: { format: 2, beforeReplace: [] },
    });
    expect(upgrade({ format: 2, versions: [] }, CODE_FORMAT, CODE_STEPS).kind).toBe("current");
  });

  it("reports a newer format and never touches it", () => {
    expect(upgrade({ format: CODE_FORMAT + 1 }, CODE_FORMAT, CODE_STEPS)).toEqual({ kind: "newer" });
  });

  it("calls an entry damaged when no step knows its format, or it has none", () => {
    for (const value of [{ format: 0, versions: [] }, { versions: [] }, [], "text", null, { format: 1 }]) {
      expect(upgrade(value, CODE_FORMAT, CODE_STEPS).kind).toBe("damaged");
    }
  });
});

describe("writeMigrated", () => {
  it("keeps the original aside until the migrated entry has landed, then drops the copy", () => {
    const storage = new MemoryStorage();
    storage.setItem("leak-lab:x", '{"format":1}');
    const seen: (string | null)[] = [];
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key, value) => {
      if (key === "leak-lab:x") seen.push(storage.getItem(asideKey("leak-lab:x", 1)));
      setItem(key, value);
    };
    expect(writeMigrated(storage, "leak-lab:x", { format: 1 }, { format: 2 }, 1)).toBe(true);
    expect(seen).toEqual(['{"format":1}']);
    expect(storage.getItem("leak-lab:x")).toBe('{"format":2}');
    expect(storage.getItem(asideKey("leak-lab:x", 1))).toBeNull();
  });

  it("leaves the original in place when storage is too full for the copy or the new entry", () => {
    const storage = new MemoryStorage(CODE_V1.length + 40);
    storage.setItem(codeKey("upload"), CODE_V1);
    const loaded = loadCode(storage, "upload", "93c5d318");
    // The learner's code still opens, from the migrated value in memory.
    expect(loaded.current?.files["storage.ts"]).toBe("// mine\nexport {};\n");
    expect(storage.getItem(codeKey("upload"))).toBe(CODE_V1);
    expect(storage.length).toBe(1);
  });
});

describe("saved code in format 1 (a5a2b22)", () => {
  it("opens with the learner's code and every older version, and is written back as format 2", () => {
    const storage = new MemoryStorage();
    storage.setItem(codeKey("upload"), CODE_V1);
    const loaded = loadCode(storage, "upload", "93c5d318");
    expect(loaded.problem).toBeUndefined();
    expect(loaded.current?.files).toEqual({ "storage.ts": "// mine\nexport {};\n" });
    expect(loaded.older.map((version) => version.starter)).toEqual(["0badf00d"]);
    const stored = JSON.parse(storage.getItem(codeKey("upload")) ?? "null");
    expect(stored).toEqual({ ...JSON.parse(CODE_V1), format: 2, beforeReplace: [] });
    expect(storage.getItem(asideKey(codeKey("upload"), 1))).toBeNull();
  });

  it("is migrated on the first save too, without losing a version", () => {
    const storage = new MemoryStorage();
    storage.setItem(codeKey("upload"), CODE_V1);
    saveCode(storage, "upload", { starter: "93c5d318", files: { "storage.ts": "// more" }, savedAt: NOW });
    const stored = JSON.parse(storage.getItem(codeKey("upload")) ?? "null");
    expect(stored.format).toBe(2);
    expect(stored.versions.map((version: { starter: string }) => version.starter)).toEqual([
      "93c5d318",
      "0badf00d",
    ]);
  });

  it("is only read, not rewritten, where the page just shows it (the postmortem)", () => {
    const storage = new MemoryStorage();
    storage.setItem(codeKey("upload"), CODE_V1);
    expect(latestCode(storage, "upload")?.files["storage.ts"]).toBe("// mine\nexport {};\n");
    expect(storage.getItem(codeKey("upload"))).toBe(CODE_V1);
  });
});

describe("progress in every shape format 1 has had", () => {
  it.each([
    ["a5a2b22", PROGRESS_A5A2B22],
    ["66b51c6", PROGRESS_66B51C6],
    ["fe41d58", PROGRESS_FE41D58],
  ])("reads what %s wrote, and writes every field of it back", (_commit, text) => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, text);
    const loaded = loadProgress(storage);
    expect(loaded.problem).toBeUndefined();
    expect(loaded.progress).toEqual({ lessons: JSON.parse(text).lessons });
    expect(saveProgress(storage, loaded.progress)).toEqual({ ok: true });
    expect(JSON.parse(storage.getItem(PROGRESS_KEY) ?? "null")).toEqual(JSON.parse(text));
  });

  it("still leaves a newer format alone", () => {
    const storage = new MemoryStorage();
    const newer = '{"format":2,"lessons":{"upload":{"completedAt":1}}}';
    storage.setItem(PROGRESS_KEY, newer);
    expect(loadProgress(storage).problem).toBe("newer");
    expect(saveProgress(storage, { lessons: {} })).toEqual({ ok: false, reason: "newer" });
    expect(storage.getItem(PROGRESS_KEY)).toBe(newer);
  });
});

describe("older entries of other kinds", () => {
  it("draws a pinned run as 42ed0d3 saved it", () => {
    const storage = new MemoryStorage();
    storage.setItem(pinnedKey("upload"), PINNED_42ED0D3);
    expect(loadPinned(storage, "upload")).toEqual(JSON.parse(PINNED_42ED0D3).run);
  });

  it("imports a progress file a5a2b22 exported, and its format 1 code opens migrated", () => {
    const parsed = parseProgressFile(FILE_A5A2B22);
    if (!parsed.ok) throw new Error(parsed.message);
    const storage = new MemoryStorage();
    expect(importProgress(storage, parsed.file, new Date(NOW))).toEqual({ ok: true });
    expect(loadProgress(storage).progress.lessons.upload?.hintsShown).toBe(2);
    expect(loadCode(storage, "upload", "93c5d318").current?.files["storage.ts"]).toBe(
      "// mine\nexport {};\n",
    );
    expect(JSON.parse(storage.getItem(codeKey("upload")) ?? "null").format).toBe(2);
  });
});
