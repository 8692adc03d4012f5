import { describe, expect, it } from "vitest";
import { chan, go, nilChan, Panic, time } from "./index.ts";
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

describe("chan", () => {
  it("makes an unbuffered channel by default and a buffered one of the given capacity", () => {
    startRuntime();
    expect([chan().cap, chan().len, chan(3).cap, chan(3).len]).toEqual([0, 0, 3, 0]);
  });

  it("panics with makechan: size out of range for a negative capacity", () => {
    startRuntime();
    expect(thrown(() => chan(-1))).toEqual(new Panic("makechan: size out of range"));
  });
});

describe("Chan.send", () => {
  it("blocks an unbuffered sender until a receiver takes the value", async () => {
    const rt = startRuntime();
    const ch = chan<number>();
    const log: string[] = [];
    go(async () => {
      log.push(`send at ${time.now()}`);
      await ch.send(1);
      log.push(`sent at ${time.now()}`);
    });
    go(async () => {
      await time.sleep(50);
      const [value] = await ch.recv();
      log.push(`received ${value} at ${time.now()}`);
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 50 });
    expect(log).toEqual(["send at 0", "received 1 at 50", "sent at 50"]);
  });

  it("hands the value to a receiver already waiting without blocking the sender", async () => {
    const rt = startRuntime();
    const ch = chan<number>();
    const log: string[] = [];
    go(async () => {
      const [value, ok] = await ch.recv();
      log.push(`received ${value} ${ok} at ${time.now()}`);
    });
    go(async () => {
      await time.sleep(30);
      await ch.send(7);
      log.push(`sent at ${time.now()}`);
    });
    await rt.run();
    expect(log).toEqual(["sent at 30", "received 7 true at 30"]);
  });

  it("fills a buffered channel up to its capacity without blocking, then blocks until there is room", async () => {
    const rt = startRuntime();
    const ch = chan<number>(2);
    const log: string[] = [];
    go(async () => {
      for (const value of [1, 2, 3]) {
        await ch.send(value);
        log.push(`sent ${value} at ${time.now()}`);
      }
    });
    go(async () => {
      await time.sleep(100);
      log.push(`len ${ch.len}`);
      for (let i = 0; i < 3; i++) {
        const [value] = await ch.recv();
        log.push(`received ${value} at ${time.now()}`);
      }
    });
    await rt.run();
    expect(log).toEqual([
      "sent 1 at 0",
      "sent 2 at 0",
      "len 2",
      "received 1 at 100",
      "received 2 at 100",
      "received 3 at 100",
      "sent 3 at 100",
    ]);
  });

  it("delivers the values of blocked senders in the order they blocked", async () => {
    const rt = startRuntime();
    const ch = chan<string>();
    const received: string[] = [];
    for (const name of ["a", "b", "c"]) go(() => ch.send(name));
    go(async () => {
      await time.sleep(10);
      for (let i = 0; i < 3; i++) {
        const [value] = await ch.recv();
        received.push(`${value}`);
      }
    });
    await rt.run();
    expect(received).toEqual(["a", "b", "c"]);
  });

  it("leaves a sender nobody receives from blocked in chan send, a deadlock", async () => {
    const rt = startRuntime();
    const ch = chan<number>(1);
    go(async () => {
      await ch.send(1);
      await ch.send(2);
    });
    expect(await rt.run()).toEqual({ kind: "deadlock", now: 0, message: DEADLOCK });
    expect(goroutineStates(rt)).toEqual(["chan send"]);
    expect(ch.len).toBe(1);
  });

  it("panics with send on closed channel when the channel is already closed", async () => {
    const rt = startRuntime();
    const ch = chan<number>(1);
    ch.close();
    expect(thrown(() => ch.send(1))).toEqual(new Panic("send on closed channel"));
    go(() => ch.send(2), "sender");
    expect(await rt.run()).toMatchObject({
      kind: "panic",
      now: 0,
      error: new Panic("send on closed channel"),
      task: { name: "sender" },
    });
  });

  it("panics a sender blocked on the channel when the channel is closed", async () => {
    const rt = startRuntime();
    const ch = chan<number>();
    go(() => ch.send(1), "sender");
    go(async () => {
      await time.sleep(100);
      ch.close();
    }, "closer");
    expect(await rt.run()).toMatchObject({
      kind: "panic",
      now: 100,
      error: new Panic("send on closed channel"),
      task: { name: "sender" },
    });
  });
});

describe("Chan.recv", () => {
  it("blocks in chan receive until a value is sent", async () => {
    const rt = startRuntime();
    const ch = chan<string>();
    const log: string[] = [];
    go(async () => {
      const [value, ok] = await ch.recv();
      log.push(`${value} ${ok} at ${time.now()}`);
    });
    go(async () => {
      await time.sleep(40);
      log.push(`receiver is in ${goroutineStates(rt)[0]}`);
      await ch.send("hello");
    });
    await rt.run();
    expect(log).toEqual(["receiver is in chan receive", "hello true at 40"]);
  });

  it("drains the buffer of a closed channel, then returns [undefined, false] every time", async () => {
    const rt = startRuntime();
    const ch = chan<number>(3);
    const results: unknown[] = [];
    go(async () => {
      await ch.send(1);
      await ch.send(2);
      ch.close();
      for (let i = 0; i < 4; i++) results.push(await ch.recv());
    });
    await rt.run();
    expect(results).toEqual([
      [1, true],
      [2, true],
      [undefined, false],
      [undefined, false],
    ]);
    expect([ch.closed, ch.len]).toEqual([true, 0]);
  });

  it("wakes every blocked receiver with [undefined, false] when the channel is closed", async () => {
    const rt = startRuntime();
    const ch = chan<number>();
    const log: string[] = [];
    for (const name of ["r1", "r2"]) {
      go(async () => {
        const [value, ok] = await ch.recv();
        log.push(`${name} ${value} ${ok} at ${time.now()}`);
      });
    }
    go(async () => {
      await time.sleep(100);
      ch.close();
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 100 });
    expect(log).toEqual(["r1 undefined false at 100", "r2 undefined false at 100"]);
  });

  it("wakes blocked receivers in the order they blocked", async () => {
    const rt = startRuntime();
    const ch = chan<number>();
    const log: string[] = [];
    for (const name of ["r1", "r2", "r3"]) {
      go(async () => {
        const [value] = await ch.recv();
        log.push(`${name} got ${value}`);
      });
    }
    go(async () => {
      for (const value of [1, 2, 3]) await ch.send(value);
    });
    await rt.run();
    expect(log).toEqual(["r1 got 1", "r2 got 2", "r3 got 3"]);
  });
});

describe("Chan.close", () => {
  it("panics with close of closed channel on a second close", () => {
    startRuntime();
    const ch = chan<number>();
    ch.close();
    expect(thrown(() => ch.close())).toEqual(new Panic("close of closed channel"));
  });

  it("panics with close of nil channel on a nil channel", () => {
    startRuntime();
    expect(thrown(() => nilChan<number>().close())).toEqual(new Panic("close of nil channel"));
  });
});

describe("Chan[Symbol.asyncIterator]", () => {
  it("ranges over sent values until the channel is closed", async () => {
    const rt = startRuntime();
    const ch = chan<number>();
    const log: string[] = [];
    go(async () => {
      for (const value of [1, 2, 3]) {
        await time.sleep(10);
        await ch.send(value);
      }
      ch.close();
    });
    go(async () => {
      for await (const value of ch) log.push(`${value} at ${time.now()}`);
      log.push(`done at ${time.now()}`);
    });
    await rt.run();
    expect(log).toEqual(["1 at 10", "2 at 20", "3 at 30", "done at 30"]);
  });

  it("drains what a closed buffered channel still holds, then ends", async () => {
    const rt = startRuntime();
    const ch = chan<string>(3);
    void ch.send("a");
    void ch.send("b");
    ch.close();
    const seen: string[] = [];
    go(async () => {
      for await (const value of ch) seen.push(value);
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 0 });
    expect(seen).toEqual(["a", "b"]);
  });
});

describe("nilChan", () => {
  it("blocks a receiver forever in chan receive (nil chan), even as time passes", async () => {
    const rt = startRuntime();
    const ch = nilChan<number>();
    let received = false;
    go(async () => {
      await ch.recv();
      received = true;
    });
    go(() => time.sleep(1000));
    expect(await rt.run()).toEqual({ kind: "deadlock", now: 1000, message: DEADLOCK });
    expect(goroutineStates(rt)).toEqual(["chan receive (nil chan)"]);
    expect(received).toBe(false);
  });

  it("blocks a sender forever in chan send (nil chan)", async () => {
    const rt = startRuntime();
    const ch = nilChan<number>();
    go(() => ch.send(1));
    expect(await rt.run()).toEqual({ kind: "deadlock", now: 0, message: DEADLOCK });
    expect(goroutineStates(rt)).toEqual(["chan send (nil chan)"]);
  });

  it("has length and capacity zero and is never closed", () => {
    startRuntime();
    const ch = nilChan<number>();
    expect([ch.len, ch.cap, ch.closed, ch.isNil]).toEqual([0, 0, false, true]);
  });
});

describe("Chan.len", () => {
  it("counts buffered values, not the values of blocked senders", async () => {
    const rt = startRuntime();
    const buffered = chan<number>(2);
    const unbuffered = chan<number>();
    go(async () => {
      await buffered.send(1);
      await buffered.send(2);
      await buffered.send(3);
    });
    go(() => unbuffered.send(1));
    await rt.run();
    expect([buffered.len, buffered.cap, unbuffered.len, unbuffered.cap]).toEqual([2, 2, 0, 0]);
  });
});
