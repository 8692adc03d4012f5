/**
 * Go's `select`: wait on several channel operations and run the one that can proceed. When several are ready,
 * one is chosen at random (the runtime's seeded PRNG, so a seed replays the same choices); with a default,
 * select never blocks; with no cases it blocks forever.
 */
import {
  type Chan,
  canRecv,
  canSend,
  makeWaiter,
  type RecvResult,
  type SelectWait,
  type SelectWin,
  tryRecv,
  trySend,
  waitOn,
} from "./chan.ts";
import { currentRuntime } from "./runtime.ts";

export interface SelectCase<R> {
  readonly op: "recv" | "send";
  // biome-ignore lint/suspicious/noExplicitAny: a select mixes channels of any element type.
  readonly chan: Chan<any>;
  readonly value: unknown;
  readonly run: (received: RecvResult<unknown> | undefined) => R;
}

/** A receive case: `handler(value, ok)` runs when it wins; `ok` is false once the channel is closed. */
export function recv<T>(ch: Chan<T>): SelectCase<undefined>;
export function recv<T, R>(ch: Chan<T>, handler: (value: T | undefined, ok: boolean) => R): SelectCase<R>;
export function recv<T, R>(
  ch: Chan<T>,
  handler?: (value: T | undefined, ok: boolean) => R,
): SelectCase<R | undefined> {
  return {
    op: "recv",
    chan: ch,
    value: undefined,
    run: (received) => handler?.(received?.[0] as T | undefined, received?.[1] ?? false),
  };
}

/** A send case: sends `value` and runs `handler()` when it wins. */
export function send<T>(ch: Chan<T>, value: T): SelectCase<undefined>;
export function send<T, R>(ch: Chan<T>, value: T, handler: () => R): SelectCase<R>;
export function send<T, R>(ch: Chan<T>, value: T, handler?: () => R): SelectCase<R | undefined> {
  return { op: "send", chan: ch, value, run: () => handler?.() };
}

function isReady(selectCase: SelectCase<unknown>): boolean {
  return selectCase.op === "recv" ? canRecv(selectCase.chan) : canSend(selectCase.chan);
}

/** Waits until one case can proceed, performs it and returns what its handler returns. */
export function select<R>(cases: readonly SelectCase<R>[], orDefault?: () => R): Promise<Awaited<R>> {
  const runtime = currentRuntime();
  let readyCount = 0;
  for (const selectCase of cases) if (isReady(selectCase)) readyCount++;

  if (readyCount > 0) {
    let pick = readyCount > 1 ? runtime.prng.below(readyCount) : 0;
    for (const selectCase of cases) {
      if (!isReady(selectCase) || pick-- > 0) continue;
      if (selectCase.op === "send") {
        trySend(selectCase.chan, selectCase.value);
        return Promise.resolve(selectCase.run(undefined));
      }
      return Promise.resolve(selectCase.run(tryRecv(selectCase.chan)));
    }
  }
  if (orDefault) return Promise.resolve(orDefault());

  const task = runtime.currentTask("select");
  // Go parks `select {}` as "select (no cases)"; a select whose cases are all on nil channels parks as
  // "select", forever, since nothing can ever be ready.
  if (cases.length === 0) return runtime.block(task, "select (no cases)", select);
  const wait: SelectWait = { waiters: [] };
  cases.forEach((selectCase, index) => {
    if (selectCase.chan.isNil) return;
    const waiter = makeWaiter(task, wait, index, selectCase.value);
    wait.waiters.push(waiter);
    waitOn(selectCase.chan, selectCase.op, waiter);
  });
  return runtime.block<SelectWin>(task, "select", select).then((win) => {
    const winner = cases[win.index] as SelectCase<R>;
    return winner.run(win.received) as Awaited<R>;
  });
}
