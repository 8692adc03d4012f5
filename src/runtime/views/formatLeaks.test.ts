import { describe, expect, it } from "vitest";
import type { Site } from "../stack.ts";
import type { TaskView } from "./describeTask.ts";
import { formatLeakReport, groupLeaks } from "./formatLeaks.ts";

function site(fn: string, file: string, line: number): Site {
  return { fn, file, line, key: `${file}:${line}` };
}

const upload = site("StorageService.upload", "storage.ts", 67);
const uploadProgress = site("StorageService.upload.func1", "storage.ts", 71);
const poll = site("Poller.start", "poller.ts", 12);
const pollSelect = site("Poller.start.func1", "poller.ts", 15);

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

describe("formatLeakReport", () => {
  it("is the empty string when nothing leaked", () => {
    expect(formatLeakReport([])).toBe("");
  });

  it("lists one leaked task with its state, top function and dump entry", () => {
    expect(formatLeakReport([task(7, { blockedFor: 3 * 60_000 })])).toBe(
      [
        "found unexpected goroutines:",
        "[Goroutine 7 in state chan receive, with StorageService.upload.func1 on top of the stack:",
        "goroutine 7 [chan receive, 3 minutes]:",
        "StorageService.upload.func1()",
        "\tstorage.ts:71",
        "created by StorageService.upload in goroutine 1",
        "\tstorage.ts:67",
        "]",
      ].join("\n"),
    );
  });

  it("prints identical leaks once with a count of the others, largest group first", () => {
    const text = formatLeakReport([
      task(2, { state: "select", blockSite: pollSelect, createSite: poll }),
      task(3),
      task(4),
      task(5),
    ]);
    expect(text).toBe(
      [
        "found unexpected goroutines:",
        "[Goroutine 3 in state chan receive, with StorageService.upload.func1 on top of the stack:",
        "goroutine 3 [chan receive]:",
        "StorageService.upload.func1()",
        "\tstorage.ts:71",
        "created by StorageService.upload in goroutine 1",
        "\tstorage.ts:67",
        "... and 2 more goroutines like this one",
        "]",
        "[Goroutine 2 in state select, with Poller.start.func1 on top of the stack:",
        "goroutine 2 [select]:",
        "Poller.start.func1()",
        "\tpoller.ts:15",
        "created by Poller.start in goroutine 1",
        "\tpoller.ts:12",
        "]",
      ].join("\n"),
    );
  });

  it("names the creating function on top of the stack when the blocking site is unknown", () => {
    const text = formatLeakReport([task(4, { state: "await", blockSite: undefined, parentId: undefined })]);
    expect(text).toBe(
      [
        "found unexpected goroutines:",
        "[Goroutine 4 in state await, with StorageService.upload on top of the stack:",
        "goroutine 4 [await]:",
        "created by StorageService.upload",
        "\tstorage.ts:67",
        "]",
      ].join("\n"),
    );
  });
});

describe("groupLeaks", () => {
  it("counts leaks by creation site and state, largest first", () => {
    expect(
      groupLeaks([
        task(2, { state: "select", blockSite: pollSelect, createSite: poll }),
        task(3),
        task(4, { blockSite: site("StorageService.upload.func1", "storage.ts", 80) }),
        task(5, { state: "chan send" }),
        task(6),
      ]),
    ).toEqual([
      { site: "storage.ts:67", function: "StorageService.upload", state: "chan receive", count: 3 },
      { site: "poller.ts:12", function: "Poller.start", state: "select", count: 1 },
      { site: "storage.ts:67", function: "StorageService.upload", state: "chan send", count: 1 },
    ]);
  });

  it("is empty when nothing leaked", () => {
    expect(groupLeaks([])).toEqual([]);
  });
});
