import { describe, expect, it } from "vitest";
import { MAX_LOG_TEXT } from "../runtime/clipText.ts";
import { checkProtocol } from "./protocol/check.ts";
import { MAX_SITES_PER_SAMPLE } from "./protocol/limits.ts";
import { replayProtocol } from "./protocol/replay.ts";
import { runProtocol, type SampleRow } from "./protocol/run.ts";

const sample: SampleRow = {
  t: 1000,
  handles: 3,
  goroutines: 2,
  timers: 1,
  tickers: 0,
  memoryMiB: 1551.5,
  sites: [{ site: "StorageService.upload (storage.ts:59)", handles: 2 }],
};

describe("a job's protocol", () => {
  it("accepts a well-formed message of the run", () => {
    const message = { type: "samples", runId: 4, samples: [sample] };
    expect(runProtocol.parse(message, 4)).toEqual(message);
  });

  it("ignores messages of another run, so a stopped run's late batch cannot reach the page", () => {
    expect(runProtocol.parse({ type: "samples", runId: 3, samples: [sample] }, 4)).toBeUndefined();
  });

  it("rejects forged shapes: unknown types, NaN figures, unknown error kinds and states", () => {
    expect(runProtocol.parse({ type: "complete", runId: 1 }, 1)).toBeUndefined();
    expect(
      runProtocol.parse({ type: "samples", runId: 1, samples: [{ ...sample, handles: Number.NaN }] }, 1),
    ).toBe(undefined);
    expect(
      runProtocol.parse({ type: "error", runId: 1, error: { kind: "root", message: "x" } }, 1),
    ).toBeUndefined();
    expect(runProtocol.parse({ type: "state", runId: 1, state: "complete" }, 1)).toBeUndefined();
  });

  it("rejects a sample naming more sites than the chart takes", () => {
    const sites = Array.from({ length: MAX_SITES_PER_SAMPLE + 1 }, (_, i) => ({ site: `s${i}`, handles: 1 }));
    expect(
      runProtocol.parse({ type: "samples", runId: 1, samples: [{ ...sample, sites }] }, 1),
    ).toBeUndefined();
  });

  it("rejects a sample without the counts the charts stack", () => {
    const { timers: _dropped, ...withoutTimers } = sample;
    expect(runProtocol.parse({ type: "samples", runId: 1, samples: [withoutTimers] }, 1)).toBeUndefined();
  });

  it("refuses a log line far longer than the worker ever sends (the worker clips them)", () => {
    const line = (message: string) => ({ t: 0, level: "info", message, fields: "" });
    const ok = { type: "logs", runId: 1, logs: [line("x".repeat(MAX_LOG_TEXT))], dropped: 0 };
    expect(runProtocol.parse(ok, 1)).toEqual(ok);
    const huge = { type: "logs", runId: 1, logs: [line("x".repeat(1_000_000))], dropped: 0 };
    expect(runProtocol.parse(huge, 1)).toBeUndefined();
  });

  it("refuses a run error or a check report with a message far longer than the worker sends (the worker clips them)", () => {
    // Whether the page takes it; a failing toBeUndefined would print the five million characters.
    const accepted = (data: unknown) => checkProtocol.parse(data, 1) !== undefined;
    const huge = "x".repeat(5_000_000);
    const clipped = `${"x".repeat(MAX_LOG_TEXT)}… (4,998,000 more characters)`;
    const error = (message: string) => ({
      type: "error",
      runId: 1,
      error: { kind: "load", message, line: 3 },
    });
    expect(accepted(error(clipped))).toBe(true);
    expect(accepted(error(huge))).toBe(false);

    const report = { status: "fail", tests: [], leaks: [], leakReport: "" };
    const checked = (changes: object) => ({ type: "checked", runId: 1, report: { ...report, ...changes } });
    const test = (message: string) => [{ name: "the service runs under traffic", status: "fail", message }];
    expect(accepted(checked({ tests: test(`panic: ${clipped} (storage.ts:61)`) }))).toBe(true);
    expect(accepted(checked({ tests: test(huge) }))).toBe(false);
    expect(accepted(checked({ leakReport: huge }))).toBe(false);
    expect(accepted(checked({ status: "error", error: { message: clipped, line: 3 } }))).toBe(true);
    expect(accepted(checked({ status: "error", error: { message: huge, line: 3 } }))).toBe(false);
  });

  it("refuses a dump, a heap row or a leak naming a function far longer than the runtime reports", () => {
    const name = "f".repeat(100_000);
    const group = {
      count: 1,
      state: "chan receive",
      file: "storage.ts",
      line: 3,
      blockedAt: "",
      longestBlockedMs: 0,
    };
    const dump = (fn: string) => ({
      type: "dump",
      runId: 1,
      groups: [{ ...group, function: fn }],
      heap: [{ function: fn, site: "storage.ts:3", bytes: 8 }],
    });
    expect(runProtocol.parse(dump("StorageService.upload"), 1)).toBeDefined();
    expect(runProtocol.parse(dump(name), 1) === undefined).toBe(true);
    const report = {
      status: "fail",
      tests: [],
      leakReport: "",
      leaks: [{ site: "storage.ts:3", state: "x", count: 1 }],
    };
    const checked = (fn: string) => ({
      type: "checked",
      runId: 1,
      report: { ...report, leaks: [{ ...report.leaks[0], function: fn }] },
    });
    expect(checkProtocol.parse(checked("main"), 1)).toBeDefined();
    expect(checkProtocol.isRefusedEnding(checked(name), 1)).toBe(true);
  });

  it("tells a refused ending (an error, a check report, a replay's end) from other refused messages", () => {
    const huge = "x".repeat(2 * MAX_LOG_TEXT);
    const report = { status: "fail", tests: [], leaks: [], leakReport: huge };
    // The page ends the run on these instead of waiting, heartbeats and all, for an end it refused.
    expect(checkProtocol.isRefusedEnding({ type: "checked", runId: 1, report }, 1)).toBe(true);
    expect(
      runProtocol.isRefusedEnding({ type: "error", runId: 1, error: { kind: "load", message: huge } }, 1),
    ).toBe(true);
    expect(replayProtocol.isRefusedEnding({ type: "replayed", runId: 1, heapProfile: "not a list" }, 1)).toBe(
      true,
    );
    // Accepted, of another run, or not an ending: the run goes on.
    expect(
      checkProtocol.isRefusedEnding({ type: "checked", runId: 1, report: { ...report, leakReport: "" } }, 1),
    ).toBe(false);
    expect(checkProtocol.isRefusedEnding({ type: "checked", runId: 2, report }, 1)).toBe(false);
    // A check's detail (lesson 8's goleak report) is bounded like its message.
    const withDetail = (detail: unknown) => ({
      type: "checked",
      runId: 1,
      report: { ...report, leakReport: "", tests: [{ name: "n", status: "pass", message: "m", detail }] },
    });
    expect(checkProtocol.isRefusedEnding(withDetail("found unexpected goroutines:\n[…]"), 1)).toBe(false);
    expect(checkProtocol.isRefusedEnding(withDetail(huge), 1)).toBe(true);
    expect(checkProtocol.isRefusedEnding(withDetail(42), 1)).toBe(true);
    expect(
      runProtocol.isRefusedEnding({ type: "logs", runId: 1, logs: [{ text: huge }], dropped: 0 }, 1),
    ).toBe(false);
  });

  it("accepts a replay's progress and its end, and refuses events it does not know or figures that are not numbers", () => {
    const row = { minute: 1, clock: "03:01", pod: 2, handles: 1300, memoryMiB: 1660.2 };
    const kill = { ...row, type: "OOMKilled", exitCode: 137 };
    const progress = { type: "replayProgress", runId: 2, samples: [row], events: [kill] };
    expect(replayProtocol.parse(progress, 2)).toEqual(progress);
    expect(replayProtocol.parse({ ...progress, events: [{ ...kill, type: "Evicted" }] }, 2)).toBeUndefined();
    expect(replayProtocol.parse({ ...progress, events: [{ ...kill, exitCode: 1 }] }, 2)).toBeUndefined();
    expect(replayProtocol.parse({ ...progress, samples: [{ ...row, pod: "1" }] }, 2)).toBeUndefined();
    const end = {
      type: "replayed",
      runId: 2,
      heapProfile: [{ function: "StorageService.upload", site: "storage.ts:59", MiB: 157.1 }],
      symptoms: { stuckUploads: 3, staleDevices: 1, requestsDuringRestart: 0 },
    };
    expect(replayProtocol.parse(end, 2)).toEqual(end);
    expect(replayProtocol.parse({ ...end, symptoms: { stuckUploads: 3 } }, 2)).toBeUndefined();
  });

  it("accepts a replay's evidence and refuses one with a dump entry longer than a page shows", () => {
    const evidence = {
      at: 13_380_000,
      heapProfile: [{ function: "StorageService.upload", site: "storage.ts:59", MiB: 157.1 }],
      otherMiB: 40.1,
      goroutines: {
        total: 2889,
        server: 410,
        groups: [{ count: 1486, text: "goroutine 431 [chan receive]:" }],
      },
      logs: ["2024-01-15T03:42:56Z INFO  Upload complete session=u10362"],
    };
    const end = {
      type: "replayed",
      runId: 3,
      heapProfile: [],
      symptoms: { stuckUploads: 0, staleDevices: 0, requestsDuringRestart: 0 },
      evidence,
    };
    expect(replayProtocol.parse(end, 3)).toEqual(end);
    const flood = {
      ...evidence,
      goroutines: { ...evidence.goroutines, groups: [{ count: 1, text: "x".repeat(1e6) }] },
    };
    expect(replayProtocol.parse({ ...end, evidence: flood }, 3)).toBeUndefined();
    expect(
      replayProtocol.parse({ ...end, evidence: { ...evidence, logs: "not a list" } }, 3),
    ).toBeUndefined();
  });
});
