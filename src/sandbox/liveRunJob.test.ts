/**
 * The worker's live run, driven in Node with Node's evaluator standing in for the worker's: a leaky service run
 * for hours of virtual time is OOM-killed and restarted like a pod, again and again, so what it holds stays
 * bounded; its fix is never killed; the run's clock goes on across restarts; every message passes the page's
 * validation. (The browser's long run, e2e/longRun.spec.ts, takes a whole virtual day.)
 */
import { readFileSync } from "node:fs";
import { compileFunction } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { goStarterWithoutUploadChunk, goStarterWithTypo } from "../../cli/brokenGoStarter.ts";
import { nodeGoParser } from "../../cli/go.ts";
import { MAX_LOG_TEXT } from "../runtime/clipText.ts";
import * as runtime from "../runtime/index.ts";
import { BASELINE_MEMORY_MIB, POD_LIMIT_MIB, RESTART_DELAY_MS } from "../sim/calibration.ts";
import { DEFAULT_KNOBS } from "../sim/liveScenario.ts";
import type { PodEvent } from "../sim/podLifecycle.ts";
import { type GoServiceLoader, goServiceModule } from "./goServiceModule.ts";
import type { FromWorker } from "./protocol/index.ts";
import { runProtocol, type SampleRow, type StartRun } from "./protocol/run.ts";
import { learnerGlobals } from "./virtualGlobals.ts";
import { type LiveRun, startLiveRun } from "./worker/liveRunJob.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/**
 * Long enough for the starter to be OOM-killed three times (a pod lasts about 2 h 50 min at the default
 * traffic), and for its fix to outlive three of the starter's pods.
 */
const THREE_PODS = 9 * 60 * MINUTE;
const STARTER = readFileSync("lessons/04-upload/storage.ts", "utf8");
const SOLUTION = readFileSync("solutions/04-upload/storage.ts", "utf8");

function nodeEvaluate(code: string, fileName: string) {
  const factory = compileFunction(code, ["require", "exports", "module"], {
    filename: fileName,
    contextExtensions: [learnerGlobals],
  });
  const module = { exports: {} as Record<string, unknown> };
  factory((name: string) => (name === "leak-lab/runtime" ? runtime : undefined), module.exports, module);
  return module.exports;
}

const job = (source: string, untilMs: number): StartRun => ({
  type: "start",
  runId: 3,
  lesson: "upload",
  fileName: "storage.ts",
  source,
  speed: Number.POSITIVE_INFINITY,
  untilMs,
  traffic: DEFAULT_KNOBS,
});

interface Run {
  readonly control: LiveRun;
  readonly messages: FromWorker[];
  readonly samples: SampleRow[];
  readonly events: PodEvent[];
  /** Resolves at the run's `state: finished`. */
  readonly finished: Promise<void>;
  /** Resolves at the next message that `matches`. */
  next(matches: (message: FromWorker) => boolean): Promise<FromWorker>;
}

function start(request: StartRun, goServices?: GoServiceLoader): Run {
  const messages: FromWorker[] = [];
  const samples: SampleRow[] = [];
  const events: PodEvent[] = [];
  const waiting: { matches: (message: FromWorker) => boolean; resolve: (message: FromWorker) => void }[] = [];
  let markFinished = () => {};
  const finished = new Promise<void>((resolve) => {
    markFinished = resolve;
  });
  const send = (message: FromWorker) => {
    // What the page would accept, and nothing else.
    expect(runProtocol.parse(structuredClone(message), request.runId)).toEqual(message);
    messages.push(message);
    if (message.type === "samples") samples.push(...message.samples);
    if (message.type === "podEvent") events.push(message.event);
    for (const waiter of waiting.filter((w) => w.matches(message))) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(message);
    }
    if (message.type === "state" && message.state === "finished") markFinished();
  };
  // No real interval: the job flushes at every pod event and at the end, which is all a test reads.
  const control = startLiveRun(request, {
    evaluate: nodeEvaluate,
    send,
    every: () => {},
    ...(goServices && { goServices }),
  });
  const next = (matches: (message: FromWorker) => boolean) =>
    new Promise<FromWorker>((resolve) => waiting.push({ matches, resolve }));
  return { control, messages, samples, events, finished, next };
}

const ofType = (events: readonly PodEvent[], type: PodEvent["type"]) =>
  events.filter((event) => event.type === type);

describe("startLiveRun", () => {
  it("OOM-kills the upload starter at the pod's limit and restarts it, again and again", async () => {
    const run = start(job(STARTER, THREE_PODS));
    await run.finished;

    const kills = ofType(run.events, "OOMKilled");
    const restarts = ofType(run.events, "Restarted");
    expect(kills.length).toBeGreaterThanOrEqual(3);
    expect(restarts.length).toBeGreaterThanOrEqual(kills.length - 1);
    for (const kill of kills) {
      expect(kill.exitCode).toBe(137);
      expect(kill.memoryMiB).toBeGreaterThanOrEqual(POD_LIMIT_MIB);
    }
    // Each restart comes the restart delay after its kill, on a fresh pod holding only the baseline.
    restarts.forEach((restart, i) => {
      expect(restart.t - (kills[i]?.t ?? 0)).toBe(RESTART_DELAY_MS);
      expect(restart.memoryMiB).toBeLessThan(BASELINE_MEMORY_MIB + 10);
    });
    // An alert before each kill: five minutes above 90% come before the limit at this leak's pace.
    expect(ofType(run.events, "AlertFired").length).toBeGreaterThanOrEqual(kills.length);

    // The run's clock goes on across restarts, a sample a second, to the end of the run.
    const times = run.samples.map((sample) => sample.t);
    expect(times.at(-1)).toBe(THREE_PODS);
    expect(times.every((t, i) => i === 0 || t === (times[i - 1] ?? 0) + 1000)).toBe(true);
    // While down, the pod holds nothing.
    const firstKill = kills[0]?.t ?? 0;
    const down = run.samples.filter(
      (sample) => sample.t > firstKill && sample.t < firstKill + RESTART_DELAY_MS,
    );
    expect(down).toHaveLength(RESTART_DELAY_MS / 1000 - 1);
    expect(down.every((sample) => sample.handles === 0 && sample.memoryMiB === 0)).toBe(true);

    // Bounded: the memory check every 10 s lets a pod pass its limit a little (10 s of the leak, uploads in
    // flight), never by much; and no pod holds more handles than the first one died with (a margin for the
    // traffic's ups and downs). Left to run, the starter would hold ~13,000 leaked reporters after nine hours.
    const peakMemory = Math.max(...run.samples.map((sample) => sample.memoryMiB));
    expect(peakMemory).toBeLessThan(POD_LIMIT_MIB * 1.01);
    const peakHandles = Math.max(...run.samples.map((sample) => sample.handles));
    expect(peakHandles).toBeLessThanOrEqual((kills[0]?.handles ?? 0) * 1.1);
    expect(peakHandles).toBeLessThan(10_000);
    expect(run.messages.filter((message) => message.type === "error")).toEqual([]);
  }, 120_000);

  it("never kills the fixed service in the time the starter loses three pods", async () => {
    const run = start(job(SOLUTION, THREE_PODS));
    await run.finished;
    expect(run.events).toEqual([]);
    expect(run.samples.at(-1)?.t).toBe(THREE_PODS);
    expect(Math.max(...run.samples.map((sample) => sample.memoryMiB))).toBeLessThan(POD_LIMIT_MIB * 0.9);
  }, 120_000);

  it("pauses, dumps and resumes across a restart", async () => {
    const run = start(job(STARTER, 6 * 60 * MINUTE));
    const restart = await run.next(
      (message) => message.type === "podEvent" && message.event.type === "Restarted",
    );
    const kill = ofType(run.events, "OOMKilled")[0];
    const paused = run.next((message) => message.type === "state");
    run.control.pause();
    expect(await paused).toMatchObject({ state: "paused" });
    const dumped = run.next((message) => message.type === "dump");
    run.control.dump();
    const dump = await dumped;
    // The fresh pod's tasks: none of the leaked reporters the killed one held.
    const learners = dump.type === "dump" ? dump.groups.filter((group) => group.file === "storage.ts") : [];
    const held = learners.reduce((sum, group) => sum + group.count, 0);
    expect(held).toBeLessThan((kill?.handles ?? 0) / 4);
    // Resumed, the run's clock carries on from where the pause left it, through any later kills, to the end.
    const pausedAt = run.samples.at(-1)?.t ?? 0;
    expect(pausedAt).toBe(restart.type === "podEvent" ? restart.event.t : -1);
    run.control.resume();
    await run.finished;
    const after = run.samples.filter((sample) => sample.t > pausedAt).map((sample) => sample.t);
    expect(after[0]).toBe(pausedAt + 1000);
    expect(after.at(-1)).toBe(6 * 60 * MINUTE);
  }, 60_000);

  it("ends at once, with no pod, when the module cannot load", async () => {
    const run = start(
      job("export class StorageService {\n  constructor() { throw new Error('no'); }\n}\n", DAY),
    );
    await run.finished;
    const error = run.messages.find((message) => message.type === "error");
    expect(error).toMatchObject({ error: { kind: "load", message: "no", line: 2 } });
    expect(run.events).toEqual([]);
  });

  it("clips a 5,000,000-character error at load to what the page shows, at its line", async () => {
    const run = start(job(`\nthrow new Error("x".repeat(5_000_000));\n${STARTER}`, DAY));
    await run.finished;
    const error = run.messages.find((message) => message.type === "error");
    const { kind, message, line } = error?.type === "error" ? error.error : { kind: "", message: "" };
    // Compared by length and ends: a failing toEqual would print five million characters.
    expect({ kind, line, length: message.length, end: message.slice(-34) }).toEqual({
      kind: "load",
      line: 2,
      length: MAX_LOG_TEXT + "… (4,998,000 more characters)".length,
      end: "xxxxx… (4,998,000 more characters)",
    });
  });

  it("refuses a pod event the page does not know", () => {
    const event = { type: "OOMKilled", t: 1000, exitCode: 137, handles: 1, memoryMiB: 2048 };
    expect(runProtocol.parse({ type: "podEvent", runId: 1, event }, 1)).toBeDefined();
    expect(
      runProtocol.parse({ type: "podEvent", runId: 1, event: { ...event, type: "Evicted" } }, 1),
    ).toBeUndefined();
    expect(
      runProtocol.parse({ type: "podEvent", runId: 1, event: { ...event, exitCode: 1 } }, 1),
    ).toBeUndefined();
    expect(
      runProtocol.parse({ type: "podEvent", runId: 1, event: { ...event, t: Number.NaN } }, 1),
    ).toBeUndefined();
  });
});

describe("startLiveRun on a Go file", () => {
  /** A Go run of 40 virtual minutes takes a few seconds, more on a busy machine. */
  const GO_RUN_MS = 60_000;
  const GO_STARTER = readFileSync("lessons/04-upload/storage.go", "utf8");
  const GO_SOLUTION = readFileSync("solutions/04-upload/storage.go", "utf8");
  let goServices: GoServiceLoader;
  beforeAll(async () => {
    const parser = await nodeGoParser();
    goServices = (service, source, fileName) => goServiceModule(parser, service, source, fileName);
  }, GO_RUN_MS);

  const goJob = (source: string, untilMs: number): StartRun => ({
    ...job(source, untilMs),
    fileName: "storage.go",
  });
  const at = (run: Run, t: number) => run.samples.find((sample) => sample.t === t) as SampleRow;

  it(
    "runs the Go starter as the lesson's service: its goroutines and the heap they hold climb, dumped as Go",
    async () => {
      const run = start(goJob(GO_STARTER, 40 * MINUTE), goServices);
      await run.finished;
      expect(run.messages.filter((message) => message.type === "error")).toEqual([]);
      const early = at(run, 10 * MINUTE);
      const late = at(run, 40 * MINUTE);
      expect(late.handles).toBeGreaterThan(early.handles * 2);
      // Each leaked reporter holds its 100 KiB frame buffer (13 pages of Go's heap).
      expect(late.memoryMiB - early.memoryMiB).toBeGreaterThan(((late.handles - early.handles) * 100) / 1024);
      const dump = run.messages.findLast((message) => message.type === "dump");
      expect(dump?.type === "dump" && dump.groups[0]).toMatchObject({
        function: "storage.(*Service).Upload",
        file: "storage.go",
        line: 67,
        state: "chan receive",
        blockedAt: "storage.(*Service).Upload.func1 storage.go:69",
      });
    },
    GO_RUN_MS,
  );

  it(
    "runs the Go fix level",
    async () => {
      const run = start(goJob(GO_SOLUTION, 40 * MINUTE), goServices);
      await run.finished;
      const early = at(run, 10 * MINUTE);
      const late = at(run, 40 * MINUTE);
      expect(late.handles).toBeLessThan(early.handles + 20);
      // What uploads in flight hold comes and goes; nothing piles up.
      expect(late.memoryMiB).toBeLessThan(early.memoryMiB + 20);
    },
    GO_RUN_MS,
  );

  it(
    "reports a compile error at its line, in Go's words, and runs nothing",
    async () => {
      const { source, line, column } = goStarterWithTypo();
      const run = start(goJob(source, 40 * MINUTE), goServices);
      await run.finished;
      expect(run.messages.filter((message) => message.type === "error")).toEqual([
        {
          type: "error",
          runId: 3,
          error: { kind: "load", message: `./storage.go:${line}:${column}: undefined: writen`, line },
        },
      ]);
      expect(run.samples).toEqual([]);
    },
    GO_RUN_MS,
  );

  it(
    "says which method the Go lacks that the traffic calls, and ends",
    async () => {
      const run = start(goJob(goStarterWithoutUploadChunk(), 40 * MINUTE), goServices);
      await run.finished;
      expect(run.messages.filter((message) => message.type === "error")).toEqual([
        {
          type: "error",
          runId: 3,
          error: {
            kind: "load",
            message:
              "storage.go must declare the method UploadChunk on *storage.Service: the simulation calls it",
          },
        },
      ]);
    },
    GO_RUN_MS,
  );
});
