import { describe, expect, it } from "vitest";
import { chan } from "../runtime/chan.ts";
import type { Runtime } from "../runtime/runtime.ts";
import type { Task } from "../runtime/task.ts";
import { startRuntime } from "../runtime/testRuntime.ts";
import { sleep } from "../runtime/time.ts";
import { describeTask } from "../runtime/views/describeTask.ts";
import { sleepAt } from "./sleepAt.ts";

/** Where each of the runtime's goroutines is blocked, as a dump names it, in creation order. */
function blockSites(rt: Runtime) {
  return [...rt.registry.handles("goroutine")].map((task) => describeTask(task as Task, rt.now).blockSite);
}

/**
 * Runs `body(true)` and `body(false)` side by side on a runtime that records block stacks, the one through
 * sleepAt and the other not; returns where each is blocked at `until`.
 */
async function sitesOfPair(body: (throughSleepAt: boolean) => Promise<void>, until: number) {
  const rt = startRuntime({ blockStacks: true });
  rt.go(() => body(true));
  rt.go(() => body(false));
  await rt.run({ until });
  return blockSites(rt);
}

describe("sleepAt", () => {
  it("names the same site as time.sleep called from the same line, at every sleep", async () => {
    const [hinted, captured] = await sitesOfPair(async function networkWait(throughSleepAt) {
      for (;;) await (throughSleepAt ? sleepAt("network wait", 100) : sleep(100));
    }, 350);
    expect(captured).toMatchObject({ fn: "networkWait", file: "sleepAt.test.ts" });
    expect(hinted).toEqual(captured);
  });

  it("leaves no site behind when it does not block, for the next block to be charged to", async () => {
    const [afterZeroSleep, plain] = await sitesOfPair(async function waitAfter(zeroSleep) {
      if (zeroSleep) await sleepAt("zero sleep", 0);
      await chan<number>().recv();
    }, 10);
    expect(plain).toMatchObject({ fn: "waitAfter", file: "sleepAt.test.ts" });
    expect(afterZeroSleep).toEqual(plain);
  });

  it("names no site where the runtime records none", async () => {
    const rt = startRuntime({ blockStacks: false });
    rt.go(async () => {
      for (;;) await sleepAt("unrecorded", 100);
    });
    await rt.run({ until: 250 });

    expect(blockSites(rt)).toEqual([undefined]);
  });
});
