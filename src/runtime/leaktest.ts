/**
 * goleak for Leak Lab. `await leaktest.verifyNone()` at the end of a test fails the test, with goleak's report,
 * when anything the code under test started is still alive: a goroutine, a timer or a ticker. Like goleak it
 * first gives the code a moment (virtual) to finish what it was doing.
 */
import { currentRuntime } from "./runtime.ts";
import type { Task } from "./task.ts";
import { sleep } from "./time.ts";
import { describeTask } from "./views/describeTask.ts";
import { formatLeakReport } from "./views/formatLeaks.ts";

/** The error verifyNone throws: its message is goleak's "found unexpected goroutines" report. */
export class LeakError extends Error {
  constructor(
    message: string,
    /** How many goroutines, timers and tickers were still alive. */
    readonly count: number,
  ) {
    super(message);
    this.name = "LeakError";
  }
}

export interface VerifyOptions {
  /** Virtual ms to let the code finish before looking (goleak retries for a while too). Default 1 s. */
  readonly settleMs?: number;
}

/**
 * Fails (throws LeakError) if any goroutine, timer or ticker other than the caller is still alive after
 * `settleMs` of virtual time. Call it inside a goroutine, at the end of a test, after closing what you opened.
 */
export async function verifyNone(options: VerifyOptions = {}): Promise<void> {
  const runtime = currentRuntime();
  const self = runtime.currentTask("leaktest.verifyNone");
  await sleep(options.settleMs ?? 1000);
  const now = runtime.now;
  const goroutines = [...runtime.registry.handles("goroutine")]
    .filter((handle) => handle !== self)
    .map((task) => describeTask(task as Task, now));
  const clocks = [...runtime.registry.handles("timer"), ...runtime.registry.handles("ticker")];
  if (goroutines.length === 0 && clocks.length === 0) return;
  const sites = new Map<string, number>();
  for (const handle of clocks) {
    const key = `${handle.kind} created at ${handle.site.key} (${handle.site.fn})`;
    sites.set(key, (sites.get(key) ?? 0) + 1);
  }
  const clockLines = [...sites].map(([site, count]) => `${count} × ${site}`);
  const report = [
    goroutines.length > 0 ? formatLeakReport(goroutines) : "",
    clockLines.length > 0 ? `found unexpected timers and tickers:\n${clockLines.join("\n")}` : "",
  ]
    .filter(Boolean)
    .join("\n");
  throw new LeakError(report, goroutines.length + clocks.length);
}
