import { describe, expect, it } from "vitest";
import { chan, go, nilChan, Panic, recv, select, send, time } from "./index.ts";
import type { Runtime } from "./runtime.ts";
import type { Task } from "./task.ts";
import { startRuntime } from "./testRuntime.ts";

const DEADLOCK = "all goroutines are asleep - deadlock!";

function goroutineStates(rt: Runtime): string[] {
  return [...rt.registry.handles("goroutine")].map((handle) => (handle as Task).state);
}

/** Runs a program that selects 20 times between two always-ready cases and returns the cases it took. */
async function selectChoices(seed: number): Promise<(string | undefined)[]> {
  const rt = startRuntime({ seed });
  const a = chan<number>();
  const b = chan<number>();
  a.close();
  b.close();
  const choices: (string | undefined)[] = [];
  go(async () => {
    for (let i = 0; i < 20; i++) {
      choices.push(await select([recv(a, () => "a"), recv(b, () => "b")], () => "default"));
    }
  });
  await rt.run();
  return choices;
}

describe("select", () => {
  it("runs the only ready case and returns what its handler returns", async () => {
    const rt = startRuntime();
    const a = chan<number>(1);
    const b = chan<number>(1);
    void b.send(2);
    let result: string | undefined;
    go(async () => {
      result = await select([recv(a, (v) => `a ${v}`), recv(b, (v, ok) => `b ${v} ${ok}`)]);
    });
    await rt.run();
    expect([result, b.len]).toEqual(["b 2 true", 0]);
  });

  it("picks among several ready cases at random, replaying the same choices for the same seed", async () => {
    const first = await selectChoices(1);
    const again = await selectChoices(1);
    const otherSeed = await selectChoices(2);
    expect(again).toEqual(first);
    expect(otherSeed).not.toEqual(first);
    expect(first).toContain("a");
    expect(first).toContain("b");
    expect(first).not.toContain("default");
  });

  it("runs the default when no case is ready, without blocking or yielding", async () => {
    const rt = startRuntime();
    const ch = chan<number>();
    const log: (string | undefined)[] = [];
    go(async () => {
      log.push(await select([recv(ch, () => "received"), send(ch, 1, () => "sent")], () => "default"));
      log.push(`still running at ${time.now()}`);
    });
    go(() => {
      log.push("other task");
    });
    await rt.run();
    expect(log).toEqual(["default", "still running at 0", "other task"]);
  });

  it("prefers a ready case over the default", async () => {
    const rt = startRuntime();
    const ch = chan<string>(1);
    void ch.send("x");
    let result: string | undefined;
    go(async () => {
      result = await select([recv(ch, (v) => `got ${v}`)], () => "default");
    });
    await rt.run();
    expect(result).toBe("got x");
  });

  it("blocks in select until a case is ready, then runs that case", async () => {
    const rt = startRuntime();
    const a = chan<number>();
    const b = chan<number>();
    const log: (string | undefined)[] = [];
    go(async () => {
      const result = await select([recv(a, (v) => `a ${v}`), recv(b, (v) => `b ${v}`)]);
      log.push(`${result} at ${time.now()}`);
    });
    go(async () => {
      await time.sleep(100);
      log.push(`selector is in ${goroutineStates(rt)[0]}`);
      await b.send(2);
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 100 });
    expect(log).toEqual(["selector is in select", "b 2 at 100"]);
  });

  it("withdraws the other cases once one wins, so a later send on them goes to another receiver", async () => {
    const rt = startRuntime();
    const a = chan<number>();
    const b = chan<number>();
    const log: (string | undefined)[] = [];
    go(async () => {
      log.push(await select([recv(a, (v) => `select got a ${v}`), recv(b, (v) => `select got b ${v}`)]));
    });
    go(async () => {
      await time.sleep(100);
      await b.send(1);
      await time.sleep(100);
      await a.send(2);
      log.push(`a delivered at ${time.now()}`);
    });
    go(async () => {
      await time.sleep(300);
      const [value, ok] = await a.recv();
      log.push(`receiver got ${value} ${ok} at ${time.now()}`);
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 300 });
    expect(log).toEqual(["select got b 1", "receiver got 2 true at 300", "a delivered at 300"]);
  });

  it("withdraws the other send cases once one wins, so no value is delivered from them later", async () => {
    const rt = startRuntime();
    const a = chan<number>();
    const b = chan<number>();
    const log: (string | undefined)[] = [];
    go(async () => {
      log.push(await select([send(a, 1, () => "sent on a"), send(b, 2, () => "sent on b")]));
    });
    go(async () => {
      await time.sleep(10);
      const [value] = await b.recv();
      log.push(`b gave ${value}`);
      await time.sleep(10);
      log.push(await select([recv(a, (v) => `a gave ${v}`)], () => "nothing on a"));
    });
    await rt.run();
    expect(log).toEqual(["b gave 2", "sent on b", "nothing on a"]);
  });

  it("meets another task's select: a send case completes against a receive case", async () => {
    const rt = startRuntime();
    const ch = chan<string>();
    const idle = chan<string>();
    const log: (string | undefined)[] = [];
    go(async () => {
      log.push(await select([send(ch, "ping", () => "sender done"), recv(idle, () => "idle")]));
    });
    go(async () => {
      await time.sleep(30);
      log.push(
        await select([recv(idle, () => "idle"), recv(ch, (v) => `receiver got ${v} at ${time.now()}`)]),
      );
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 30 });
    expect(log).toEqual(["receiver got ping at 30", "sender done"]);
  });

  it("blocks a send case on a full buffered channel until a receiver makes room, keeping FIFO order", async () => {
    const rt = startRuntime();
    const ch = chan<number>(1);
    void ch.send(1);
    const log: (string | undefined)[] = [];
    go(async () => {
      log.push(`${await select([send(ch, 2, () => "sent 2")])} at ${time.now()}`);
    });
    go(async () => {
      await time.sleep(25);
      for (let i = 0; i < 2; i++) {
        const [value] = await ch.recv();
        log.push(`received ${value}`);
      }
    });
    await rt.run();
    expect(log).toEqual(["received 1", "received 2", "sent 2 at 25"]);
  });

  it("takes a send case when a receiver is waiting", async () => {
    const rt = startRuntime();
    const ch = chan<string>();
    const log: (string | undefined)[] = [];
    go(async () => {
      const [value] = await ch.recv();
      log.push(`received ${value}`);
    });
    go(async () => {
      log.push(await select([send(ch, "hi", () => "sent")], () => "default"));
    });
    await rt.run();
    expect(log).toEqual(["sent", "received hi"]);
  });

  it("blocks a send case until a receiver arrives and hands it the value", async () => {
    const rt = startRuntime();
    const ch = chan<string>();
    const log: (string | undefined)[] = [];
    go(async () => {
      log.push(`${await select([send(ch, "hi", () => "sent")])} at ${time.now()}`);
    });
    go(async () => {
      await time.sleep(70);
      const [value] = await ch.recv();
      log.push(`received ${value} at ${time.now()}`);
    });
    await rt.run();
    expect(log).toEqual(["received hi at 70", "sent at 70"]);
  });

  it("gives a receive case on a closed channel ok = false", async () => {
    const rt = startRuntime();
    const ch = chan<number>();
    ch.close();
    let result: string | undefined;
    go(async () => {
      result = await select([recv(ch, (v, ok) => `${v} ${ok}`)]);
    });
    await rt.run();
    expect(result).toBe("undefined false");
  });

  it("wakes a blocked receive case with ok = false when its channel is closed", async () => {
    const rt = startRuntime();
    const ch = chan<number>();
    const other = chan<number>();
    let result: string | undefined;
    go(async () => {
      result = await select([recv(other, () => "other"), recv(ch, (v, ok) => `${v} ${ok} at ${time.now()}`)]);
    });
    go(async () => {
      await time.sleep(20);
      ch.close();
    });
    await rt.run();
    expect(result).toBe("undefined false at 20");
  });

  it("takes a ready case and never a nil-channel case", async () => {
    const rt = startRuntime();
    const ch = chan<number>(1);
    void ch.send(5);
    const never = nilChan<number>();
    const results: (string | undefined)[] = [];
    go(async () => {
      results.push(
        await select([recv(never, () => "nil recv"), send(never, 1, () => "nil send")], () => "default"),
      );
      results.push(await select([recv(never, () => "nil"), recv(ch, (v) => `ch ${v}`)]));
    });
    await rt.run();
    expect(results).toEqual(["default", "ch 5"]);
  });

  it("blocks forever in select (no cases) when it has no cases", async () => {
    const rt = startRuntime();
    let returned = false;
    go(async () => {
      await select([]);
      returned = true;
    });
    go(() => time.sleep(500));
    expect(await rt.run()).toEqual({ kind: "deadlock", now: 500, message: DEADLOCK });
    expect(goroutineStates(rt)).toEqual(["select (no cases)"]);
    expect(returned).toBe(false);
  });

  it("blocks forever in select, as Go's dumps show it, when every case is on a nil channel", async () => {
    const rt = startRuntime();
    go(() => select([recv(nilChan<number>()), recv(nilChan<number>())]));
    expect(await rt.run()).toEqual({ kind: "deadlock", now: 0, message: DEADLOCK });
    expect(goroutineStates(rt)).toEqual(["select"]);
  });

  it("panics with send on closed channel when a blocked send case's channel is closed", async () => {
    const rt = startRuntime();
    const ch = chan<number>();
    const other = chan<number>();
    go(() => select([recv(other), send(ch, 1)]), "selector");
    go(async () => {
      await time.sleep(10);
      ch.close();
    });
    expect(await rt.run()).toMatchObject({
      kind: "panic",
      now: 10,
      error: new Panic("send on closed channel"),
      task: { name: "selector" },
    });
  });

  it("panics with send on closed channel when a send case's channel is already closed", async () => {
    const rt = startRuntime();
    const ch = chan<number>();
    ch.close();
    go(() => select([send(ch, 1, () => "sent")], () => "default"), "selector");
    expect(await rt.run()).toMatchObject({
      kind: "panic",
      error: new Panic("send on closed channel"),
      task: { name: "selector" },
    });
  });

  it("times out with a time.after case when nothing is sent in time", async () => {
    const rt = startRuntime();
    const ch = chan<number>();
    let result: string | undefined;
    go(async () => {
      result = await select([recv(ch, () => "value"), recv(time.after(100), (t) => `timeout at ${t}`)]);
    });
    go(async () => {
      await time.sleep(150);
      await ch.send(1);
    });
    expect(await rt.run()).toEqual({ kind: "deadlock", now: 150, message: DEADLOCK });
    expect(result).toBe("timeout at 100");
  });
});
