import { describe, expect, it } from "vitest";
import { context, go, recv, select, time } from "./index.ts";
import type { Runtime } from "./runtime.ts";
import type { Task } from "./task.ts";
import { startRuntime } from "./testRuntime.ts";

const DEADLOCK = "all goroutines are asleep - deadlock!";

function goroutineStates(rt: Runtime): string[] {
  return [...rt.registry.handles("goroutine")].map((handle) => (handle as Task).state);
}

function status(ctx: context.Context): string {
  return ctx.err()?.message ?? "live";
}

describe("context.background", () => {
  it("is never done: no error, no deadline, and done() is a nil channel (todo() is the same)", async () => {
    const rt = startRuntime();
    const ctx = context.background();
    expect([ctx.err(), ctx.deadline(), ctx.value("key"), ctx.done().isNil]).toEqual([
      undefined,
      undefined,
      undefined,
      true,
    ]);
    go(() => ctx.done().recv());
    go(() => time.sleep(5000));
    expect(await rt.run()).toEqual({ kind: "deadlock", now: 5000, message: DEADLOCK });
    expect(goroutineStates(rt)).toEqual(["chan receive (nil chan)"]);
    expect(context.todo()).toBe(ctx);
  });
});

describe("context.withCancel", () => {
  it("closes done and sets err to Canceled when cancel is called", async () => {
    const rt = startRuntime();
    const [ctx, cancel] = context.withCancel(context.background());
    const log: string[] = [];
    go(async () => {
      const [value, ok] = await ctx.done().recv();
      log.push(`done ${value} ${ok} at ${time.now()}: ${status(ctx)}`);
    });
    go(async () => {
      await time.sleep(100);
      log.push(`before cancel: ${status(ctx)}`);
      cancel();
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 100 });
    expect(log).toEqual(["before cancel: live", "done undefined false at 100: context canceled"]);
    expect(ctx.err()).toBe(context.Canceled);
  });

  it("cancels children and grandchildren, through value contexts, when the parent is cancelled", () => {
    const [parent, cancelParent] = context.withCancel(context.background());
    const [child] = context.withCancel(context.withValue(parent, "k", 1));
    const [grandchild] = context.withCancel(child);
    cancelParent();
    expect([child, grandchild].map(status)).toEqual(["context canceled", "context canceled"]);
    expect([child.done().closed, grandchild.done().closed]).toEqual([true, true]);
  });

  it("leaves the parent and siblings live when a child is cancelled", () => {
    const [parent] = context.withCancel(context.background());
    const [child, cancelChild] = context.withCancel(parent);
    const [sibling] = context.withCancel(parent);
    cancelChild();
    expect([parent, child, sibling].map(status)).toEqual(["live", "context canceled", "live"]);
    expect(parent.done().closed).toBe(false);
  });

  it("gives a child of an already-cancelled parent a closed done and the parent's error at birth", () => {
    const [parent, cancel] = context.withCancel(context.background());
    cancel();
    const [child] = context.withCancel(context.withValue(parent, "k", 1));
    expect([child.err(), child.done().closed]).toEqual([context.Canceled, true]);
  });
});

describe("context.withTimeout", () => {
  it("sets err to DeadlineExceeded at exactly the virtual deadline", async () => {
    const rt = startRuntime();
    const log: string[] = [];
    go(async () => {
      await time.sleep(50);
      const [ctx] = context.withTimeout(context.background(), 200);
      log.push(`deadline ${ctx.deadline()}`);
      go(async () => {
        await ctx.done().recv();
        log.push(`done at ${time.now()}: ${status(ctx)}`);
      });
      await time.sleep(199);
      log.push(`at ${time.now()}: ${status(ctx)}`);
      await time.sleep(1);
      log.push(`at ${time.now()}: ${status(ctx)}`);
    });
    await rt.run();
    expect(log).toEqual([
      "deadline 250",
      "at 249: live",
      "done at 250: context deadline exceeded",
      "at 250: context deadline exceeded",
    ]);
  });

  it("holds a live timer handle until the deadline passes", async () => {
    const rt = startRuntime();
    const [ctx] = context.withTimeout(context.background(), 300);
    expect(rt.registry.counts).toEqual({ goroutines: 0, timers: 1, tickers: 0 });
    expect(await rt.run()).toEqual({ kind: "exited", now: 300 });
    expect([rt.registry.counts.timers, ctx.err()]).toEqual([0, context.DeadlineExceeded]);
  });

  it("keeps DeadlineExceeded when cancel is called after the deadline", async () => {
    const rt = startRuntime();
    const [ctx, cancel] = context.withTimeout(context.background(), 10);
    await rt.run();
    cancel();
    cancel();
    expect(ctx.err()).toBe(context.DeadlineExceeded);
  });

  it("stops its timer when cancelled before the deadline", async () => {
    const rt = startRuntime();
    const [ctx, cancel] = context.withTimeout(context.background(), 1000);
    go(async () => {
      await time.sleep(100);
      cancel();
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 100 });
    expect([rt.registry.counts.timers, ctx.err()]).toEqual([0, context.Canceled]);
  });

  it("stops a child's timer when the parent is cancelled", () => {
    const rt = startRuntime();
    const [parent, cancel] = context.withCancel(context.background());
    const [child] = context.withTimeout(parent, 1000);
    expect(rt.registry.counts.timers).toBe(1);
    cancel();
    expect([rt.registry.counts.timers, child.err()]).toEqual([0, context.Canceled]);
  });

  it("never gives a child a deadline later than its parent's", async () => {
    const rt = startRuntime();
    const [parent] = context.withTimeout(context.background(), 100);
    const [child] = context.withTimeout(parent, 500);
    expect([child.deadline(), rt.registry.counts.timers]).toEqual([100, 1]);
    let doneAt: number | undefined;
    go(async () => {
      await child.done().recv();
      doneAt = time.now();
    });
    expect(await rt.run()).toEqual({ kind: "exited", now: 100 });
    expect([doneAt, child.err()]).toEqual([100, context.DeadlineExceeded]);
  });

  it("keeps a child's earlier deadline, expiring the child alone", async () => {
    const rt = startRuntime();
    const [parent] = context.withTimeout(context.background(), 500);
    const [child] = context.withTimeout(parent, 50);
    const log: string[] = [];
    go(async () => {
      await child.done().recv();
      log.push(`child done at ${time.now()}, parent ${status(parent)}`);
    });
    await rt.run();
    expect(child.deadline()).toBe(50);
    expect(log).toEqual(["child done at 50, parent live"]);
  });

  it("is done at once with DeadlineExceeded, with no timer, for a zero or negative timeout", () => {
    const rt = startRuntime();
    const [zero] = context.withTimeout(context.background(), 0);
    const [negative] = context.withTimeout(context.background(), -10);
    expect([zero.err(), negative.err(), zero.done().closed]).toEqual([
      context.DeadlineExceeded,
      context.DeadlineExceeded,
      true,
    ]);
    expect(rt.registry.counts.timers).toBe(0);
  });

  it("is born cancelled, with no timer, under an already-cancelled parent", () => {
    const rt = startRuntime();
    const [parent, cancel] = context.withCancel(context.background());
    cancel();
    const [child] = context.withTimeout(parent, 1000);
    expect([child.err(), rt.registry.counts.timers]).toEqual([context.Canceled, 0]);
  });

  it("wakes a select waiting on its done channel at the deadline", async () => {
    const rt = startRuntime();
    let result: string | undefined;
    go(async () => {
      const [ctx, cancel] = context.withTimeout(context.background(), 75);
      result = await select([recv(ctx.done(), (_, ok) => `done ${ok} at ${time.now()}: ${status(ctx)}`)]);
      cancel();
    });
    await rt.run();
    expect(result).toBe("done false at 75: context deadline exceeded");
  });
});

describe("context.withDeadline", () => {
  it("expires at the given virtual time", async () => {
    const rt = startRuntime();
    const log: string[] = [];
    go(async () => {
      await time.sleep(100);
      const [ctx] = context.withDeadline(context.background(), 300);
      await ctx.done().recv();
      log.push(`done at ${time.now()}: ${status(ctx)}`);
    });
    await rt.run();
    expect(log).toEqual(["done at 300: context deadline exceeded"]);
  });
});

describe("context.withValue", () => {
  it("finds values through the chain, the nearest one first", () => {
    const root = context.withValue(context.background(), "user", "ada");
    const [cancellable] = context.withCancel(context.withValue(root, "request", 7));
    const leaf = context.withValue(cancellable, "user", "grace");
    expect([leaf.value("user"), leaf.value("request"), leaf.value("missing"), root.value("user")]).toEqual([
      "grace",
      7,
      undefined,
      "ada",
    ]);
  });

  it("shares its parent's done channel, error and deadline", () => {
    startRuntime();
    const [parent, cancel] = context.withTimeout(context.background(), 400);
    const child = context.withValue(parent, "k", "v");
    cancel();
    expect([child.done() === parent.done(), child.err(), child.deadline()]).toEqual([
      true,
      context.Canceled,
      400,
    ]);
  });
});
