/**
 * Go's time for translated code, on the runtime's virtual clock: durations in nanoseconds, times in virtual
 * milliseconds, and timers and tickers as Go 1.23's (an unbuffered channel, no stale value after Stop or Reset).
 */
import { type Chan, tryRecv } from "../../runtime/chan.ts";
import { currentRuntime } from "../../runtime/runtime.ts";
import type { Site } from "../../runtime/stack.ts";
import * as time from "../../runtime/time.ts";
import { errorPanic } from "../values.ts";
import { formatTime } from "./timeFormat.ts";
import { AFTER_FUNC_SITE } from "./traceback.ts";

const NANOS_PER_MS = 1e6;

export const timeOps = {
  sleep(duration: number): Promise<void> {
    return time.sleep(duration / NANOS_PER_MS);
  },
  // Each timer and ticker is made at the site of the call in the program (a leak report names it).
  after(duration: number, site: Site): Chan<number> {
    const ch = new time.Timer(currentRuntime(), duration / NANOS_PER_MS, site, undefined).c;
    timerChannels.add(ch);
    return ch;
  },
  /** time.Now: virtual milliseconds; time.Since and Time.Sub turn differences into a Duration. */
  now(): number {
    return currentRuntime().now;
  },
  formatTime,
  since(t: number): number {
    return timeOps.timeSub(currentRuntime().now, t);
  },
  /** t.Sub(u) in whole nanoseconds: the times' milliseconds are fractions, each exact to a nanosecond. */
  timeSub(t: number, u: number): number {
    return Math.round(t * NANOS_PER_MS) - Math.round(u * NANOS_PER_MS);
  },
  tick(duration: number, site: Site): Chan<number> | null {
    if (duration <= 0) return null;
    const ch = new time.Ticker(currentRuntime(), duration / NANOS_PER_MS, site, undefined).c;
    timerChannels.add(ch);
    return ch;
  },
  newTimer(duration: number, site: Site): GoTimer {
    const timer = new time.Timer(currentRuntime(), duration / NANOS_PER_MS, site, undefined);
    timerChannels.add(timer.c);
    return { C: timer.c, timer };
  },
  /** time.AfterFunc: f runs in its own goroutine when the timer fires; the timer's C is nil. */
  afterFunc(duration: number, f: () => Promise<unknown>, site: Site): GoTimer {
    const runtime = currentRuntime();
    // The goroutine f runs in is created by the runtime's time.goFunc, as Go's traceback names it.
    const run = () => runtime.go(() => f(), { name: "time.AfterFunc", site: AFTER_FUNC_SITE });
    return { C: null, timer: new time.Timer(runtime, duration / NANOS_PER_MS, site, run) };
  },
  /**
   * Timer.Stop as Go 1.23's: true if the call stopped the timer, which includes a timer that fired but whose
   * value nobody received: that value is discarded, so no receive after Stop sees it.
   */
  timerStop(t: GoTimer): boolean {
    return stopTimer(t);
  },
  timerReset(t: GoTimer, duration: number): boolean {
    const active = stopTimer(t);
    t.timer.reset(duration / NANOS_PER_MS);
    return active;
  },
  newTicker(duration: number, site: Site): GoTicker {
    if (duration <= 0) throw errorPanic("non-positive interval for NewTicker");
    const ticker = new time.Ticker(currentRuntime(), duration / NANOS_PER_MS, site, undefined);
    timerChannels.add(ticker.c);
    return { C: ticker.c, ticker };
  },
  tickerStop(t: GoTicker): void {
    t.ticker.stop();
    tryRecv(t.C);
  },
  tickerReset(t: GoTicker, duration: number): void {
    if (duration <= 0) throw errorPanic("non-positive interval for Ticker.Reset");
    t.ticker.reset(duration / NANOS_PER_MS);
    tryRecv(t.C);
  },
};

/** Whether a channel is a timer's or a ticker's, which reports len and cap 0. */
export function isTimerChannel(ch: Chan<unknown>): boolean {
  return timerChannels.has(ch);
}

/** A time.Timer as Go code holds it: its channel C (nil for AfterFunc) and the runtime's timer. */
interface GoTimer {
  readonly C: Chan<number> | null;
  readonly timer: time.Timer;
}

interface GoTicker {
  readonly C: Chan<number>;
  readonly ticker: time.Ticker;
}

/** Channels of timers and tickers, which report len and cap 0 as Go 1.23's unbuffered ones do. */
const timerChannels = new WeakSet<Chan<unknown>>();

function stopTimer(t: GoTimer): boolean {
  const stopped = t.timer.stop();
  const unreceived = t.C !== null && tryRecv(t.C) !== undefined;
  return stopped || unreceived;
}
