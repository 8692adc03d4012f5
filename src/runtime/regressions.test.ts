/** Bugs found in review, kept fixed. */
import { describe, expect, it } from "vitest";
import { context, go, time } from "./index.ts";
import { startRuntime } from "./testRuntime.ts";

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
