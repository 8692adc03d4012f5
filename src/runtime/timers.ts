/**
 * The browser's setTimeout and setInterval on the virtual clock, installed in place of the real ones for
 * learner code. Each callback runs in its own task; a pending timeout is a timer handle and an interval a
 * ticker handle until cleared, so a forgotten setInterval shows up in the counts like a forgotten ticker.
 */
import type { Runtime } from "./runtime.ts";
import { currentRuntime } from "./runtime.ts";
import { captureStack } from "./stack.ts";
import { Ticker, Timer } from "./time.ts";

const timersById = new WeakMap<Runtime, Map<number, Timer | Ticker>>();
let lastTimerId = 0;

function timerTable(runtime: Runtime): Map<number, Timer | Ticker> {
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
  const timer = new Timer(runtime, Number(ms) || 0, stack, () => {
    table.delete(id);
    runtime.go(() => callback(...args), { stack, name: "setTimeout callback" });
  });
  table.set(id, timer);
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
  timerTable(runtime).set(id, ticker);
  return id;
}

/** Cancels a virtual setTimeout or setInterval (either function clears either, as in browsers). */
export function virtualClearTimer(id: unknown): void {
  const runtime = currentRuntime();
  const table = timerTable(runtime);
  const handle = table.get(Number(id));
  if (!handle) return;
  table.delete(Number(id));
  handle.stop();
}
