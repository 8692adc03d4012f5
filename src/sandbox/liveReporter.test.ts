import { describe, expect, it } from "vitest";
import { MAX_LOG_TEXT } from "../runtime/clipText.ts";
import type { Task } from "../runtime/task.ts";
import { LearnerCodeError } from "../sim/learnerCode.ts";
import type { LivePodOutcome } from "../sim/livePod.ts";
import type { PodEvent } from "../sim/podLifecycle.ts";
import type { FromWorker } from "./protocol/index.ts";
import { LiveReporter, loadError, syntaxError } from "./worker/liveReporter.ts";

const RUN_ID = 9;
const FILE = "storage.ts";

/** A reporter whose batcher and dump only say that they were asked, in the one list of what the page got. */
function reporter() {
  const sent: (FromWorker | "flush" | "close")[] = [];
  const report = new LiveReporter({
    runId: RUN_ID,
    fileName: FILE,
    send: (message) => sent.push(message),
    batcher: { flush: () => sent.push("flush"), close: () => sent.push("close") },
    dump: () => sent.push({ type: "dump", runId: RUN_ID, groups: [], heap: [] }),
  });
  return { report, sent };
}

/** An error thrown at `line` of the learner's file. */
function thrownAt(message: string, line: number): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}\n    at StorageService.upload (${FILE}:${line}:7)\n    at run (bundle.js:1:1)`;
  return error;
}

const dumped = { type: "dump", runId: RUN_ID, groups: [], heap: [] };
const finished = { type: "state", runId: RUN_ID, state: "finished" };
const errorOf = (error: object) => ({ type: "error", runId: RUN_ID, error });

describe("LiveReporter", () => {
  it("sends a pod event after the samples that led to it", () => {
    const { report, sent } = reporter();
    const kill: PodEvent = { type: "OOMKilled", t: 60_000, exitCode: 137, handles: 4000, memoryMiB: 2050 };
    report.podEvent(kill);
    expect(sent).toEqual(["flush", { type: "podEvent", runId: RUN_ID, event: kill }]);
  });

  it("ends a run that reached its deadline with its last samples, a dump and finished, and no error", () => {
    const { report, sent } = reporter();
    report.stopped({ kind: "deadline", now: 86_400_000 });
    expect(sent).toEqual(["flush", dumped, "close", finished]);
    expect(report.over).toBe(true);
  });

  it("says only paused when the run pauses, and the run goes on", () => {
    const { report, sent } = reporter();
    report.stopped({ kind: "paused", now: 1000 });
    expect(sent).toEqual(["flush", { type: "state", runId: RUN_ID, state: "paused" }]);
    expect(report.over).toBe(false);
  });

  it("says a panic at the learner's line", () => {
    const { report, sent } = reporter();
    const panic: LivePodOutcome = { kind: "panic", now: 5, error: thrownAt("boom", 12), task: {} as Task };
    report.stopped(panic);
    expect(sent).toEqual([
      "flush",
      errorOf({ kind: "panic", message: "panic: boom", line: 12 }),
      dumped,
      "close",
      finished,
    ]);
  });

  it("says a deadlock as Go does", () => {
    const { report, sent } = reporter();
    report.stopped({ kind: "deadlock", now: 5, message: "all goroutines are asleep - deadlock!" });
    expect(sent[1]).toEqual(
      errorOf({ kind: "deadlock", message: "fatal error: all goroutines are asleep - deadlock!" }),
    );
  });

  it("says a restart's throw at load at the learner's line", () => {
    const { report, sent } = reporter();
    report.stopped({ kind: "load", now: 420_000, error: thrownAt("no", 2) });
    expect(sent).toEqual([
      "flush",
      errorOf({ kind: "load", message: "no", line: 2 }),
      dumped,
      "close",
      finished,
    ]);
  });

  it("ends a run that could not start with its error and finished, and no dump", () => {
    const { report, sent } = reporter();
    report.couldNotStart(syntaxError({ line: 3, message: "';' expected" }));
    expect(sent).toEqual([
      errorOf({ kind: "syntax", message: "syntax error: ';' expected", line: 3 }),
      "close",
      finished,
    ]);
    expect(report.over).toBe(true);
  });

  it("says a rejection nobody awaited as a panic", () => {
    const { report, sent } = reporter();
    report.rejected(thrownAt("lost", 40));
    expect(sent).toEqual([
      errorOf({
        kind: "panic",
        message: "panic: lost (a promise rejected and nothing awaited it)",
        line: 40,
      }),
    ]);
  });
});

describe("loadError", () => {
  it("takes the line a LearnerCodeError knows, and clips what the learner threw", () => {
    expect(
      loadError(new LearnerCodeError(`${FILE} must export the class StorageService`, FILE, 1), FILE),
    ).toEqual({
      kind: "load",
      message: "storage.ts must export the class StorageService",
      line: 1,
    });
    expect(loadError("x".repeat(5000), FILE).message.length).toBeLessThan(MAX_LOG_TEXT + 40);
    expect(loadError(new Error("no line"), FILE)).toEqual({ kind: "load", message: "no line" });
  });
});
