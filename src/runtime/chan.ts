/**
 * Channels with Go's semantics: unbuffered channels hand a value from sender to receiver directly, buffered
 * ones queue up to `cap` values, a closed channel drains its buffer then yields `[undefined, false]`, sending
 * on it panics, and a nil channel blocks forever. Select waiters sit on the same wait lists as plain
 * senders and receivers; when one case wins, its siblings are withdrawn from the other channels at once.
 */
import { Panic } from "./panic.ts";
import { Fifo, type ListNode, WaitList } from "./queue.ts";
import { currentRuntime } from "./runtime.ts";
import type { Task } from "./task.ts";

export type RecvResult<T> = readonly [value: T, ok: true] | readonly [value: undefined, ok: false];

// Shared by every channel and handed to learner code, so frozen: an own `then` set on SENT, or a changed
// CLOSED[1], would reach every other channel's callers, the checks' own traffic among them.
const CLOSED: RecvResult<never> = Object.freeze([undefined, false] as const);
const SENT: Promise<void> = Object.freeze(Promise.resolve());

/** A blocked sender or receiver, alone or as one case of a select. */
export interface Waiter extends ListNode {
  readonly task: Task;
  readonly select: SelectWait | undefined;
  readonly caseIndex: number;
  /** For senders: the value to hand over. */
  readonly value: unknown;
}

export interface SelectWait {
  readonly waiters: Waiter[];
}

/** What a select's task is resumed with: the winning case and, for a receive, what it got. */
export interface SelectWin {
  readonly index: number;
  readonly received: RecvResult<unknown> | undefined;
}

export function makeWaiter(
  task: Task,
  select: SelectWait | undefined,
  caseIndex: number,
  value: unknown,
): Waiter {
  return { task, select, caseIndex, value, prev: undefined, next: undefined, list: undefined };
}

/** Resumes a waiter's task; for a select, withdraws its other cases first. */
function wake(waiter: Waiter, received: RecvResult<unknown> | undefined): void {
  const runtime = currentRuntime();
  if (waiter.select) {
    withdraw(waiter.select);
    const win: SelectWin = { index: waiter.caseIndex, received };
    runtime.ready(waiter.task, win);
  } else {
    runtime.ready(waiter.task, received);
  }
}

function wakeWithPanic(waiter: Waiter, message: string): void {
  if (waiter.select) withdraw(waiter.select);
  currentRuntime().readyWithError(waiter.task, new Panic(message));
}

function withdraw(select: SelectWait): void {
  for (const waiter of select.waiters) waiter.list?.remove(waiter);
}

/** What select and timers do to a channel from inside the runtime: Chan's own code, set in its static block. */
interface ChanInternals {
  canRecv(ch: Chan<unknown>): boolean;
  canSend(ch: Chan<unknown>): boolean;
  trySend<T>(ch: Chan<T>, value: T): boolean;
  tryRecv<T>(ch: Chan<T>): RecvResult<T> | undefined;
  wait(ch: Chan<unknown>, op: "recv" | "send", waiter: Waiter): void;
  waitingSenders(ch: Chan<unknown>): number;
  buffered<T>(ch: Chan<T>): Iterable<T>;
}

let internals: ChanInternals;

/**
 * A channel is handed to learner code, which runs in the same realm as the checks: its state, and the waiters
 * (which lead to tasks), live in private fields (`#`), so nothing reachable from a Chan leads to a task or to the
 * registry. Select and timers reach them through the functions below, which learner code cannot import.
 */
export class Chan<T> implements AsyncIterable<T> {
  readonly #recvq = new WaitList<Waiter>();
  readonly #sendq = new WaitList<Waiter>();
  readonly #buffer = new Fifo<T>();
  readonly #cap: number;
  readonly #isNil: boolean;
  #closed = false;

  static {
    internals = {
      canRecv: (ch) => ch.#canRecv(),
      canSend: (ch) => ch.#canSend(),
      trySend: (ch, value) => ch.#trySend(value),
      tryRecv: (ch) => ch.#tryRecv(),
      wait: (ch, op, waiter) => (op === "recv" ? ch.#recvq : ch.#sendq).push(waiter),
      waitingSenders: (ch) => ch.#sendq.length,
      buffered: (ch) => ch.#buffer,
    };
  }

  /**
   * @param cap How many values the channel holds without a receiver; 0 is a rendezvous.
   * @param isNil A nil channel: every send and receive blocks forever.
   */
  constructor(cap = 0, isNil = false) {
    if (!Number.isInteger(cap) || cap < 0) throw new Panic("makechan: size out of range");
    this.#cap = cap;
    this.#isNil = isNil;
  }

  /** How many values the channel holds without a receiver; 0 is a rendezvous. */
  get cap(): number {
    return this.#cap;
  }

  /** A nil channel: every send and receive blocks forever. */
  get isNil(): boolean {
    return this.#isNil;
  }

  /** Values waiting in the buffer. */
  get len(): number {
    return this.#buffer.length;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Sends `value`, waiting for a receiver or buffer room. Panics on a closed channel. */
  send(value: T): Promise<void> {
    if (this.#trySend(value)) return SENT;
    const runtime = currentRuntime();
    const task = runtime.currentTask("send");
    if (this.#isNil) return runtime.block(task, "chan send (nil chan)", sendEntry);
    this.#sendq.push(makeWaiter(task, undefined, 0, value));
    return runtime.block(task, "chan send", sendEntry);
  }

  /** Receives a value: `[value, true]`, or `[undefined, false]` once the channel is closed and drained. */
  recv(): Promise<RecvResult<T>> {
    return this.#receive(recvEntry);
  }

  #receive(entry: (...args: never[]) => unknown): Promise<RecvResult<T>> {
    const result = this.#tryRecv();
    if (result) return Promise.resolve(result);
    const runtime = currentRuntime();
    const task = runtime.currentTask("recv");
    if (this.#isNil) return runtime.block(task, "chan receive (nil chan)", entry);
    this.#recvq.push(makeWaiter(task, undefined, 0, undefined));
    return runtime.block(task, "chan receive", entry);
  }

  /** Closes the channel: receivers drain the buffer then see `ok === false`; blocked senders panic. */
  close(): void {
    if (this.#isNil) throw new Panic("close of nil channel");
    if (this.#closed) throw new Panic("close of closed channel");
    this.#closed = true;
    for (let receiver = this.#recvq.shift(); receiver; receiver = this.#recvq.shift()) wake(receiver, CLOSED);
    for (let sender = this.#sendq.shift(); sender; sender = this.#sendq.shift()) {
      wakeWithPanic(sender, "send on closed channel");
    }
  }

  /** `for await (const value of ch)`: receives until the channel is closed and drained. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    const next = (): Promise<IteratorResult<T>> =>
      this.#receive(next).then(([value, ok]) =>
        ok ? { value: value as T, done: false } : { value: undefined, done: true as const },
      );
    return { next };
  }

  /** Whether a receive would complete now. */
  #canRecv(): boolean {
    return !this.#isNil && (this.#sendq.length > 0 || this.#buffer.length > 0 || this.#closed);
  }

  /** Whether a send would complete (or panic) now. */
  #canSend(): boolean {
    return !this.#isNil && (this.#closed || this.#recvq.length > 0 || this.#buffer.length < this.#cap);
  }

  /** Sends without blocking; false when it would block. Panics on a closed channel. */
  #trySend(value: T): boolean {
    if (this.#isNil) return false;
    if (this.#closed) throw new Panic("send on closed channel");
    const receiver = this.#recvq.shift();
    if (receiver) {
      wake(receiver, [value, true]);
      return true;
    }
    if (this.#buffer.length < this.#cap) {
      this.#buffer.push(value);
      return true;
    }
    return false;
  }

  /** Receives without blocking; undefined when it would block. */
  #tryRecv(): RecvResult<T> | undefined {
    if (this.#isNil) return undefined;
    const sender = this.#sendq.shift();
    if (sender) {
      // A waiting sender means the buffer is full (or there is none): take the oldest value, let it in.
      let value = sender.value as T;
      if (this.#cap > 0) {
        value = this.#buffer.shift() as T;
        this.#buffer.push(sender.value as T);
      }
      wake(sender, undefined);
      return [value, true];
    }
    if (this.#buffer.length > 0) return [this.#buffer.shift() as T, true];
    return this.#closed ? CLOSED : undefined;
  }
}

// Where a block's stack capture starts, fixed here: `this.send` could be an own property learner code set.
const sendEntry = Chan.prototype.send;
const recvEntry = Chan.prototype.recv;

/** @internal Whether a receive on `ch` would complete now. */
export function canRecv(ch: Chan<unknown>): boolean {
  return internals.canRecv(ch);
}

/** @internal Whether a send on `ch` would complete (or panic) now. */
export function canSend(ch: Chan<unknown>): boolean {
  return internals.canSend(ch);
}

/** @internal Sends without blocking; false when it would block. Panics on a closed channel. */
export function trySend<T>(ch: Chan<T>, value: T): boolean {
  return internals.trySend(ch, value);
}

/** @internal Receives without blocking; undefined when it would block. */
export function tryRecv<T>(ch: Chan<T>): RecvResult<T> | undefined {
  return internals.tryRecv(ch);
}

/** @internal Queues a select's waiter on `ch` for a receive or a send. */
export function waitOn(ch: Chan<unknown>, op: "recv" | "send", waiter: Waiter): void {
  internals.wait(ch, op, waiter);
}

/** @internal Senders blocked on `ch`, for tests. */
export function waitingSenders(ch: Chan<unknown>): number {
  return internals.waitingSenders(ch);
}

/** @internal The values in `ch`'s buffer, oldest first: what a Go heap's mark finds there. */
export function bufferedValues<T>(ch: Chan<T>): Iterable<T> {
  return internals.buffered(ch);
}

/** Makes a channel; `cap` 0 (the default) is unbuffered. */
export function chan<T>(cap = 0): Chan<T> {
  return new Chan<T>(cap);
}

/** A nil channel: sends and receives block forever, closing panics (Go's `var ch chan T`). */
export function nilChan<T>(): Chan<T> {
  return new Chan<T>(0, true);
}
