import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { editorStore, replaceFileText, setFileText } from "../editorStore.ts";
import { MemoryStorage } from "./memoryStorage.ts";
import { loadCode } from "./savedCode.ts";
import { SAVE_AFTER_MS, watchEditorCode } from "./watchEditorCode.ts";

let storage: MemoryStorage;
const start = () =>
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
});
