import { describe, expect, it } from "vitest";
import { go, Mutex, Once, Panic, time, WaitGroup } from "./index.ts";
import type { Runtime } from "./runtime.ts";
import type { Task } from "./task.ts";
import { startRuntime } from "./testRuntime.ts";

const DEADLOCK = "all goroutines are asleep - deadlock!";

function goroutineStates(rt: Runtime): string[] {
  return [...rt.registry.handles("goroutine")].map((handle) => (handle as Task).state);
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("WaitGroup", () => {
  it("returns from wait when the counter reaches zero", async () => {
    const rt = startRuntime();
    const wg = new WaitGroup();
    const log: string[] = [];
    for (const ms of [100, 300, 200]) {
      wg.add(1);
      go(async () => {
        await time.sleep(ms);
        log.push(`worker ${ms} done`);
        wg.done();
      });
    }
    go(async () => {
      await wg.wait();
      log.push(`wait returned at ${time.now()}`);
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 300 });
    expect(log).toEqual(["worker 100 done", "worker 200 done", "worker 300 done", "wait returned at 300"]);
  });

  it("releases every waiter at once", async () => {
    const rt = startRuntime();
    const wg = new WaitGroup();
    wg.add(2);
    const log: string[] = [];
    for (const name of ["w1", "w2"]) {
      go(async () => {
        await wg.wait();
        log.push(`${name} at ${time.now()}`);
      });
    }
    go(async () => {
      await time.sleep(40);
      wg.done();
      await time.sleep(10);
      wg.done();
    });
    await rt.run();
    expect(log).toEqual(["w1 at 50", "w2 at 50"]);
  });

  it("returns from wait at once when the counter is zero, without letting other tasks run", async () => {
    const rt = startRuntime();
    const wg = new WaitGroup();
    const log: string[] = [];
    go(async () => {
      await wg.wait();
      log.push("wait returned");
    });
    go(() => {
      log.push("other task");
    });
    await rt.run();
    expect(log).toEqual(["wait returned", "other task"]);
  });

  it("leaves a waiter blocked in sync.WaitGroup.Wait when done is never called", async () => {
    const rt = startRuntime();
    const wg = new WaitGroup();
    wg.add(1);
    go(() => wg.wait());
    expect(await rt.run()).toEqual({ kind: "deadlock", now: 0, message: DEADLOCK });
    expect(goroutineStates(rt)).toEqual(["sync.WaitGroup.Wait"]);
  });

  it("panics with sync: negative WaitGroup counter", async () => {
    const rt = startRuntime();
    expect(thrown(() => new WaitGroup().done())).toEqual(new Panic("sync: negative WaitGroup counter"));
    const wg = new WaitGroup();
    go(() => {
      wg.add(1);
      wg.done();
      wg.done();
    }, "worker");
    expect(await rt.run()).toMatchObject({
      kind: "panic",
      error: new Panic("sync: negative WaitGroup counter"),
      task: { name: "worker" },
    });
  });
});

describe("Mutex", () => {
  it("blocks a second locker in sync.Mutex.Lock until the holder unlocks", async () => {
    const rt = startRuntime();
    const mu = new Mutex();
    const log: string[] = [];
    go(async () => {
      await mu.lock();
      await time.sleep(100);
      log.push(`waiter is in ${goroutineStates(rt)[1]}`);
      mu.unlock();
    });
    go(async () => {
      await mu.lock();
      log.push(`second locked at ${time.now()}`);
      mu.unlock();
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 100 });
    expect(log).toEqual(["waiter is in sync.Mutex.Lock", "second locked at 100"]);
  });

  it("hands the lock to waiters in the order they asked for it", async () => {
    const rt = startRuntime();
    const mu = new Mutex();
    const order: string[] = [];
    go(async () => {
      await mu.lock();
      await time.sleep(10);
      mu.unlock();
    });
    for (const name of ["a", "b", "c"]) {
      go(async () => {
        await mu.lock();
        order.push(`${name} at ${time.now()}`);
        await time.sleep(5);
        mu.unlock();
      });
    }
    await rt.run();
    expect(order).toEqual(["a at 10", "b at 15", "c at 20"]);
  });

  it("hands the lock straight to a waiter on unlock, so tryLock then fails", async () => {
    const rt = startRuntime();
    const mu = new Mutex();
    const log: string[] = [];
    go(async () => {
      await mu.lock();
      await time.sleep(10);
      mu.unlock();
      log.push(`tryLock after unlock: ${mu.tryLock()}`);
    });
    go(async () => {
      await mu.lock();
      log.push("waiter got the lock");
      mu.unlock();
    });
    await rt.run();
    expect(log).toEqual(["tryLock after unlock: false", "waiter got the lock"]);
  });

  it("takes a free lock with tryLock and refuses a held one", () => {
    startRuntime();
    const mu = new Mutex();
    const results = [mu.tryLock(), mu.tryLock()];
    mu.unlock();
    results.push(mu.tryLock());
    expect(results).toEqual([true, false, true]);
  });

  it("panics with sync: unlock of unlocked mutex", () => {
    startRuntime();
    const mu = new Mutex();
    expect(thrown(() => mu.unlock())).toEqual(new Panic("sync: unlock of unlocked mutex"));
    void mu.lock();
    mu.unlock();
    expect(thrown(() => mu.unlock())).toEqual(new Panic("sync: unlock of unlocked mutex"));
  });
});

describe("Once", () => {
  it("runs the function on the first call only, whatever function later calls pass", () => {
    const once = new Once();
    const calls: string[] = [];
    once.do(() => calls.push("first"));
    once.do(() => calls.push("second"));
    once.do(() => calls.push("first"));
    expect(calls).toEqual(["first"]);
  });

  it("counts a function that throws as done, as Go does when f panics", () => {
    const once = new Once();
    const calls: string[] = [];
    expect(() =>
      once.do(() => {
        calls.push("boom");
        throw new Error("boom");
      }),
    ).toThrow("boom");
    once.do(() => calls.push("again"));
    expect(calls).toEqual(["boom"]);
  });
});
