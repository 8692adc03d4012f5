import { describe, expect, it } from "vitest";
import { chan, go, recv, select, time } from "./index.ts";
import type { Runtime } from "./runtime.ts";
import type { Task } from "./task.ts";
import { startRuntime } from "./testRuntime.ts";
import { virtualClearTimer, virtualSetInterval, virtualSetTimeout } from "./timers.ts";

function goroutineStates(rt: Runtime): string[] {
  return [...rt.registry.handles("goroutine")].map((handle) => (handle as Task).state);
}

describe("time.sleep", () => {
  it("advances the virtual clock by exactly the duration", async () => {
    const rt = startRuntime();
    const times: number[] = [];
    go(async () => {
      await time.sleep(250);
      times.push(time.now());
      await time.sleep(1000);
      times.push(time.now());
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 1250 });
    expect(times).toEqual([250, 1250]);
  });

  it("wakes sleepers in order of their wake-up times, ties in the order they fell asleep", async () => {
    const rt = startRuntime();
    const log: (string | undefined)[] = [];
    for (const [name, ms] of [
      ["a", 300],
      ["b", 100],
      ["c", 100],
    ] as const) {
      go(async () => {
        await time.sleep(ms);
        log.push(`${name} at ${time.now()}`);
      });
    }
    await rt.run();
    expect(log).toEqual(["b at 100", "c at 100", "a at 300"]);
  });

  it("returns at once for a zero or negative duration, without letting other tasks run", async () => {
    const rt = startRuntime();
    const log: (string | undefined)[] = [];
    go(async () => {
      await time.sleep(0);
      log.push(`after sleep(0) at ${time.now()}`);
      await time.sleep(-5);
      log.push(`after sleep(-5) at ${time.now()}`);
    });
    go(() => {
      log.push("other task");
    });
    await rt.run();
    expect(log).toEqual(["after sleep(0) at 0", "after sleep(-5) at 0", "other task"]);
  });

  it("shows the sleeping task in the sleep state", async () => {
    const rt = startRuntime();
    let seen: string[] = [];
    go(() => time.sleep(100));
    go(async () => {
      await time.sleep(50);
      seen = goroutineStates(rt);
    });
    await rt.run();
    expect(seen).toEqual(["sleep", "running"]);
  });
});

describe("time.since", () => {
  it("measures virtual milliseconds from a start time", async () => {
    const rt = startRuntime();
    let elapsed: number | undefined;
    go(async () => {
      await time.sleep(40);
      const start = time.now();
      await time.sleep(2 * time.Second);
      elapsed = time.since(start);
    });
    await rt.run();
    expect(elapsed).toBe(2000);
  });
});

describe("time.after", () => {
  it("delivers the virtual time once, after the duration", async () => {
    const rt = startRuntime();
    const log: (string | undefined)[] = [];
    go(async () => {
      const c = time.after(100);
      const [t] = await c.recv();
      log.push(`got ${t} at ${time.now()}`);
      await time.sleep(1000);
      log.push(await select([recv(c, () => "second value")], () => "nothing more"));
    });
    await rt.run();
    expect(log).toEqual(["got 100 at 100", "nothing more"]);
  });

  it("counts as a timer handle until it fires, whether or not anyone reads it", async () => {
    const rt = startRuntime();
    time.after(100);
    expect(rt.registry.counts).toEqual({ goroutines: 0, timers: 1, tickers: 0 });
    expect(await rt.run()).toEqual({ kind: "exited", now: 100 });
    expect(rt.registry.counts).toEqual({ goroutines: 0, timers: 0, tickers: 0 });
  });
});

describe("Timer.stop", () => {
  it("returns true for a pending timer, which then never fires and stops counting", async () => {
    const rt = startRuntime();
    const log: (string | undefined)[] = [];
    go(async () => {
      const timer = time.newTimer(100);
      await time.sleep(50);
      log.push(`stop ${timer.stop()}, timers ${rt.registry.counts.timers}`);
      log.push(await select([recv(timer.c, () => "fired"), recv(time.after(500), (t) => `nothing by ${t}`)]));
    });
    await rt.run();
    expect(log).toEqual(["stop true, timers 0", "nothing by 550"]);
  });

  it("returns false once the timer has fired or been stopped", async () => {
    const rt = startRuntime();
    const results: boolean[] = [];
    go(async () => {
      const fired = time.newTimer(10);
      await fired.c.recv();
      results.push(fired.stop());
      const stopped = time.newTimer(10);
      results.push(stopped.stop(), stopped.stop());
    });
    await rt.run();
    expect(results).toEqual([false, true, false]);
  });
});

describe("Timer.reset", () => {
  it("re-arms a pending timer from now and returns true", async () => {
    const rt = startRuntime();
    const log: (string | undefined)[] = [];
    go(async () => {
      const timer = time.newTimer(100);
      await time.sleep(50);
      log.push(`reset ${timer.reset(100)}`);
      const [t] = await timer.c.recv();
      log.push(`fired ${t} at ${time.now()}`);
    });
    await rt.run();
    expect(log).toEqual(["reset true", "fired 150 at 150"]);
  });

  it("re-arms a fired timer, which fires again, and returns false", async () => {
    const rt = startRuntime();
    const log: (string | undefined)[] = [];
    go(async () => {
      const timer = time.newTimer(100);
      await timer.c.recv();
      log.push(`reset ${timer.reset(50)}, timers ${rt.registry.counts.timers}`);
      const [t] = await timer.c.recv();
      log.push(`fired ${t}`);
    });
    await rt.run();
    expect(log).toEqual(["reset false, timers 1", "fired 150"]);
  });
});

describe("time.afterFunc", () => {
  it("runs the function in a new task after the duration", async () => {
    const rt = startRuntime();
    const log: (string | undefined)[] = [];
    time.afterFunc(100, async () => {
      log.push(`${rt.running?.name} at ${time.now()}`);
      await time.sleep(20);
      log.push(`slept until ${time.now()}`);
    });
    expect(rt.registry.counts).toEqual({ goroutines: 0, timers: 1, tickers: 0 });
    expect(await rt.run()).toEqual({ kind: "exited", now: 120 });
    expect(log).toEqual(["time.AfterFunc at 100", "slept until 120"]);
  });

  it("never runs the function when stopped first", async () => {
    const rt = startRuntime();
    let ran = false;
    const timer = time.afterFunc(100, () => {
      ran = true;
    });
    go(async () => {
      await time.sleep(50);
      timer.stop();
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 50 });
    expect(ran).toBe(false);
  });
});

describe("time.newTicker", () => {
  it("ticks every period with the virtual time of the tick", async () => {
    const rt = startRuntime();
    const ticks: number[] = [];
    go(async () => {
      const ticker = time.newTicker(100);
      for (let i = 0; i < 3; i++) {
        const [t] = await ticker.c.recv();
        ticks.push(t ?? -1);
      }
      ticker.stop();
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 300 });
    expect(ticks).toEqual([100, 200, 300]);
  });

  it("holds one tick, so a slow reader misses the ticks in between", async () => {
    const rt = startRuntime();
    const log: (string | undefined)[] = [];
    go(async () => {
      const ticker = time.newTicker(100);
      const read = async () => {
        const [t] = await ticker.c.recv();
        log.push(`read ${t} at ${time.now()}`);
      };
      await time.sleep(350);
      await read();
      await read();
      await time.sleep(250);
      await read();
      ticker.stop();
    });
    await rt.run();
    expect(log).toEqual(["read 100 at 350", "read 400 at 400", "read 500 at 650"]);
  });

  it("stops ticking after stop() and stops counting as a live ticker", async () => {
    const rt = startRuntime();
    const log: (string | undefined)[] = [];
    go(async () => {
      const ticker = time.newTicker(100);
      log.push(`tickers ${rt.registry.counts.tickers}`);
      await ticker.c.recv();
      ticker.stop();
      log.push(`tickers ${rt.registry.counts.tickers}`);
      log.push(
        await select([recv(ticker.c, (t) => `tick ${t}`), recv(time.after(1000), (t) => `quiet until ${t}`)]),
      );
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 1100 });
    expect(log).toEqual(["tickers 1", "tickers 0", "quiet until 1100"]);
  });

  it("keeps a ticker nobody stops alive and counted as a ticker handle", async () => {
    const rt = startRuntime();
    go(async () => {
      const ticker = time.newTicker(100);
      await ticker.c.recv();
    });
    expect(await rt.run({ until: 10_000 })).toEqual({ kind: "deadline", now: 10_000 });
    expect(rt.registry.counts).toEqual({ goroutines: 0, timers: 0, tickers: 1 });
  });

  it("throws non-positive interval for NewTicker for a zero or negative period, ending the run", async () => {
    const rt = startRuntime();
    expect(() => time.newTicker(-1)).toThrow("non-positive interval for NewTicker");
    go(() => time.newTicker(0), "starter");
    expect(await rt.run()).toMatchObject({
      kind: "panic",
      error: { message: "non-positive interval for NewTicker" },
      task: { name: "starter" },
    });
    expect(rt.registry.counts.tickers).toBe(0);
  });
});

describe("Ticker.reset", () => {
  it("restarts the ticker from now with the new period", async () => {
    const rt = startRuntime();
    const ticks: number[] = [];
    go(async () => {
      const ticker = time.newTicker(100);
      await time.sleep(50);
      ticker.reset(30);
      for (let i = 0; i < 3; i++) {
        const [t] = await ticker.c.recv();
        ticks.push(t ?? -1);
      }
      ticker.stop();
    });
    await rt.run();
    expect(ticks).toEqual([80, 110, 140]);
  });

  it("throws non-positive interval for Ticker.Reset for a zero period", () => {
    startRuntime();
    const ticker = time.newTicker(100);
    expect(() => ticker.reset(0)).toThrow("non-positive interval for Ticker.Reset");
    ticker.stop();
  });
});

describe("time.tick", () => {
  it("returns a channel that ticks every period from a ticker that stays live", async () => {
    const rt = startRuntime();
    const ticks: number[] = [];
    go(async () => {
      const c = time.tick(250);
      for (let i = 0; i < 2; i++) {
        const [t] = await c.recv();
        ticks.push(t ?? -1);
      }
    });
    expect(await rt.run({ until: 1000 })).toEqual({ kind: "deadline", now: 1000 });
    expect([ticks, rt.registry.counts.tickers]).toEqual([[250, 500], 1]);
  });
});

describe("virtualSetTimeout", () => {
  it("runs callbacks at their virtual times, in time order, with their arguments", async () => {
    const rt = startRuntime();
    const log: (string | undefined)[] = [];
    const note = (...args: unknown[]) => {
      log.push(`${args.join(" ")} at ${time.now()}`);
    };
    virtualSetTimeout(note, 300, "c", 3);
    virtualSetTimeout(note, 100, "a", 1);
    virtualSetTimeout(note, 200, "b", 2);
    expect(await rt.run()).toEqual({ kind: "exited", now: 300 });
    expect(log).toEqual(["a 1 at 100", "b 2 at 200", "c 3 at 300"]);
  });

  it("runs each callback in a task of its own, which may block", async () => {
    const rt = startRuntime();
    const ch = chan<string>();
    const log: (string | undefined)[] = [];
    virtualSetTimeout(async () => {
      log.push(`${rt.running?.name} at ${time.now()}`);
      await ch.send("from the callback");
      log.push(`sent at ${time.now()}`);
    }, 10);
    go(async () => {
      await time.sleep(60);
      const [value] = await ch.recv();
      log.push(`${value} at ${time.now()}`);
    });
    await rt.run();
    expect(log).toEqual(["setTimeout callback at 10", "from the callback at 60", "sent at 60"]);
  });

  it("counts as a timer handle until it fires", async () => {
    const rt = startRuntime();
    virtualSetTimeout(() => undefined, 100);
    expect(rt.registry.counts).toEqual({ goroutines: 0, timers: 1, tickers: 0 });
    await rt.run();
    expect(rt.registry.counts).toEqual({ goroutines: 0, timers: 0, tickers: 0 });
  });

  it("treats a missing or negative delay as zero", async () => {
    const rt = startRuntime();
    const log: (string | undefined)[] = [];
    go(async () => {
      await time.sleep(5);
      virtualSetTimeout(() => log.push(`no delay at ${time.now()}`));
      virtualSetTimeout(() => log.push(`negative at ${time.now()}`), -10);
    });
    await rt.run();
    expect(log).toEqual(["no delay at 5", "negative at 5"]);
  });
});

describe("virtualSetInterval", () => {
  it("runs the callback every interval with its arguments until cleared", async () => {
    const rt = startRuntime();
    const log: (string | undefined)[] = [];
    let runs = 0;
    const id = virtualSetInterval(
      (label: unknown) => {
        log.push(`${label} at ${time.now()}`);
        if (++runs === 3) virtualClearTimer(id);
      },
      100,
      "tick",
    );
    expect(await rt.run()).toEqual({ kind: "exited", now: 300 });
    expect(log).toEqual(["tick at 100", "tick at 200", "tick at 300"]);
  });

  it("counts as a ticker handle until cleared", async () => {
    const rt = startRuntime();
    const id = virtualSetInterval(() => undefined, 100);
    expect(await rt.run({ until: 1000 })).toEqual({ kind: "deadline", now: 1000 });
    expect(rt.registry.counts).toEqual({ goroutines: 0, timers: 0, tickers: 1 });
    virtualClearTimer(id);
    expect(rt.registry.counts).toEqual({ goroutines: 0, timers: 0, tickers: 0 });
  });

  it("treats a zero interval as 1 ms so the clock keeps moving", async () => {
    const rt = startRuntime();
    const times: number[] = [];
    virtualSetInterval(() => times.push(time.now()), 0);
    expect(await rt.run({ until: 3 })).toEqual({ kind: "deadline", now: 3 });
    expect(times).toEqual([1, 2, 3]);
  });
});

describe("virtualClearTimer", () => {
  it("cancels a pending timeout so its callback never runs", async () => {
    const rt = startRuntime();
    let ran = false;
    const id = virtualSetTimeout(() => {
      ran = true;
    }, 100);
    go(async () => {
      await time.sleep(50);
      virtualClearTimer(id);
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 50 });
    expect([ran, rt.registry.counts.timers]).toEqual([false, 0]);
  });

  it("does nothing for an unknown id or a timeout that already fired", async () => {
    const rt = startRuntime();
    const log: (string | undefined)[] = [];
    const id = virtualSetTimeout(() => log.push("fired"), 10);
    await rt.run();
    virtualClearTimer(id);
    virtualClearTimer(123_456);
    virtualClearTimer(undefined);
    expect(log).toEqual(["fired"]);
  });
});
