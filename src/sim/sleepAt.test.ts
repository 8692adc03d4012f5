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

describe("sleepAt", () => {
  it("names the same site as time.sleep called from the same line, at every sleep", async () => {
    const rt = startRuntime({ blockStacks: true });
    async function networkWait(hinted: boolean) {
      for (;;) await (hinted ? sleepAt("network wait", 100) : sleep(100));
    }
    rt.go(() => networkWait(true));
    rt.go(() => networkWait(false));
    await rt.run({ until: 350 });

    const [hinted, captured] = blockSites(rt);
    expect(captured).toMatchObject({ fn: "networkWait", file: "sleepAt.test.ts" });
    expect(hinted).toEqual(captured);
  });

  it("leaves no site behind when it does not block, for the next block to be charged to", async () => {
    const rt = startRuntime({ blockStacks: true });
    const never = chan<number>();
    async function waitAfter(zeroSleep: boolean) {
      if (zeroSleep) await sleepAt("zero sleep", 0);
      await never.recv();
    }
    rt.go(() => waitAfter(true));
    rt.go(() => waitAfter(false));
    await rt.run({ until: 10 });

    const [afterZeroSleep, plain] = blockSites(rt);
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
