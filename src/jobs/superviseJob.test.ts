/**
 * The job supervisor, one ending at a time, on a fake worker and a fake clock: whatever ends a job, its worker
 * is terminated, its watchdog stopped, and nothing the worker says afterwards reaches the page.
 */
import { describe, expect, it } from "vitest";
import { type RunMessage, type RunToWorker, runProtocol } from "../sandbox/protocol/run.ts";
import { DEFAULT_KNOBS } from "../sim/liveScenario.ts";
import { type JobClock, type JobFailure, type JobWorker, superviseJob, WATCHDOG_MS } from "./superviseJob.ts";

function fakeWorker() {
  const posted: unknown[] = [];
  let onMessage: (data: unknown) => void = () => {};
  let onCrash: () => void = () => {};
  let terminated = false;
  const worker: JobWorker = {
    postMessage: (message) => posted.push(message),
    listen(message, crash) {
      onMessage = message;
      onCrash = crash;
    },
    terminate() {
      terminated = true;
    },
  };
  return {
    worker,
    posted,
    say: (data: unknown) => onMessage(data),
    crash: () => onCrash(),
    terminated: () => terminated,
  };
}

/** Real time that passes only when a test says so. */
function fakeClock() {
  let now = 0;
  const timers = new Set<{ readonly ms: number; readonly tick: () => void; next: number }>();
  const clock: JobClock = {
    now: () => now,
    every(ms, tick) {
      const timer = { ms, tick, next: now + ms };
      timers.add(timer);
      return () => timers.delete(timer);
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...timers].filter((timer) => timer.next <= until).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      now = due.next;
      due.next += due.ms;
      due.tick();
    }
    now = until;
  };
  /** The page busy for `ms` (a long task): time passes and no timer fires; the late ones fire once, after. */
  const stall = (ms: number) => {
    now += ms;
    for (const timer of timers) timer.next = Math.max(timer.next, now);
  };
  return { clock, advance, stall, timers };
}

function startJob() {
  const fake = fakeWorker();
  const time = fakeClock();
  const messages: RunMessage[] = [];
  const failures: JobFailure[] = [];
  const job = superviseJob<RunToWorker, RunMessage>(
    {
      protocol: runProtocol,
      start: (runId) => ({
        type: "start",
        runId,
        lesson: "upload",
        fileName: "storage.ts",
        source: "",
        speed: 60,
        untilMs: 60_000,
        traffic: DEFAULT_KNOBS,
      }),
      onMessage: (message) => messages.push(message),
      onFailure: (failure) => failures.push(failure),
    },
    { worker: () => fake.worker, clock: time.clock },
  );
  const heartbeat = { type: "heartbeat", runId: job.runId };
  const finished = { type: "state", runId: job.runId, state: "finished" };
  return { job, fake, time, messages, failures, heartbeat, finished };
}

/** What a job that has ended looks like, whatever ended it. */
function expectEnded({ job, fake, time }: ReturnType<typeof startJob>) {
  expect(job.ended).toBe(true);
  expect(fake.terminated()).toBe(true);
  expect(time.timers.size).toBe(0);
}

describe("superviseJob", () => {
  it("posts the job with its run id, hands on each message, and ends on the job's last word", () => {
    const started = startJob();
    const { job, fake, messages, failures, heartbeat, finished } = started;
    expect(fake.posted).toEqual([expect.objectContaining({ type: "start", runId: job.runId })]);
    fake.say(heartbeat);
    expect(job.ended).toBe(false);
    fake.say(finished);
    expect(messages).toEqual([heartbeat, finished]);
    expect(failures).toEqual([]);
    expectEnded(started);
  });

  it("ends the job when cancelled, reporting nothing, and posts nothing after", () => {
    const started = startJob();
    const { job, fake, messages, failures } = started;
    job.post({ type: "pause", runId: job.runId });
    job.cancel();
    job.post({ type: "resume", runId: job.runId });
    job.cancel();
    expect(fake.posted.map((message) => (message as RunToWorker).type)).toEqual(["start", "pause"]);
    expect(messages).toEqual([]);
    expect(failures).toEqual([]);
    expectEnded(started);
  });

  it("ends a job whose worker has been silent for WATCHDOG_MS, counting from its last message", () => {
    const started = startJob();
    const { fake, time, failures, heartbeat } = started;
    time.advance(WATCHDOG_MS - 500);
    fake.say(heartbeat);
    time.advance(WATCHDOG_MS - 250);
    expect(failures).toEqual([]);
    time.advance(250);
    expect(failures).toEqual(["silent"]);
    expectEnded(started);
  });

  it("does not count the time the page was too busy to listen as the worker's silence", () => {
    const started = startJob();
    const { fake, time, failures, heartbeat } = started;
    time.advance(1000);
    // The page is blocked for longer than the watchdog allows; the worker's heartbeats wait in its queue.
    time.stall(2 * WATCHDOG_MS);
    time.advance(0);
    expect(failures).toEqual([]);
    fake.say(heartbeat);
    time.advance(WATCHDOG_MS - 250);
    expect(failures).toEqual([]);
    // A worker that then falls silent is stopped as ever, counting only the time the page listened.
    time.advance(250);
    expect(failures).toEqual(["silent"]);
    expectEnded(started);
  });

  it("still stops a silent worker when the page was busy too, once it has listened for WATCHDOG_MS", () => {
    const started = startJob();
    const { time, failures } = started;
    time.advance(1000);
    time.stall(2 * WATCHDOG_MS);
    // Silent for the 1000 ms listened before the stall and the one look's worth it was due in: 1250 ms so far.
    time.advance(WATCHDOG_MS - 1250 - 250);
    expect(failures).toEqual([]);
    time.advance(250);
    expect(failures).toEqual(["silent"]);
    expectEnded(started);
  });

  it("counts a loaded page's late looks as listening: jitter does not put off the stop", () => {
    const started = startJob();
    const { time, failures } = started;
    // Every look comes 400 ms late, as timers do in a starved tab; the page still reads its messages between.
    const lookEvery = 250 + 400;
    const lateLook = () => {
      time.stall(lookEvery);
      time.advance(0);
    };
    const looksBeforeTheStop = Math.ceil(WATCHDOG_MS / lookEvery) - 1;
    for (let look = 0; look < looksBeforeTheStop; look++) lateLook();
    expect(failures).toEqual([]);
    lateLook();
    expect(failures).toEqual(["silent"]);
    expectEnded(started);
  });

  it("ends the job when its worker crashes", () => {
    const started = startJob();
    started.fake.crash();
    started.fake.crash();
    expect(started.failures).toEqual(["crashed"]);
    expectEnded(started);
  });

  it("ends the job when its last word is refused, rather than wait through the heartbeats after it", () => {
    const started = startJob();
    const { job, fake, messages, failures } = started;
    fake.say({ type: "error", runId: job.runId, error: { kind: "pwned", message: "x" } });
    expect(messages).toEqual([]);
    expect(failures).toEqual(["refused"]);
    expectEnded(started);
  });

  it("ignores a malformed message that would not end the job, and it does not count as a word", () => {
    const started = startJob();
    const { job, fake, time, messages, failures } = started;
    time.advance(WATCHDOG_MS - 250);
    fake.say({ type: "samples", runId: job.runId, samples: [{ t: "garbage" }] });
    fake.say({ type: "checked", runId: job.runId, report: {} });
    expect(messages).toEqual([]);
    expect(job.ended).toBe(false);
    time.advance(250);
    expect(failures).toEqual(["silent"]);
  });

  it("ignores messages of another run, last words included", () => {
    const { job, fake, messages, failures } = startJob();
    const other = job.runId + 1;
    fake.say({ type: "heartbeat", runId: other });
    fake.say({ type: "state", runId: other, state: "finished" });
    fake.say({ type: "error", runId: other, error: { kind: "pwned", message: "x" } });
    expect(messages).toEqual([]);
    expect(failures).toEqual([]);
    expect(job.ended).toBe(false);
  });

  it("ignores whatever the worker says or does after the end", () => {
    const started = startJob();
    const { job, fake, time, messages, failures, heartbeat, finished } = started;
    fake.say(finished);
    fake.say(heartbeat);
    fake.say({ type: "error", runId: job.runId, error: { kind: "pwned", message: "x" } });
    fake.crash();
    time.advance(10 * WATCHDOG_MS);
    expect(messages).toEqual([finished]);
    expect(failures).toEqual([]);
    expectEnded(started);
  });
});
