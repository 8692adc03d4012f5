import { describe, expect, it } from "vitest";
import type { FromWorker } from "./protocol/index.ts";
import type { LogRow, SampleRow } from "./protocol/run.ts";
import {
  FLUSH_EVERY_MS,
  LiveBatcher,
  MAX_LOGS_PER_FLUSH,
  SAMPLES_PER_MESSAGE,
} from "./worker/liveBatcher.ts";

const RUN_ID = 4;

const sample = (t: number): SampleRow => ({
  t,
  handles: 1,
  goroutines: 1,
  timers: 0,
  tickers: 0,
  memoryMiB: 1550,
  sites: [],
});
const log = (t: number): LogRow => ({ t, level: "info", message: `line ${t}`, fields: "" });

/** A batcher on a fake interval: `tick()` is one FLUSH_EVERY_MS of real time. */
function batcher() {
  const sent: FromWorker[] = [];
  const intervals: { callback: () => void; ms: number }[] = [];
  const outbox = new LiveBatcher({
    runId: RUN_ID,
    send: (message) => sent.push(message),
    every: (callback, ms) => intervals.push({ callback, ms }),
  });
  const tick = () => {
    for (const interval of intervals) interval.callback();
  };
  return { outbox, sent, intervals, tick };
}

const types = (sent: readonly FromWorker[]) => sent.map((message) => message.type);

describe("LiveBatcher", () => {
  it("flushes on one real-time interval of FLUSH_EVERY_MS", () => {
    expect(batcher().intervals.map((interval) => interval.ms)).toEqual([FLUSH_EVERY_MS]);
  });

  it("sends the queued samples, then the logs, then a heartbeat, at each tick", () => {
    const { outbox, sent, tick } = batcher();
    outbox.sample(sample(0));
    outbox.log(log(0));
    outbox.sample(sample(1000));
    tick();
    expect(sent).toEqual([
      { type: "samples", runId: RUN_ID, samples: [sample(0), sample(1000)] },
      { type: "logs", runId: RUN_ID, logs: [log(0)], dropped: 0 },
      { type: "heartbeat", runId: RUN_ID },
    ]);
  });

  it("sends only a heartbeat when nothing is queued, and nothing twice", () => {
    const { outbox, sent, tick } = batcher();
    outbox.sample(sample(0));
    tick();
    tick();
    expect(types(sent)).toEqual(["samples", "heartbeat", "heartbeat"]);
  });

  it("splits a backlog of samples into messages the page accepts", () => {
    const { outbox, sent, tick } = batcher();
    for (let t = 0; t < 2 * SAMPLES_PER_MESSAGE + 1; t++) outbox.sample(sample(t));
    tick();
    const batches = sent.flatMap((message) => (message.type === "samples" ? [message.samples] : []));
    expect(batches.map((batch) => batch.length)).toEqual([SAMPLES_PER_MESSAGE, SAMPLES_PER_MESSAGE, 1]);
    expect(batches.flat().map((row) => row.t)).toEqual([...Array(2 * SAMPLES_PER_MESSAGE + 1).keys()]);
  });

  it("keeps the latest MAX_LOGS_PER_FLUSH lines between ticks and counts those it let go", () => {
    const { outbox, sent, tick } = batcher();
    for (let t = 0; t < MAX_LOGS_PER_FLUSH + 20; t++) outbox.log(log(t));
    tick();
    outbox.log(log(9999));
    tick();
    const logs = sent.flatMap((message) => (message.type === "logs" ? [message] : []));
    expect(logs.map((message) => [message.logs.length, message.logs[0]?.t, message.dropped])).toEqual([
      [MAX_LOGS_PER_FLUSH, 20, 20],
      [1, 9999, 0],
    ]);
  });

  it("sends nothing once closed, though the interval goes on", () => {
    const { outbox, sent, tick } = batcher();
    outbox.sample(sample(0));
    outbox.close();
    tick();
    outbox.flush();
    expect(sent).toEqual([]);
  });
});
