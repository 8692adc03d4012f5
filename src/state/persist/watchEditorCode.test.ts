import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { editorStore, replaceFileText, setFileText } from "../editorStore.ts";
import { noticeStore } from "../notices.ts";
import { MemoryStorage } from "./memoryStorage.ts";
import { exportProgress } from "./progressFile.ts";
import { loadCode } from "./savedCode.ts";
import { SAVE_AFTER_MS, unwrittenCode, watchEditorCode } from "./watchEditorCode.ts";

let storage: MemoryStorage;
const start = (): (() => void) =>
  watchEditorCode({
    slug: "upload",
    starter: "s1",
    names: ["storage.ts"],
    initial: { "storage.ts": "starter" },
    storage: () => storage,
  }).stop;

beforeEach(() => {
  vi.useFakeTimers();
  storage = new MemoryStorage();
  editorStore.setState({ texts: { "storage.ts": "starter" }, replace: undefined });
});

afterEach(() => {
  vi.useRealTimers();
});

const saved = () => loadCode(storage, "upload", "s1");
/** A replacement as the editor carries it out: the request, then the editor's new text. */
const replaceWith = (text: string) => {
  replaceFileText("storage.ts", text);
  setFileText("storage.ts", text);
};

describe("watchEditorCode", () => {
  it("writes a change SAVE_AFTER_MS after it is made, and not before", () => {
    const stop = start();
    setFileText("storage.ts", "mine");
    vi.advanceTimersByTime(SAVE_AFTER_MS - 1);
    expect(saved().current).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(saved().current?.files).toEqual({ "storage.ts": "mine" });
    stop();
  });

  it("keeps the code a replacement replaces, even when it was typed a moment before", () => {
    const stop = start();
    setFileText("storage.ts", "mine, not saved yet");
    replaceFileText("storage.ts", "starter");
    // The write-ahead is synchronous: nothing has to wait for a timer.
    expect(saved().current?.files).toEqual({ "storage.ts": "mine, not saved yet" });
    expect(saved().beforeReplace[0]?.files).toEqual({ "storage.ts": "mine, not saved yet" });
    setFileText("storage.ts", "starter");
    vi.advanceTimersByTime(SAVE_AFTER_MS);
    expect(saved().current?.files).toEqual({ "storage.ts": "starter" });
    expect(saved().beforeReplace[0]?.files).toEqual({ "storage.ts": "mine, not saved yet" });
    stop();
  });

  it("keeps the replaced code when the editor applies the replacement before autosave hears of it", () => {
    // An editor listening first, which applies the request at once (a nested store update).
    const editor = editorStore.subscribe(() => {
      const { replace, texts } = editorStore.getState();
      if (replace && texts[replace.file] !== replace.text) setFileText(replace.file, replace.text);
    });
    const stop = start();
    setFileText("storage.ts", "mine");
    replaceFileText("storage.ts", "the solution");
    expect(saved().beforeReplace[0]?.files).toEqual({ "storage.ts": "mine" });
    vi.advanceTimersByTime(SAVE_AFTER_MS);
    expect(saved().current?.files).toEqual({ "storage.ts": "the solution" });
    stop();
    editor();
  });

  it("keeps no copy of text a replacement put there untouched, nor of a replacement that changes nothing", () => {
    const stop = start();
    setFileText("storage.ts", "mine");
    replaceFileText("storage.ts", "the solution"); // Apply: "mine" is copied.
    setFileText("storage.ts", "the solution");
    replaceFileText("storage.ts", "mine"); // Undo: the solution is not the learner's code.
    setFileText("storage.ts", "mine");
    replaceFileText("storage.ts", "mine"); // Changes nothing.
    vi.advanceTimersByTime(SAVE_AFTER_MS);
    expect(saved().beforeReplace.map((copy) => copy.files["storage.ts"])).toEqual(["mine"]);
    expect(saved().current?.files).toEqual({ "storage.ts": "mine" });
    stop();
  });

  it("copies the learner's code again when Undo has put it back and it is replaced once more", () => {
    const stop = start();
    setFileText("storage.ts", "mine");
    replaceWith("the solution"); // Apply: "mine" is copied.
    for (const attempt of ["try 1", "try 2", "try 3"]) {
      setFileText("storage.ts", attempt);
      replaceWith("starter"); // Three copies: "mine" is pushed out.
    }
    replaceWith("mine"); // Undo (the bar stayed up): the learner's code is back…
    replaceWith("starter"); // …and a Reset replaces it: it is theirs, so it is copied again.
    vi.advanceTimersByTime(SAVE_AFTER_MS);
    expect(saved().beforeReplace[0]?.files).toEqual({ "storage.ts": "mine" });
    stop();
  });

  it("says storage refused, not that it is full, when there is no storage at all", () => {
    // Another lesson's slug: what this page could not write stays with it, apart from the upload tests.
    const stop = watchEditorCode({
      slug: "sync",
      starter: "s1",
      names: ["storage.ts"],
      initial: { "storage.ts": "starter" },
      storage: () => undefined,
    }).stop;
    setFileText("storage.ts", "mine");
    replaceWith("starter");
    const ids = noticeStore.getState().notices.map((notice) => notice.id);
    expect(ids).toContain("save-failed:your code");
    expect(ids).not.toContain("write-ahead-failed:sync");
    stop();
  });

  describe("when storage has no room for the write-ahead copy", () => {
    // Room for one saved version of a short file, not for a version and its copy.
    const mine = "m".repeat(200);
    beforeEach(() => {
      storage = new MemoryStorage(400);
    });

    it("never saves the replacement over the learner's code, and keeps trying the copy", () => {
      const stop = start();
      setFileText("storage.ts", mine);
      replaceFileText("storage.ts", "starter");
      setFileText("storage.ts", "starter");
      vi.advanceTimersByTime(SAVE_AFTER_MS);
      // The smaller replacement would fit; it is not written, so the learner's code stays the saved code.
      expect(saved().current?.files).toEqual({ "storage.ts": mine });
      setFileText("storage.ts", "starter, edited");
      vi.advanceTimersByTime(SAVE_AFTER_MS);
      expect(saved().current?.files).toEqual({ "storage.ts": mine });
      // Room again: the copy and the new code land together.
      storage = new MemoryStorage();
      setFileText("storage.ts", "starter, edited again");
      vi.advanceTimersByTime(SAVE_AFTER_MS);
      expect(saved().current?.files).toEqual({ "storage.ts": "starter, edited again" });
      expect(saved().beforeReplace[0]?.files).toEqual({ "storage.ts": mine });
      expect(unwrittenCode().filter(({ slug }) => slug === "upload")).toEqual([]);
      stop();
    });

    it("keeps every copy waiting for room, and writes them all once there is some", () => {
      // Room for the saved code, not for a copy beside it, until the filler goes.
      storage = new MemoryStorage(900);
      storage.setItem("filler", "f".repeat(400));
      const stop = start();
      setFileText("storage.ts", mine);
      vi.advanceTimersByTime(SAVE_AFTER_MS);
      replaceWith("starter"); // Reset: no room for the copy of mine.
      setFileText("storage.ts", "typed after the Reset");
      replaceWith("the solution"); // Apply: no room for this copy either.
      vi.advanceTimersByTime(SAVE_AFTER_MS);
      expect(saved().current?.files).toEqual({ "storage.ts": mine });
      storage.removeItem("filler");
      setFileText("storage.ts", "the solution, edited");
      vi.advanceTimersByTime(SAVE_AFTER_MS);
      expect(saved().current?.files).toEqual({ "storage.ts": "the solution, edited" });
      expect(saved().beforeReplace.map((copy) => copy.files["storage.ts"])).toEqual([
        "typed after the Reset",
        mine,
      ]);
      expect(unwrittenCode().filter(({ slug }) => slug === "upload")).toEqual([]);
      stop();
    });

    it("still holds a waiting copy when the lesson is left and opened again", () => {
      const quota = 2000;
      storage = new MemoryStorage(quota);
      const stop = start();
      setFileText("storage.ts", mine);
      vi.advanceTimersByTime(SAVE_AFTER_MS);
      // Filled up to 50 characters short of full: a copy of mine beside any code will not fit.
      const used = (storage.getItem("leak-lab:code:upload") ?? "").length + "leak-lab:code:upload".length;
      storage.setItem("filler", "f".repeat(quota - used - "filler".length - 50));
      replaceWith("starter");
      setFileText("storage.ts", "starter, edited");
      stop(); // The lesson is left: its pending code cannot be written either.
      const reopened = watchEditorCode({
        slug: "upload",
        starter: "s1",
        names: ["storage.ts"],
        // What autosave.ts opens the lesson with: the code this page could not write.
        initial: unwrittenCode().find(({ slug }) => slug === "upload")?.code.files ?? {},
        storage: () => storage,
      });
      setFileText("storage.ts", "starter, edited again");
      vi.advanceTimersByTime(SAVE_AFTER_MS);
      expect(saved().current?.files).toEqual({ "storage.ts": mine });
      storage.removeItem("filler");
      setFileText("storage.ts", "starter, edited once more");
      vi.advanceTimersByTime(SAVE_AFTER_MS);
      expect(saved().current?.files).toEqual({ "storage.ts": "starter, edited once more" });
      expect(saved().beforeReplace[0]?.files).toEqual({ "storage.ts": mine });
      reopened.stop();
    });

    it("exports a damaged entry beside the code that could not be written over it", () => {
      storage = new MemoryStorage(300);
      storage.setItem("leak-lab:code:upload", `{${"d".repeat(200)}`);
      const stop = start();
      setFileText("storage.ts", "mine");
      vi.advanceTimersByTime(SAVE_AFTER_MS); // No room to keep the damaged text aside: nothing is written.
      const { entries } = exportProgress(storage, new Date(0), unwrittenCode());
      expect(entries["leak-lab:code:upload:unreadable:export"]).toBe(`{${"d".repeat(200)}`);
      expect(JSON.stringify(entries["leak-lab:code:upload"])).toContain('"storage.ts":"mine"');
      storage = new MemoryStorage();
      stop();
    });

    it("exports the code that could not be written, with its copy", () => {
      const stop = start();
      setFileText("storage.ts", mine);
      replaceFileText("storage.ts", "starter");
      setFileText("storage.ts", "starter, edited");
      vi.advanceTimersByTime(SAVE_AFTER_MS);
      const exported = exportProgress(storage, new Date(0), unwrittenCode()).entries[
        "leak-lab:code:upload"
      ] as {
        versions: { files: Record<string, string> }[];
        beforeReplace: { files: Record<string, string> }[];
      };
      expect(exported.versions[0]?.files).toEqual({ "storage.ts": "starter, edited" });
      expect(exported.beforeReplace[0]?.files).toEqual({ "storage.ts": mine });
      stop();
      storage = new MemoryStorage();
      // Written at last (stop writes what is pending), so there is nothing left over for the next test.
      start()();
    });
  });
});
