import { describe, expect, it } from "vitest";
import { Handle } from "./handles.ts";
import * as runtimeModule from "./index.ts";
import {
  alloc,
  chan,
  context,
  go,
  Mutex,
  nilChan,
  Once,
  recv,
  select,
  send,
  time,
  WaitGroup,
} from "./index.ts";
import { Registry } from "./registry.ts";
import { Runtime } from "./runtime.ts";
import { startRuntime } from "./testRuntime.ts";

/**
 * Everything learner code can reach from `roots` by reading properties (own and inherited, getters included)
 * and following prototypes: the objects it could tamper with. Functions are not called, except getters.
 */
function reachable(roots: readonly unknown[], limit = 50_000): Set<object> {
  const seen = new Set<object>();
  const queue: unknown[] = [...roots];
  while (queue.length > 0 && seen.size < limit) {
    const value = queue.pop();
    if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value))
      continue;
    seen.add(value);
    queue.push(Object.getPrototypeOf(value));
    for (let level: object | null = value; level; level = Object.getPrototypeOf(level)) {
      for (const key of Reflect.ownKeys(level)) {
        // `caller` and `arguments` of functions throw in strict code; anything else that throws is no path.
        try {
          queue.push(Reflect.get(level, key, value));
        } catch {}
        const descriptor = Reflect.getOwnPropertyDescriptor(level, key);
        queue.push(descriptor?.get, descriptor?.set);
      }
    }
  }
  return seen;
}

/** Objects that are the runtime's books: a path to one lets learner code change what the checks count. */
function internals(objects: Set<object>): string[] {
  const found: string[] = [];
  for (const object of objects) {
    if (object instanceof Runtime) found.push("a Runtime");
    else if (object instanceof Registry) found.push("a Registry");
    else if (object instanceof Handle) found.push(`a ${object.kind} handle`);
    else if (Object.hasOwn(object, "registry")) found.push("an object with a registry");
  }
  return found;
}

describe("objects the runtime hands learner code", () => {
  it("lead to no runtime, registry, task or handle, even while tasks are blocked on them", async () => {
    const rt = startRuntime();
    const roots: unknown[] = [runtimeModule];
    const ch = chan<number>();
    const buffered = chan<number>(1);
    const mu = new Mutex();
    const wg = new WaitGroup();
    const [cancelled, cancel] = context.withCancel(context.background());
    const [timed, stopTimed] = context.withTimeout(cancelled, 5000);
    const valued = context.withValue(timed, "key", "value");
    roots.push(ch, buffered, mu, wg, new Once(), cancelled, cancel, timed, stopTimed, valued, nilChan());
    roots.push(ch[Symbol.asyncIterator](), recv(ch), send(ch, 1), context.background());
    go(async () => {
      roots.push(alloc(1024, "held"), alloc(10).keep(), time.newTimer(100), time.after(200));
      roots.push(
        time.afterFunc(300, () => {}),
        time.newTicker(50),
        time.tick(70),
      );
      await mu.lock();
      wg.add(1);
      // Blocked tasks sit on the wait lists of these objects while the walk runs.
      go(() => ch.recv());
      go(() => mu.lock());
      go(() => wg.wait());
      go(() => select([recv(ch), recv(buffered)]));
      go(async () => {
        await buffered.send(1);
        await buffered.send(2);
      });
      await time.sleep(10);
      try {
        await runtimeModule.leaktest.verifyNone({ settleMs: 1 });
      } catch (error) {
        roots.push(error);
      }
    });
    await rt.run({ until: 20 });
    expect(rt.registry.counts.goroutines).toBeGreaterThanOrEqual(3);
    const objects = reachable(roots);
    expect(objects.size).toBeGreaterThan(100);
    expect(internals(objects)).toEqual([]);
  });

  it("catches a path when there is one (the walk itself works)", () => {
    const rt = startRuntime();
    expect(internals(reachable([{ hidden: { deeper: rt } }]))).toEqual(["a Runtime", "a Registry"]);
  });

  it("cannot be handed a look-alike that reaches inside: select refuses a fake channel", async () => {
    const rt = startRuntime();
    const stolen: unknown[] = [];
    const fake = {
      isNil: false,
      canRecv: () => false,
      recvq: { push: (waiter: unknown) => stolen.push(waiter), length: 0 },
    };
    let error: unknown;
    go(async () => {
      try {
        // biome-ignore lint/suspicious/noExplicitAny: a look-alike channel, as hostile learner code would build
        await select([recv(fake as any)]);
      } catch (thrown) {
        error = thrown;
      }
    });
    await rt.run({ until: 10 });
    expect(error).toBeInstanceOf(TypeError);
    expect(stolen).toEqual([]);
  });

  it("keeps a size written over from changing the books", async () => {
    const rt = startRuntime();
    go(async () => {
      const bytes = alloc(1000).keep();
      expect(() => Object.assign(bytes, { size: 1e9 })).toThrow(TypeError);
      bytes.release();
    });
    await rt.run();
    expect(rt.registry.bytes).toBe(0);
  });
});
