/**
 * The browser's setTimeout and setInterval on the virtual clock, installed in place of the real ones for
 * learner code. Each callback runs in its own task; a pending timeout is a timer handle and an interval a
 * ticker handle until cleared, so a forgotten setInterval shows up in the counts like a forgotten ticker.
 * A task awaiting a promise that its own setTimeout resolves sleeps on virtual time like time.sleep (see
 * Runtime.timeoutEnded).
 */
import type { Runtime } from "./runtime.ts";
import { currentRuntime } from "./runtime.ts";
import { captureStack } from "./stack.ts";
import type { Task } from "./task.ts";
import { Ticker, Timer } from "./time.ts";

/** A pending timeout or interval, and the task that set a timeout (see Runtime.timeoutStarted). */
interface TimerSlot {
  readonly handle: Timer | Ticker;
  readonly owner: Task | undefined;
}

const timersById = new WeakMap<Runtime, Map<number, TimerSlot>>();
let lastTimerId = 0;

function timerTable(runtime: Runtime): Map<number, TimerSlot> {
  let table = timersById.get(runtime);
  if (!table) {
    table = new Map();
    timersById.set(runtime, table);
  }
  return table;
}

/** The browser's setTimeout on virtual time: the callback runs in its own task; the timer is a live handle. */
export function virtualSetTimeout(
  callback: (...args: unknown[]) => unknown,
  ms = 0,
  ...args: unknown[]
): number {
  const runtime = currentRuntime();
  const id = ++lastTimerId;
  const stack = captureStack(virtualSetTimeout);
  const table = timerTable(runtime);
  // The task that sets a timeout is the one likely to await it: `await new Promise((r) => setTimeout(r, ms))`.
  const owner = runtime.running;
  const timer = new Timer(runtime, Number(ms) || 0, stack, () => {
    table.delete(id);
    runtime.go(() => callback(...args), { stack, name: "setTimeout callback" });
    if (owner) runtime.timeoutEnded(owner, true);
  });
  table.set(id, { handle: timer, owner });
  if (owner) runtime.timeoutStarted(owner);
  return id;
}

/** The browser's setInterval on virtual time: a ticker handle until clearInterval. */
export function virtualSetInterval(
  callback: (...args: unknown[]) => unknown,
  ms = 0,
  ...args: unknown[]
): number {
  const runtime = currentRuntime();
  const id = ++lastTimerId;
  const stack = captureStack(virtualSetInterval);
  // Browsers clamp a zero interval; a 1 ms floor keeps a zero-interval loop from freezing the clock.
  const ticker = new Ticker(runtime, Math.max(1, Number(ms) || 0), stack, () => {
    runtime.go(() => callback(...args), { stack, name: "setInterval callback" });
  });
  timerTable(runtime).set(id, { handle: ticker, owner: undefined });
  return id;
}

/** Cancels a virtual setTimeout or setInterval (either function clears either, as in browsers). */
export function virtualClearTimer(id: unknown): void {
  const runtime = currentRuntime();
  const table = timerTable(runtime);
  const entry = table.get(Number(id));
  if (!entry) return;
  table.delete(Number(id));
  if (entry.handle instanceof Timer) {
    if (entry.handle.stop() && entry.owner) runtime.timeoutEnded(entry.owner, false);
  } else {
    entry.handle.stop();
  }
}
