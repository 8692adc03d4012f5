/** A fresh worker for one job (a live run or a check), from the app's own origin. */
export function createWorker(name = "Leak Lab run"): Worker {
  return new Worker(new URL("../sandbox/worker/worker.ts", import.meta.url), { type: "module", name });
}

/** Real ms a busy worker may go without a word (its heartbeat) before the page stops it. */
export const WATCHDOG_MS = 3000;
