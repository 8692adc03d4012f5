import { describe, expect, it } from "vitest";
import { noticeStore } from "./notices.ts";
import { MemoryStorage } from "./persist/memoryStorage.ts";
import { loadProgress, PROGRESS_KEY } from "./persist/progress.ts";
import { createProgressStore } from "./progressStore.ts";

const NOW = 1_800_000_000_000;

/** Two tabs of the course over one browser's storage. */
function twoTabs(storage = new MemoryStorage()) {
  return { storage, first: createProgressStore(() => storage), second: createProgressStore(() => storage) };
}

/** What the browser fires in every other tab when one writes `key`. */
function storageEvent(storage: MemoryStorage, key: string | null = PROGRESS_KEY): Event {
  return Object.assign(new Event("storage"), { key, storageArea: storage });
}

describe("createProgressStore", () => {
  it("keeps both tabs' changes when a tab opened earlier saves after the other", () => {
    const { storage, first: lesson6, second: lesson9 } = twoTabs();
    lesson9.writeAnswer("postmortem", "q1", "the uploads never closed their channel");
    lesson6.markCompleted("sync", NOW);
    expect(loadProgress(storage).progress.lessons).toEqual({
      postmortem: { texts: { q1: "the uploads never closed their channel" } },
      sync: { completedAt: NOW },
    });
    expect(lesson6.store.getState().lessons.postmortem?.texts?.q1).toBe(
      "the uploads never closed their channel",
    );
  });

  it("keeps another tab's answer to the same lesson while its own failed save waits for room", () => {
    const storage = new MemoryStorage(400);
    storage.setItem("filler", "f".repeat(300));
    const { first, second } = twoTabs(storage);
    const target = new EventTarget();
    first.listen(target);
    first.writeAnswer("postmortem", "q1", "a".repeat(100)); // No room: waits in this tab.
    storage.removeItem("filler");
    second.writeAnswer("postmortem", "q2", "the ticker was never stopped");
    target.dispatchEvent(storageEvent(storage));
    first.markCompleted("sync", NOW); // Lands, with both answers.
    expect(loadProgress(storage).progress.lessons.postmortem?.texts).toEqual({
      q1: "a".repeat(100),
      q2: "the ticker was never stopped",
    });
  });

  it("keeps the time of a completion another tab saved first", () => {
    const { storage, first, second } = twoTabs();
    first.markCompleted("upload", NOW);
    second.markCompleted("upload", NOW + 60_000);
    expect(loadProgress(storage).progress.lessons.upload?.completedAt).toBe(NOW);
  });

  it("reads another tab's save into its store on a storage event, until it stops listening", () => {
    const { storage, first, second } = twoTabs();
    const target = new EventTarget();
    const stop = first.listen(target);
    second.answerQuestion("page", "first-read", 2);
    target.dispatchEvent(storageEvent(storage));
    expect(first.store.getState().lessons.page?.answers).toEqual({ "first-read": 2 });

    stop();
    second.markCompleted("page", NOW);
    target.dispatchEvent(storageEvent(storage));
    expect(first.store.getState().lessons.page?.completedAt).toBeUndefined();
  });

  it("ignores storage events for other keys and other storages", () => {
    const { storage, first, second } = twoTabs();
    const target = new EventTarget();
    first.listen(target);
    second.markCompleted("upload", NOW);
    target.dispatchEvent(storageEvent(storage, "leak-lab:code:upload"));
    target.dispatchEvent(Object.assign(new Event("storage"), { key: PROGRESS_KEY, storageArea: {} }));
    expect(first.store.getState().lessons).toEqual({});
  });

  it("keeps a change whose save failed for a full storage, and saves it with the next change that fits", () => {
    const storage = new MemoryStorage(300);
    storage.setItem("other-site-data", "x".repeat(250));
    const tab = createProgressStore(() => storage);
    tab.writeAnswer("postmortem", "q1", "the uploads never closed their channel");
    expect(loadProgress(storage).progress.lessons).toEqual({});
    expect(noticeStore.getState().notices.map((notice) => notice.id)).toContain("save-failed:your progress");
    expect(tab.store.getState().lessons.postmortem?.texts?.q1).toBe("the uploads never closed their channel");

    storage.removeItem("other-site-data");
    tab.markCompleted("upload", NOW);
    expect(loadProgress(storage).progress.lessons).toEqual({
      postmortem: { texts: { q1: "the uploads never closed their channel" } },
      upload: { completedAt: NOW },
    });
    expect(noticeStore.getState().notices.map((notice) => notice.id)).not.toContain(
      "save-failed:your progress",
    );
  });

  it("builds on its own copy over a damaged entry, which is kept aside", () => {
    const storage = new MemoryStorage();
    storage.setItem(PROGRESS_KEY, "{not json");
    const tab = createProgressStore(() => storage);
    expect(noticeStore.getState().notices.map((notice) => notice.id)).toContain("progress-damaged");
    tab.setHintsShown("upload", 1);
    tab.markCompleted("upload", NOW);
    expect(loadProgress(storage).progress.lessons).toEqual({ upload: { hintsShown: 1, completedAt: NOW } });
    expect(storage.getItem(`${PROGRESS_KEY}:unreadable`)).toBe("{not json");
  });

  it("keeps its changes for the page's life where the browser stores nothing", () => {
    const tab = createProgressStore(() => undefined);
    tab.setHintsShown("upload", 2);
    tab.recordRun("upload", { minutes: 10, handles: 12, memoryMiB: 1551.2 }, "own code");
    expect(tab.store.getState().lessons.upload).toEqual({
      hintsShown: 2,
      lastRun: { minutes: 10, handles: 12, memoryMiB: 1551.2 },
    });
  });

  it("keeps the starter's run apart from the learner's own, and both survive a reload", () => {
    const storage = new MemoryStorage();
    const tab = createProgressStore(() => storage);
    tab.recordRun("upload", { minutes: 60, handles: 1450, memoryMiB: 1729.8 }, "starter");
    tab.recordRun("upload", { minutes: 60, handles: 9, memoryMiB: 1557.5 }, "own code");
    tab.recordRun("upload", { minutes: 10, handles: 240, memoryMiB: 1580 }, "starter");
    expect(loadProgress(storage).progress.lessons.upload).toEqual({
      starterRun: { minutes: 10, handles: 240, memoryMiB: 1580 },
      lastRun: { minutes: 60, handles: 9, memoryMiB: 1557.5 },
    });
  });
});
