/**
 * Go's `time` package on the virtual clock. Timers and tickers
 * are live handles from creation until they fire (a timer), are stopped, or forever (a ticker nobody stops,
 * the leak of lesson 6). Channels of timers and tickers hold one value, like Go's before 1.23: a tick that
 * finds the previous one unread is dropped.
 */
import { Chan, trySend } from "./chan.ts";
import { Handle } from "./handles.ts";
import { Panic } from "./panic.ts";
import { currentRuntime, type Runtime } from "./runtime.ts";
import { captureStack, type Site, type StackCapture } from "./stack.ts";
import type { TimerEntry } from "./timerHeap.ts";

export const Millisecond = 1;
export const Second = 1000 * Millisecond;
export const Minute = 60 * Second;
export const Hour = 60 * Minute;

/** Virtual milliseconds since the run started. */
export function now(): number {
  return currentRuntime().now;
}

/** Virtual milliseconds since `start`. */
export function since(start: number): number {
  return currentRuntime().now - start;
}

/** Blocks the calling task for `ms` of virtual time (state "sleep"). Zero or less returns at once. */
export function sleep(ms: number): Promise<void> {
  const runtime = currentRuntime();
  if (!(ms > 0)) return Promise.resolve();
  const task = runtime.currentTask("sleep");
  runtime.wakeAt(runtime.now + ms, task);
  return runtime.block(task, "sleep", sleep);
}

/**
 * The registry's record of a timer or ticker. Kept apart from the Timer or Ticker learner code holds, which runs
 * in the same realm as the checks: a handle's id, bytes and per-site stats are the registry's books, and nothing
 * reachable from a Timer may lead to them (a Timer holds its handle and runtime in private fields).
 */
class ClockHandle extends Handle {
  constructor(
    readonly kind: "timer" | "ticker",
    runtime: Runtime,
    /** Where it was made: a stack to read the site from, or the site itself (Go's translated calls know it). */
    made: StackCapture | Site,
  ) {
    const site = "key" in made ? made : undefined;
    super(runtime.nextId(), runtime.now, site ? undefined : (made as StackCapture), false, site);
  }
}

/** A one-shot timer: after `ms` it sends the time on `c`, or runs its function in a new task. */
export class Timer {
  readonly #runtime: Runtime;
  readonly #handle: ClockHandle;
  readonly #c = new Chan<number>(1);
  readonly #onFire: ((timer: Timer) => void) | undefined;
  #entry: TimerEntry | undefined = undefined;

  /** @internal */
  constructor(
    runtime: Runtime,
    ms: number,
    made: StackCapture | Site,
    onFire: ((timer: Timer) => void) | undefined,
  ) {
    this.#runtime = runtime;
    this.#handle = new ClockHandle("timer", runtime, made);
    this.#onFire = onFire;
    this.#arm(ms);
  }

  get kind(): "timer" {
    return "timer";
  }

  /** Receives the virtual time when the timer fires (never for an afterFunc timer). */
  get c(): Chan<number> {
    return this.#c;
  }

  /** Prevents the timer from firing; true if that stopped it, false if it had already fired or stopped. */
  stop(): boolean {
    if (!this.#entry || !this.#runtime.cancel(this.#entry)) return false;
    this.#entry = undefined;
    this.#runtime.registry.remove(this.#handle);
    return true;
  }

  /** Makes the timer fire `ms` from now; true if it was still pending. */
  reset(ms: number): boolean {
    const wasPending = this.stop();
    this.#arm(ms);
    return wasPending;
  }

  #arm(ms: number): void {
    const runtime = this.#runtime;
    runtime.addHandle(this.#handle);
    this.#entry = runtime.schedule(runtime.now + Math.max(0, ms), () => {
      this.#entry = undefined;
      runtime.registry.remove(this.#handle);
      if (this.#onFire) this.#onFire(this);
      else trySend(this.#c, runtime.now);
    });
  }
}

/** A ticker: sends the time on `c` every `ms` until stopped. Every ticker needs a `stop()`. */
export class Ticker {
  readonly #runtime: Runtime;
  readonly #handle: ClockHandle;
  readonly #c = new Chan<number>(1);
  readonly #onTick: (() => void) | undefined;
  #period: number;
  #entry: TimerEntry | undefined = undefined;

  /** @internal */
  constructor(runtime: Runtime, period: number, made: StackCapture | Site, onTick: (() => void) | undefined) {
    if (!(period > 0)) throw new Panic("non-positive interval for NewTicker");
    this.#runtime = runtime;
    this.#period = period;
    this.#onTick = onTick;
    this.#handle = new ClockHandle("ticker", runtime, made);
    runtime.addHandle(this.#handle);
    this.#arm();
  }

  get kind(): "ticker" {
    return "ticker";
  }

  /** Receives the virtual time at every tick; a tick that finds the last one unread is dropped. */
  get c(): Chan<number> {
    return this.#c;
  }

  /** Turns the ticker off: no more ticks, and it stops counting as a live handle. */
  stop(): void {
    if (!this.#entry) return;
    this.#runtime.cancel(this.#entry);
    this.#entry = undefined;
    this.#runtime.registry.remove(this.#handle);
  }

  /** Stops the ticker and restarts it with a new period. */
  reset(ms: number): void {
    if (!(ms > 0)) throw new Panic("non-positive interval for Ticker.Reset");
    this.stop();
    this.#period = ms;
    this.#runtime.addHandle(this.#handle);
    this.#arm();
  }

  #arm(): void {
    const runtime = this.#runtime;
    this.#entry = runtime.schedule(runtime.now + this.#period, () => {
      this.#arm();
      if (this.#onTick) this.#onTick();
      else trySend(this.#c, runtime.now);
    });
  }
}

/** A timer that sends on its channel `ms` from now. */
export function newTimer(ms: number): Timer {
  return new Timer(currentRuntime(), ms, captureStack(newTimer), undefined);
}

/** A channel that receives the time once, `ms` from now (its timer counts as a handle until then). */
export function after(ms: number): Chan<number> {
  return new Timer(currentRuntime(), ms, captureStack(after), undefined).c;
}

/** Runs `fn` in a new task `ms` from now, unless the returned timer is stopped first. */
export function afterFunc(ms: number, fn: () => unknown): Timer {
  const runtime = currentRuntime();
  const stack = captureStack(afterFunc);
  return new Timer(runtime, ms, stack, () => runtime.go(fn, { stack, name: "time.AfterFunc" }));
}

/** A ticker whose channel receives the time every `ms`. */
export function newTicker(ms: number): Ticker {
  return new Ticker(currentRuntime(), ms, captureStack(newTicker), undefined);
}

/** The channel of a ticker that can never be stopped: like Go's time.Tick, a leak if its reader goes away. */
export function tick(ms: number): Chan<number> {
  return new Ticker(currentRuntime(), ms, captureStack(tick), undefined).c;
}
