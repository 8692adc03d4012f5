/**
 * What the runtime needs from the place it runs in (a Web Worker, Node, Vitest): a wall clock for pacing,
 * a real sleep, and a way to give the event loop a turn. The core itself never touches global timers, which
 * learner code sees replaced by virtual ones.
 */
export interface Host {
  /** Wall-clock milliseconds, monotonic (performance.now()). */
  wallNow(): number;
  /** Resolves after roughly `ms` real milliseconds. */
  sleep(ms: number): Promise<void>;
  /** Resolves after the host's pending events (messages, I/O) have had a turn: one macrotask. */
  yield(): Promise<void>;
}

interface TimerGlobals {
  performance?: { now(): number };
  setTimeout?: (callback: () => void, ms: number) => unknown;
  setImmediate?: (callback: () => void) => unknown;
  MessageChannel?: new () => {
    port1: { onmessage: (() => void) | null };
    port2: { postMessage(message: unknown): void };
  };
}

let captured: Host | undefined;

/**
 * The host made from the real globals, captured on the first call and reused after: a sandbox calls this before
 * it swaps setTimeout for the virtual one, and every runtime made later (a check's sessions among them) still
 * gets the real clock.
 */
export function defaultHost(): Host {
  captured ??= captureHost();
  return captured;
}

function captureHost(): Host {
  const g = globalThis as unknown as TimerGlobals;
  const setTimeoutReal = g.setTimeout?.bind(globalThis);
  const setImmediateReal = g.setImmediate?.bind(globalThis);
  const performanceReal = g.performance;
  if (!setTimeoutReal) throw new Error("Leak Lab's runtime needs setTimeout from its host");
  let yieldOnce: () => Promise<void>;
  if (setImmediateReal) {
    yieldOnce = () => new Promise((resolve) => setImmediateReal(resolve));
  } else if (g.MessageChannel) {
    // A MessageChannel round trip is the cheapest macrotask in a worker (~28 µs; setTimeout(0) is clamped).
    const channel = new g.MessageChannel();
    const waiting: (() => void)[] = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    yieldOnce = () =>
      new Promise((resolve) => {
        waiting.push(resolve);
        channel.port2.postMessage(null);
      });
  } else {
    yieldOnce = () => new Promise((resolve) => setTimeoutReal(resolve, 0));
  }
  return {
    wallNow: () => performanceReal?.now() ?? Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeoutReal(resolve, ms)),
    yield: yieldOnce,
  };
}
