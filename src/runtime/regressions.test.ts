/** Bugs found in review, kept fixed. */
import { describe, expect, it } from "vitest";
import { waitingSenders } from "./chan.ts";
import type { Host } from "./host.ts";
import { chan, context, go, log, time } from "./index.ts";
import type { LogEntry } from "./log.ts";
import { lineInFile } from "./stack.ts";
import { startRuntime } from "./testRuntime.ts";
import { virtualSetTimeout } from "./timers.ts";

describe("a NaN duration", () => {
  it("fires at once instead of freezing the clock", async () => {
    const runtime = startRuntime();
    const fired: number[] = [];
    go(async () => {
      await time.after(Number.NaN).recv();
      fired.push(time.now());
      await time.sleep(1000);
      fired.push(time.now());
    });
    const outcome = await runtime.run({ until: 5000 });
    expect(fired).toEqual([0, 1000]);
    expect(outcome.kind).toBe("exited");
  });
});

describe("cancel() of a child under a value context", () => {
  it("unregisters the child from its cancellable ancestor", () => {
    startRuntime();
    const [root, cancelRoot] = context.withCancel(context.background());
    for (let i = 0; i < 100; i++) {
      const [, cancel] = context.withCancel(context.withValue(root, "request", i));
      cancel();
    }
    expect((root as unknown as { childCount: number }).childCount).toBe(0);
    cancelRoot();
  });
});

/** The line of the call this is an argument of, in this file. */
function lineOfThisCall(): number {
  const frame = new Error().stack?.split("\n")[2] ?? "";
  return Number(/regressions\.test\.ts:(\d+)/.exec(frame)?.[1]);
}

describe("a blocking call that is not awaited", () => {
  it("ends the run with a panic naming the missing await, not charging the rest to the next task", async () => {
    const runtime = startRuntime();
    const ready = chan<number>();
    const ch = chan<number>();
    const trace: string[] = [];
    const waiter = runtime.go(async () => {
      const [value] = await ready.recv();
      trace.push(`waiter got ${value}`);
      await time.sleep(10);
      trace.push("waiter slept");
    });
    const sender = runtime.go(async () => {
      await ready.send(1);
      // The waiter is runnable now, so this block hands it the turn at once; the next line still runs here.
      void ch.send(1);
      void ch.send(2);
    });
    const outcome = await runtime.run({ until: 1000 });
    expect(outcome).toMatchObject({ kind: "panic", task: sender });
    expect(outcome.kind === "panic" && (outcome.error as Error).message).toBe(
      "ch.send(...) returns a promise: did you forget `await`? The goroutine went on to send while still blocked in it",
    );
    expect(waiter.state).not.toBe("chan send");
    expect(waitingSenders(ch)).toBe(1);
  });

  it("ends the run with a panic when the goroutine returns while still blocked in it", async () => {
    const runtime = startRuntime();
    const ch = chan<number>();
    const task = runtime.go(async () => {
      void ch.send(1);
    });
    // Something still to happen: alone, the blocked send would be a deadlock, as it would be in Go.
    go(() => time.sleep(100));
    const outcome = await runtime.run({ until: 1000 });
    expect(outcome).toMatchObject({ kind: "panic", task });
    expect(outcome.kind === "panic" && (outcome.error as Error).message).toBe(
      "ch.send(...) returns a promise: did you forget `await`? The goroutine returned while still blocked in it",
    );
  });

  it("stops a loop of time.sleep calls without await at its second call", async () => {
    const runtime = startRuntime();
    let laps = 0;
    go(async () => {
      for (;;) {
        void time.sleep(100);
        laps++;
      }
    });
    const outcome = await runtime.run({ until: 1000 });
    expect(outcome.kind === "panic" && (outcome.error as Error).message).toBe(
      "time.sleep(...) returns a promise: did you forget `await`? The goroutine went on to sleep while still blocked in it",
    );
    expect(laps).toBe(1);
  });

  it("names the line of the call missing its await when block stacks are captured", async () => {
    const runtime = startRuntime({ blockStacks: true });
    const ch = chan<number>();
    let line = 0;
    go(async () => {
      line = lineOfThisCall() + 1;
      void ch.send(line);
      void ch.send(line + 1);
    });
    const outcome = await runtime.run({ until: 1000 });
    expect(outcome.kind).toBe("panic");
    expect(line).toBeGreaterThan(0);
    expect(outcome.kind === "panic" && lineInFile(outcome.error, "regressions.test.ts")).toBe(line);
  });

  it("leaves awaited calls as they were", async () => {
    const runtime = startRuntime();
    const ch = chan<number>();
    const got: number[] = [];
    go(async () => {
      for (let i = 0; i < 3; i++) await ch.send(i);
      ch.close();
    });
    go(async () => {
      for await (const value of ch) got.push(value);
    });
    expect(await runtime.run()).toEqual({ kind: "exited", now: 0 });
    expect(got).toEqual([0, 1, 2]);
  });
});

describe("await new Promise((resolve) => setTimeout(resolve, ms)) in a task", () => {
  /** Sleeps and turns end on the next event-loop turn: the stall watch would step in at once. */
  const impatientHost: Host = {
    wallNow: () => 0,
    sleep: () => new Promise((resolve) => setImmediate(resolve)),
    yield: () => new Promise((resolve) => setImmediate(resolve)),
  };

  it("sleeps on virtual time, and the task carries on as itself", async () => {
    const runtime = startRuntime({ host: impatientHost });
    const logs: LogEntry[] = [];
    runtime.onLog = (entry) => logs.push(entry);
    const delay = (ms: number) => new Promise((resolve) => virtualSetTimeout(resolve, ms));
    const ids: number[] = [];
    for (const ms of [300, 100, 200]) {
      const task = runtime.go(async () => {
        for (let lap = 1; lap <= 2; lap++) {
          await delay(ms);
          log.info(`${ms} lap ${lap}`);
          await time.sleep(1);
        }
      });
      ids.push(task.id);
    }
    const outcome = await runtime.run({ until: 10_000 });
    expect(outcome).toEqual({ kind: "exited", now: 602 });
    expect(logs.map(({ t, message, task }) => ({ t, message, task }))).toEqual([
      { t: 100, message: "100 lap 1", task: ids[1] },
      { t: 200, message: "200 lap 1", task: ids[2] },
      { t: 201, message: "100 lap 2", task: ids[1] },
      { t: 300, message: "300 lap 1", task: ids[0] },
      { t: 401, message: "200 lap 2", task: ids[2] },
      { t: 601, message: "300 lap 2", task: ids[0] },
    ]);
  });

  it("shows the task as awaiting while the timeout is pending, and a forgotten one as a leak", async () => {
    const runtime = startRuntime({ host: impatientHost });
    const stuck = runtime.go(async () => {
      await new Promise((resolve) => virtualSetTimeout(resolve, time.Hour));
    });
    expect(await runtime.run({ until: time.Minute })).toEqual({ kind: "deadline", now: time.Minute });
    expect(stuck.state).toBe("await");
    expect(runtime.registry.counts).toMatchObject({ goroutines: 1, timers: 1 });
    expect(await runtime.run()).toEqual({ kind: "exited", now: time.Hour });
  });
});
