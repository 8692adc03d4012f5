import { describe, expect, it } from "vitest";
import type { Site } from "../stack.ts";
import type { TaskView } from "./describeTask.ts";
import { formatDumpDebug1, formatDumpDebug2, groupTasks, stateLabel } from "./formatDump.ts";

function site(fn: string, file: string, line: number): Site {
  return { fn, file, line, key: `${file}:${line}` };
}

const upload = site("StorageService.upload", "storage.ts", 67);
const uploadProgress = site("StorageService.upload.func1", "storage.ts", 71);
const poll = site("Poller.start", "poller.ts", 12);
const pollSelect = site("Poller.start.func1", "poller.ts", 15);
const main = site("main", "main.ts", 3);

function task(id: number, overrides: Partial<TaskView> = {}): TaskView {
  return {
    id,
    name: undefined,
    state: "chan receive",
    blockedFor: 0,
    blockSite: uploadProgress,
    createSite: upload,
    parentId: 1,
    bytes: 8192,
    ...overrides,
  };
}

describe("stateLabel", () => {
  it("is the bare state under a minute blocked", () => {
    expect(stateLabel(task(2, { blockedFor: 59_999 }))).toBe("chan receive");
  });

  it("adds whole minutes from one minute blocked, as Go prints them", () => {
    expect(stateLabel(task(2, { blockedFor: 60_000 }))).toBe("chan receive, 1 minutes");
    expect(stateLabel(task(2, { state: "select", blockedFor: 42 * 60_000 + 59_000 }))).toBe(
      "select, 42 minutes",
    );
  });
});

describe("formatDumpDebug2", () => {
  it("prints each task with its state, blocking frame and creator, separated by blank lines", () => {
    const text = formatDumpDebug2([
      task(7, { blockedFor: 42 * 60_000 }),
      task(8, { state: "select", blockSite: pollSelect, createSite: poll, blockedFor: 30_000 }),
    ]);
    expect(text).toBe(
      [
        "goroutine 7 [chan receive, 42 minutes]:",
        "StorageService.upload.func1()",
        "\tstorage.ts:71",
        "created by StorageService.upload in goroutine 1",
        "\tstorage.ts:67",
        "",
        "goroutine 8 [select]:",
        "Poller.start.func1()",
        "\tpoller.ts:15",
        "created by Poller.start in goroutine 1",
        "\tpoller.ts:12",
      ].join("\n"),
    );
  });

  it("leaves out the blocking frame when none is known and the parent when there is none", () => {
    const text = formatDumpDebug2([
      task(1, { state: "runnable", blockSite: undefined, createSite: main, parentId: undefined }),
    ]);
    expect(text).toBe("goroutine 1 [runnable]:\ncreated by main\n\tmain.ts:3");
  });

  it("is empty for no tasks", () => {
    expect(formatDumpDebug2([])).toBe("");
  });
});

describe("groupTasks", () => {
  it("groups tasks by state, blocking site and creation site, largest group first", () => {
    const groups = groupTasks([
      task(2, { state: "select", blockSite: pollSelect, createSite: poll, blockedFor: 1000 }),
      task(3, { blockedFor: 5000 }),
      task(4, { blockedFor: 9000 }),
      task(5, { state: "chan send", blockedFor: 100 }),
      task(6, { blockedFor: 2000 }),
    ]);
    expect(groups).toEqual([
      {
        count: 3,
        state: "chan receive",
        blockSite: uploadProgress,
        createSite: upload,
        longestBlocked: 9000,
        ids: [3, 4, 6],
      },
      { count: 1, state: "select", blockSite: pollSelect, createSite: poll, longestBlocked: 1000, ids: [2] },
      {
        count: 1,
        state: "chan send",
        blockSite: uploadProgress,
        createSite: upload,
        longestBlocked: 100,
        ids: [5],
      },
    ]);
  });

  it("keeps tasks from one creation site apart when they block at different lines", () => {
    const elsewhere = site("StorageService.upload.func1", "storage.ts", 80);
    const groups = groupTasks([task(2), task(3, { blockSite: elsewhere })]);
    expect(groups.map((group) => [group.blockSite?.key, group.ids])).toEqual([
      ["storage.ts:71", [2]],
      ["storage.ts:80", [3]],
    ]);
  });

  it("breaks ties by creation site, then state, then oldest task", () => {
    const groups = groupTasks([
      task(9, { state: "sleep", blockSite: undefined, createSite: upload }),
      task(8, { state: "select", blockSite: undefined, createSite: upload }),
      task(7, { state: "select", blockSite: pollSelect, createSite: poll }),
      task(6, { state: "select", blockSite: undefined, createSite: poll }),
    ]);
    expect(groups.map((group) => group.ids[0])).toEqual([6, 7, 8, 9]);
  });
});

describe("formatDumpDebug1", () => {
  it("prints the total then each group with its count, state, blocking frame and creator", () => {
    const text = formatDumpDebug1([
      task(2, { state: "select", blockSite: pollSelect, createSite: poll }),
      task(3),
      task(4),
      task(5),
      task(6, { state: "running", blockSite: undefined, createSite: main, parentId: undefined }),
    ]);
    expect(text).toBe(
      [
        "goroutine profile: total 5",
        "",
        "3 @ [chan receive]",
        "#\tStorageService.upload.func1\tstorage.ts:71",
        "#\tcreated by StorageService.upload\tstorage.ts:67",
        "",
        "1 @ [running]",
        "#\tcreated by main\tmain.ts:3",
        "",
        "1 @ [select]",
        "#\tPoller.start.func1\tpoller.ts:15",
        "#\tcreated by Poller.start\tpoller.ts:12",
      ].join("\n"),
    );
  });

  it("prints only the total when there are no tasks", () => {
    expect(formatDumpDebug1([])).toBe("goroutine profile: total 0");
  });
});
