import { describe, expect, it } from "vitest";
import type { Host } from "./host.ts";
import { chan, go, log, Panic, recv, select, time } from "./index.ts";
import type { LogEntry } from "./log.ts";
import { MAX_PACED_NAP_MS } from "./pacing.ts";
import { currentRuntime, DEADLOCK_MESSAGE, type Runtime } from "./runtime.ts";
import { startRuntime } from "./testRuntime.ts";

/**
 * A host whose wall clock moves only when the runtime sleeps: pending sleeps end one event-loop turn later, at
 * the earliest due time, so pacing is exact and no real time passes.
 */
function fakeClockHost(): Host {
  let wall = 0;
  const sleepers: { at: number; resolve: () => void }[] = [];
  let turnQueued = false;
  const advance = (): void => {
    turnQueued = false;
    sleepers.sort((a, b) => a.at - b.at);
    const first = sleepers[0];
    if (!first) return;
    wall = Math.max(wall, first.at);
    while (sleepers[0] && sleepers[0].at <= wall) sleepers.shift()?.resolve();
    queueTurn();
  };
  const queueTurn = (): void => {
    if (turnQueued || sleepers.length === 0) return;
    turnQueued = true;
    setImmediate(advance);
  };
  return {
    wallNow: () => wall,
    sleep: (ms) =>
      new Promise((resolve) => {
        sleepers.push({ at: wall + ms, resolve });
        queueTurn();
      }),
    yield: () => Promise.resolve(),
  };
}

/** A host whose sleeps and turns end on the next event-loop turn: the stall watch checks back at once. */
function impatientHost(): Host {
  const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  return { wallNow: () => 0, sleep: nextTurn, yield: nextTurn };
}

/**
 * Two producers fill buffered channels while a consumer selects over both, so which case wins depends on the
 * seed; a watchdog at 500 ms pauses the run when asked to. Every run starts the same tasks and timers.
 */
function racingWorkload(runtime: Runtime, trace: string[], pauseAt500: boolean): void {
  const a = chan<number>(4);
  const b = chan<number>(4);
  go(async () => {
    for (let i = 0; i < 10; i++) {
      await a.send(i);
      await b.send(i);
      await time.sleep(100);
    }
    a.close();
    b.close();
  });
  go(async () => {
    for (;;) {
      await time.sleep(60);
      const got = await select([
        recv(a, (value, ok) => (ok ? `a${value}` : "a closed")),
        recv(b, (value, ok) => (ok ? `b${value}` : "b closed")),
      ]);
      trace.push(`${time.now()} ${got}`);
      if (got?.endsWith("closed")) return;
    }
  });
  go(async () => {
    await time.sleep(500);
    if (pauseAt500) runtime.pause();
  });
}

describe("Runtime", () => {
  describe("scheduling", () => {
    it("runs one task at a time until it blocks, in the order the tasks were started", async () => {
      const rt = startRuntime();
      const trace: string[] = [];
      for (const name of ["a", "b", "c"]) {
        go(async () => {
          trace.push(`${name}1`);
          await Promise.resolve();
          trace.push(`${name}2`);
          await time.sleep(10);
          trace.push(`${name}3`);
        });
      }
      await rt.run();
      expect(trace).toEqual(["a1", "a2", "b1", "b2", "c1", "c2", "a3", "b3", "c3"]);
    });

    it("queues a task started by another behind the tasks already runnable", async () => {
      const rt = startRuntime();
      const trace: string[] = [];
      go(async () => {
        trace.push("a");
        go(() => {
          trace.push("child of a");
        });
        trace.push("a again");
      });
      go(() => {
        trace.push("b");
      });
      await rt.run();
      expect(trace).toEqual(["a", "a again", "b", "child of a"]);
    });

    it("keeps the clock still while any task is runnable, then jumps to the next timer", async () => {
      const rt = startRuntime();
      const trace: string[] = [];
      const ping = chan<number>();
      const pong = chan<number>();
      go(async () => {
        for (let i = 0; i < 1000; i++) {
          await ping.send(i);
          await pong.recv();
        }
        trace.push(`1000 round trips done at ${time.now()}`);
      });
      go(async () => {
        for (let i = 0; i < 1000; i++) {
          await ping.recv();
          await pong.send(i);
        }
      });
      go(async () => {
        await time.sleep(1);
        trace.push(`sleeper woke at ${time.now()}`);
        await time.sleep(299);
        trace.push(`sleeper woke at ${time.now()}`);
      });
      const outcome = await rt.run();
      expect(trace).toEqual(["1000 round trips done at 0", "sleeper woke at 1", "sleeper woke at 300"]);
      expect(outcome).toEqual({ kind: "exited", now: 300 });
    });

    it("fires timers due at the same instant in the order they were set", async () => {
      const rt = startRuntime();
      const trace: string[] = [];
      go(async () => {
        await time.sleep(100);
        trace.push("set at 0");
      });
      go(async () => {
        await time.sleep(50);
        await time.sleep(50);
        trace.push("set at 50");
      });
      await rt.run();
      expect(trace).toEqual(["set at 0", "set at 50"]);
    });

    it("passes log lines to onLog with the virtual time and the task that wrote them", async () => {
      const rt = startRuntime();
      const entries: LogEntry[] = [];
      rt.onLog = (entry) => entries.push(entry);
      const task = rt.go(async () => {
        await time.sleep(250);
        log.warn("upload slow", { id: 7 });
      });
      await rt.run();
      expect(entries).toEqual([
        { t: 250, level: "warn", message: "upload slow", fields: { id: 7 }, task: task.id },
      ]);
    });
  });

  describe("run", () => {
    function ticking(trace: number[]): void {
      go(async () => {
        for (;;) {
          await time.sleep(100);
          trace.push(time.now());
        }
      });
    }

    it("stops at the deadline with the clock exactly there", async () => {
      const rt = startRuntime();
      const trace: number[] = [];
      ticking(trace);
      expect(await rt.run({ until: 250 })).toEqual({ kind: "deadline", now: 250 });
      expect(rt.now).toBe(250);
      expect(trace).toEqual([100, 200]);
    });

    it("continues a second run exactly where the first stopped", async () => {
      const split = startRuntime();
      const splitTrace: number[] = [];
      ticking(splitTrace);
      await split.run({ until: 250 });
      const second = await split.run({ until: 1000 });

      const whole = startRuntime();
      const wholeTrace: number[] = [];
      ticking(wholeTrace);
      const only = await whole.run({ until: 1000 });

      expect(second).toEqual({ kind: "deadline", now: 1000 });
      expect(only).toEqual(second);
      expect(splitTrace).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
      expect(splitTrace).toEqual(wholeTrace);
    });

    it("exits when every task has ended, at the time the last one ended", async () => {
      const rt = startRuntime();
      go(async () => {
        await time.sleep(300);
      });
      go(() => undefined);
      expect(await rt.run({ until: 10_000 })).toEqual({ kind: "exited", now: 300 });
      expect(rt.registry.counts.goroutines).toBe(0);
    });

    it("exits at once with no tasks at all", async () => {
      const rt = startRuntime();
      expect(await rt.run()).toEqual({ kind: "exited", now: 0 });
    });

    it("reports a deadlock when every task is blocked and no timer can wake one", async () => {
      const rt = startRuntime();
      const requests = chan<string>();
      const replies = chan<string>();
      go(async () => {
        await requests.recv();
      });
      go(async () => {
        await time.sleep(100);
        await replies.send("nobody listens");
      });
      const outcome = await rt.run({ until: 60_000 });
      expect(outcome).toEqual({
        kind: "deadlock",
        now: 100,
        message: "all goroutines are asleep - deadlock!",
      });
      expect(DEADLOCK_MESSAGE).toBe("all goroutines are asleep - deadlock!");
    });

    it("ends with a panic carrying the error and the task when a task throws", async () => {
      const rt = startRuntime();
      const boom = new Error("boom");
      go(async () => {
        await time.sleep(1000);
      });
      const thrower = rt.go(async () => {
        await time.sleep(5);
        throw boom;
      });
      const outcome = await rt.run();
      expect(outcome).toEqual({ kind: "panic", now: 5, error: boom, task: thrower });
      if (outcome.kind !== "panic") return;
      expect(outcome.error).toBe(boom);
      expect(outcome.task).toBe(thrower);
      expect([...rt.registry.handles("goroutine")].map((task) => task.id)).toEqual([1]);
    });

    it("ends with a panic when a task throws synchronously", async () => {
      const rt = startRuntime();
      const boom = new Error("sync boom");
      const thrower = rt.go(() => {
        throw boom;
      });
      expect(await rt.run()).toEqual({ kind: "panic", now: 0, error: boom, task: thrower });
    });

    it("ends with a Panic when a runtime operation fails in a task", async () => {
      const rt = startRuntime();
      const done = chan<void>();
      done.close();
      go(async () => {
        await done.send(undefined);
      });
      const outcome = await rt.run();
      expect(outcome.kind).toBe("panic");
      if (outcome.kind !== "panic") return;
      expect(outcome.error).toBeInstanceOf(Panic);
      expect((outcome.error as Panic).message).toBe("send on closed channel");
    });

    it("refuses a second run while one is in progress", async () => {
      const rt = startRuntime();
      go(async () => {
        await time.sleep(10);
      });
      const first = rt.run();
      await expect(rt.run()).rejects.toThrow("the runtime is already running");
      expect(await first).toEqual({ kind: "exited", now: 10 });
    });

    it("rejects a non-positive speed and stays ready to run", async () => {
      const rt = startRuntime();
      go(async () => {
        await time.sleep(10);
      });
      expect(() => rt.run({ speed: 0 })).toThrow("speed must be positive");
      await expect(rt.run()).resolves.toEqual({ kind: "exited", now: 10 });
      expect(rt.isRunning).toBe(false);
    });
  });

  describe("pause", () => {
    it("pauses at the next task switch and resumes with the same results as an uninterrupted run", async () => {
      const whole = startRuntime();
      const wholeTrace: string[] = [];
      racingWorkload(whole, wholeTrace, false);
      const wholeOutcome = await whole.run();

      const paused = startRuntime();
      const pausedTrace: string[] = [];
      racingWorkload(paused, pausedTrace, true);
      expect(await paused.run()).toEqual({ kind: "paused", now: 500 });
      expect(pausedTrace.length).toBeLessThan(wholeTrace.length);
      const resumed = await paused.run();

      expect(wholeOutcome).toEqual({ kind: "exited", now: 1080 });
      expect(resumed).toEqual(wholeOutcome);
      expect(pausedTrace).toEqual(wholeTrace);
    });

    it("pauses before any task runs when asked right after run()", async () => {
      const rt = startRuntime();
      const trace: string[] = [];
      go(() => {
        trace.push("ran");
      });
      const outcome = rt.run();
      rt.pause();
      expect(await outcome).toEqual({ kind: "paused", now: 0 });
      expect(trace).toEqual([]);
      expect(await rt.run()).toEqual({ kind: "exited", now: 0 });
      expect(trace).toEqual(["ran"]);
    });

    it("does nothing when the runtime is not running", async () => {
      const rt = startRuntime();
      go(async () => {
        await time.sleep(10);
      });
      rt.pause();
      expect(await rt.run()).toEqual({ kind: "exited", now: 10 });
    });
  });

  describe("step", () => {
    it("runs through the next instant at which something happens, then stops there", async () => {
      const rt = startRuntime();
      const trace: string[] = [];
      go(async () => {
        trace.push(`start ${time.now()}`);
        await time.sleep(100);
        trace.push(`woke ${time.now()}`);
        await time.sleep(100);
        trace.push(`woke ${time.now()}`);
      });
      expect(await rt.step()).toEqual({ kind: "deadline", now: 0 });
      expect(trace).toEqual(["start 0"]);
      expect(await rt.step()).toEqual({ kind: "deadline", now: 100 });
      expect(trace).toEqual(["start 0", "woke 100"]);
      expect(await rt.step()).toEqual({ kind: "exited", now: 200 });
      expect(trace).toEqual(["start 0", "woke 100", "woke 200"]);
    });
  });

  describe("stop", () => {
    it("ends the run as stopped and never resumes a task again", async () => {
      const rt = startRuntime();
      const trace: string[] = [];
      go(async () => {
        trace.push("before");
        await time.sleep(100);
        trace.push("after");
      });
      go(async () => {
        await time.sleep(50);
        rt.stop();
      });
      expect(await rt.run()).toEqual({ kind: "stopped", now: 50 });
      expect(await rt.run({ until: 1000 })).toEqual({ kind: "stopped", now: 50 });
      expect(trace).toEqual(["before"]);
      expect(rt.isRunning).toBe(false);
    });

    it("makes a later run resolve as stopped without starting any task", async () => {
      const rt = startRuntime();
      const trace: string[] = [];
      go(() => {
        trace.push("ran");
      });
      rt.stop();
      expect(await rt.run()).toEqual({ kind: "stopped", now: 0 });
      expect(trace).toEqual([]);
    });

    it("stops being the runtime that go() and friends act on", () => {
      const rt = startRuntime();
      expect(currentRuntime()).toBe(rt);
      rt.stop();
      expect(() => currentRuntime()).toThrow("no Leak Lab runtime is running");
      expect(() => go(() => undefined)).toThrow("no Leak Lab runtime is running");
    });
  });

  describe("speed", () => {
    function tenSleeps(): void {
      go(async () => {
        for (let i = 0; i < 10; i++) await time.sleep(100);
      });
    }

    it("asks the host to sleep a tenth of the virtual time at speed 10", async () => {
      const host = fakeClockHost();
      const rt = startRuntime({ host });
      tenSleeps();
      const outcome = await rt.run({ speed: 10 });
      expect(outcome).toEqual({ kind: "exited", now: 1000 });
      expect(host.wallNow()).toBe(100);
    });

    it("keeps virtual and wall time in step at speed 1", async () => {
      const host = fakeClockHost();
      const rt = startRuntime({ host });
      tenSleeps();
      await rt.run({ speed: 1 });
      expect(host.wallNow()).toBe(1000);
    });

    it("hears a pause within a 50 ms nap, even in the middle of a long wait at real-time speed", async () => {
      const host = fakeClockHost();
      let rt: Runtime | undefined;
      const napping: Host = {
        ...host,
        sleep: (ms) => {
          // The learner presses Pause 100 ms into a 10-second wait.
          if (host.wallNow() >= 100) rt?.pause();
          return host.sleep(ms);
        },
      };
      rt = startRuntime({ host: napping });
      go(async () => {
        await time.sleep(10_000);
      });
      const outcome = await rt.run({ speed: 1 });
      expect(outcome.kind).toBe("paused");
      expect(host.wallNow()).toBeLessThanOrEqual(100 + MAX_PACED_NAP_MS);
    });

    it("never waits on the host when running flat out", async () => {
      const host = fakeClockHost();
      const rt = startRuntime({ host });
      tenSleeps();
      expect(await rt.run()).toEqual({ kind: "exited", now: 1000 });
      expect(host.wallNow()).toBe(0);
    });

    it("refuses a non-positive speed", () => {
      const rt = startRuntime();
      expect(() => rt.setSpeed(0)).toThrow(RangeError);
      expect(() => rt.setSpeed(-5)).toThrow("speed must be positive");
    });

    it("gives the host a turn every few thousand switches when running flat out", async () => {
      let turns = 0;
      const rt = startRuntime({
        host: { wallNow: () => 0, sleep: () => new Promise(() => {}), yield: async () => void turns++ },
      });
      const ping = chan<number>();
      go(async () => {
        for (let i = 0; i < 20_000; i++) await ping.send(i);
      });
      go(async () => {
        for (let i = 0; i < 20_000; i++) await ping.recv();
      });
      expect(await rt.run()).toEqual({ kind: "exited", now: 0 });
      // One turn per 4096 switches: four for the 20,000 hand-offs.
      expect(turns).toBe(Math.floor(rt.switches / 4096));
      expect(turns).toBe(4);
    });
  });

  describe("blocking operations", () => {
    it("throws when called outside any task", () => {
      startRuntime();
      const ch = chan<number>();
      expect(() => ch.recv()).toThrow("recv must be called inside a goroutine: start one with go()");
      expect(() => ch.send(1)).toThrow("send must be called inside a goroutine: start one with go()");
      expect(() => time.sleep(10)).toThrow("sleep must be called inside a goroutine: start one with go()");
      expect(() => select([recv(ch)])).toThrow("select must be called inside a goroutine");
    });

    it("marks a task awaiting a foreign promise as 'await' after the stall watch and runs the others", async () => {
      const rt = startRuntime({ host: impatientHost() });
      const trace: number[] = [];
      const stuck = rt.go(async () => {
        await new Promise<never>(() => {});
      });
      go(async () => {
        for (let i = 0; i < 3; i++) {
          await time.sleep(10);
          trace.push(time.now());
        }
      });
      const outcome = await rt.run({ until: 1000 });
      expect(stuck.state).toBe("await");
      expect(trace).toEqual([10, 20, 30]);
      expect(outcome).toEqual({ kind: "deadlock", now: 30, message: DEADLOCK_MESSAGE });
    });
  });
});
