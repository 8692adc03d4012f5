/**
 * The acceptance test: a service leaking one task on `chan receive` and one in `select` per request.
 * The debug=1 dump groups the leaks under their creation lines in this file, and the goleak-style report lists
 * them; once the service closes its channel and cancels its context, nothing is left and the report is empty.
 */
import { describe, expect, it } from "vitest";
import { type Chan, type Context, chan, context, go, recv, select, time } from "./index.ts";
import { activate, DEADLOCK_MESSAGE, type RunOutcome, Runtime } from "./runtime.ts";
import type { Task } from "./task.ts";
import { describeTask, type TaskView } from "./views/describeTask.ts";
import { formatDumpDebug1, formatDumpDebug2 } from "./views/formatDump.ts";
import { formatLeakReport, groupLeaks } from "./views/formatLeaks.ts";

/** The line this function is called from, read off a plain Error's stack. */
function lineHere(): number {
  const frame = new Error().stack?.split("\n")[2] ?? "";
  return Number(/:(\d+):\d+\)?$/.exec(frame)?.[1]);
}

/** Lines of the service below, recorded as it runs: where each task is created and where it blocks. */
const lines = { watcherGo: 0, watcherRecv: 0, pollerGo: 0, pollerSelect: 0 };

/** Forwards progress events until its channel is closed. */
function startWatcher(events: Chan<string>): void {
  lines.watcherGo = lineHere() + 1;
  go(async () => {
    lines.watcherRecv = lineHere() + 1;
    for await (const event of events) void event;
  });
}

/** Waits for the upload's result, or gives up when the request's context is cancelled. */
function startPoller(ctx: Context, results: Chan<number>): void {
  lines.pollerGo = lineHere() + 1;
  go(async () => {
    lines.pollerSelect = lineHere() + 1;
    await select([recv(results), recv(ctx.done())]);
  });
}

/** One request; the leaky version never closes `events` nor cancels its context. */
async function handleRequest(fixed: boolean): Promise<void> {
  const [ctx, cancel] = context.withCancel(context.background());
  const events = chan<string>();
  startWatcher(events);
  startPoller(ctx, chan<number>());
  await events.send("upload started");
  await time.sleep(1000);
  if (fixed) {
    events.close();
    cancel();
  }
}

async function serveThreeRequests(fixed: boolean): Promise<{ outcome: RunOutcome; views: TaskView[] }> {
  const rt = new Runtime({ seed: 1, blockStacks: true });
  activate(rt);
  go(async () => {
    for (let i = 0; i < 3; i++) await handleRequest(fixed);
  });
  const outcome = await rt.run({ until: 60_000 });
  const views = [...rt.registry.handles("goroutine")].map((task) => describeTask(task as Task, rt.now));
  return { outcome, views };
}

describe("leak detection", () => {
  it("groups the leaked tasks of the debug=1 dump under their creation lines, with their states", async () => {
    const { outcome, views } = await serveThreeRequests(false);
    expect(outcome).toEqual({ kind: "deadlock", now: 3000, message: DEADLOCK_MESSAGE });
    // Each go(...) call sits two lines above the line its task blocks at.
    expect([lines.watcherRecv - lines.watcherGo, lines.pollerSelect - lines.pollerGo]).toEqual([2, 2]);
    const file = "leakDetection.test.ts";
    expect(formatDumpDebug1(views)).toBe(
      [
        "goroutine profile: total 6",
        "",
        "3 @ [chan receive]",
        `#\tstartWatcher.func1\t${file}:${lines.watcherRecv}`,
        `#\tcreated by startWatcher\t${file}:${lines.watcherGo}`,
        "",
        "3 @ [select]",
        `#\tstartPoller.func1\t${file}:${lines.pollerSelect}`,
        `#\tcreated by startPoller\t${file}:${lines.pollerGo}`,
      ].join("\n"),
    );
  });

  it("prints each leaked task in the debug=2 dump with how long it has been blocked and who started it", async () => {
    const { views } = await serveThreeRequests(false);
    const [first] = views;
    expect(first && formatDumpDebug2([first])).toBe(
      [
        "goroutine 2 [chan receive]:",
        "startWatcher.func1()",
        `\tleakDetection.test.ts:${lines.watcherRecv}`,
        "created by startWatcher in goroutine 1",
        `\tleakDetection.test.ts:${lines.watcherGo}`,
      ].join("\n"),
    );
    expect(views.map((view) => [view.id, view.state, view.blockedFor])).toEqual([
      [2, "chan receive", 3000],
      [3, "select", 3000],
      [4, "chan receive", 2000],
      [5, "select", 2000],
      [6, "chan receive", 1000],
      [7, "select", 1000],
    ]);
  });

  it("lists the leaks in the goleak-style report, one entry per kind of leak", async () => {
    const { views } = await serveThreeRequests(false);
    const report = formatLeakReport(views);
    expect(report.startsWith("found unexpected goroutines:\n")).toBe(true);
    expect(report).toContain(
      [
        "[Goroutine 2 in state chan receive, with startWatcher.func1 on top of the stack:",
        "goroutine 2 [chan receive]:",
        "startWatcher.func1()",
        `\tleakDetection.test.ts:${lines.watcherRecv}`,
        "created by startWatcher in goroutine 1",
        `\tleakDetection.test.ts:${lines.watcherGo}`,
        "... and 2 more goroutines like this one",
        "]",
      ].join("\n"),
    );
    expect(report).toContain(
      "[Goroutine 3 in state select, with startPoller.func1 on top of the stack:\ngoroutine 3 [select]:",
    );
    expect(groupLeaks(views)).toEqual([
      {
        site: `leakDetection.test.ts:${lines.watcherGo}`,
        function: "startWatcher",
        state: "chan receive",
        count: 3,
      },
      {
        site: `leakDetection.test.ts:${lines.pollerGo}`,
        function: "startPoller",
        state: "select",
        count: 3,
      },
    ]);
  });

  it("finds nothing once the service closes its channel and cancels its context", async () => {
    const { outcome, views } = await serveThreeRequests(true);
    expect(outcome).toEqual({ kind: "exited", now: 3000 });
    expect(views).toEqual([]);
    expect(formatDumpDebug1(views)).toBe("goroutine profile: total 0");
    expect(formatLeakReport(views)).toBe("");
  });
});
