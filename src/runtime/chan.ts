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

const CLOSED: RecvResult<never> = [undefined, false];
const SENT: Promise<void> = Promise.resolve();

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

export class Chan<T> implements AsyncIterable<T> {
  /** @internal */ readonly recvq = new WaitList<Waiter>();
  /** @internal */ readonly sendq = new WaitList<Waiter>();
  private readonly buffer = new Fifo<T>();
  private isClosed = false;

  constructor(
    /** How many values the channel holds without a receiver; 0 is a rendezvous. */
    readonly cap = 0,
    /** A nil channel: every send and receive blocks forever. */
    readonly isNil = false,
  ) {
    if (!Number.isInteger(cap) || cap < 0) throw new Panic("makechan: size out of range");
  }

  /** Values waiting in the buffer. */
  get len(): number {
    return this.buffer.length;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Sends `value`, waiting for a receiver or buffer room. Panics on a closed channel. */
  send(value: T): Promise<void> {
    if (this.trySend(value)) return SENT;
    const runtime = currentRuntime();
    const task = runtime.currentTask("send");
    if (this.isNil) return runtime.block(task, "chan send (nil chan)", this.send);
    this.sendq.push(makeWaiter(task, undefined, 0, value));
    return runtime.block(task, "chan send", this.send);
  }

  /** Receives a value: `[value, true]`, or `[undefined, false]` once the channel is closed and drained. */
  recv(): Promise<RecvResult<T>> {
    return this.receive(this.recv);
  }

  private receive(entry: (...args: never[]) => unknown): Promise<RecvResult<T>> {
    const result = this.tryRecv();
    if (result) return Promise.resolve(result);
    const runtime = currentRuntime();
    const task = runtime.currentTask("recv");
    if (this.isNil) return runtime.block(task, "chan receive (nil chan)", entry);
    this.recvq.push(makeWaiter(task, undefined, 0, undefined));
    return runtime.block(task, "chan receive", entry);
  }

  /** Closes the channel: receivers drain the buffer then see `ok === false`; blocked senders panic. */
  close(): void {
    if (this.isNil) throw new Panic("close of nil channel");
    if (this.isClosed) throw new Panic("close of closed channel");
    this.isClosed = true;
    for (let receiver = this.recvq.shift(); receiver; receiver = this.recvq.shift()) wake(receiver, CLOSED);
    for (let sender = this.sendq.shift(); sender; sender = this.sendq.shift()) {
      wakeWithPanic(sender, "send on closed channel");
    }
  }

  /** `for await (const value of ch)`: receives until the channel is closed and drained. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    const next = (): Promise<IteratorResult<T>> =>
      this.receive(next).then(([value, ok]) =>
        ok ? { value: value as T, done: false } : { value: undefined, done: true as const },
      );
    return { next };
  }

  /** @internal Whether a receive would complete now. */
  canRecv(): boolean {
    return !this.isNil && (this.sendq.length > 0 || this.buffer.length > 0 || this.isClosed);
  }

  /** @internal Whether a send would complete (or panic) now. */
  canSend(): boolean {
    return !this.isNil && (this.isClosed || this.recvq.length > 0 || this.buffer.length < this.cap);
  }

  /** @internal Sends without blocking; false when it would block. Panics on a closed channel. */
  trySend(value: T): boolean {
    if (this.isNil) return false;
    if (this.isClosed) throw new Panic("send on closed channel");
    const receiver = this.recvq.shift();
    if (receiver) {
      wake(receiver, [value, true]);
      return true;
    }
    if (this.buffer.length < this.cap) {
      this.buffer.push(value);
      return true;
    }
    return false;
  }

  /** @internal Receives without blocking; undefined when it would block. */
  tryRecv(): RecvResult<T> | undefined {
    if (this.isNil) return undefined;
    const sender = this.sendq.shift();
    if (sender) {
      // A waiting sender means the buffer is full (or there is none): take the oldest value, let it in.
      let value = sender.value as T;
      if (this.cap > 0) {
        value = this.buffer.shift() as T;
        this.buffer.push(sender.value as T);
      }
      wake(sender, undefined);
      return [value, true];
    }
    if (this.buffer.length > 0) return [this.buffer.shift() as T, true];
    return this.isClosed ? CLOSED : undefined;
  }
}

/** Makes a channel; `cap` 0 (the default) is unbuffered. */
export function chan<T>(cap = 0): Chan<T> {
  return new Chan<T>(cap);
}

/** A nil channel: sends and receives block forever, closing panics (Go's `var ch chan T`). */
export function nilChan<T>(): Chan<T> {
  return new Chan<T>(0, true);
}
