/**
 * Go's `sync` primitives. WaitGroup and Mutex block tasks in the states Go's dumps show
 * ("sync.WaitGroup.Wait", "sync.Mutex.Lock"); Once runs its function a single time. Their state, and the tasks
 * waiting on them, live in private fields (`#`): learner code holds these objects, and nothing reachable from
 * them may lead to a task.
 */
import { Panic } from "./panic.ts";
import { Fifo } from "./queue.ts";
import { currentRuntime } from "./runtime.ts";
import type { Task } from "./task.ts";

/** Waits for a collection of tasks to finish: add() before starting each, done() as each ends, wait() for all. */
export class WaitGroup {
  #counter = 0;
  readonly #waiters: Task[] = [];

  add(delta: number): void {
    this.#counter += delta;
    if (this.#counter < 0) throw new Panic("sync: negative WaitGroup counter");
    if (this.#counter === 0) {
      const runtime = currentRuntime();
      for (const task of this.#waiters.splice(0)) runtime.ready(task, undefined);
    }
  }

  done(): void {
    this.add(-1);
  }

  wait(): Promise<void> {
    if (this.#counter === 0) return Promise.resolve();
    const runtime = currentRuntime();
    const task = runtime.currentTask("WaitGroup.wait");
    this.#waiters.push(task);
    return runtime.block(task, "sync.WaitGroup.Wait", waitEntry);
  }
}

/** Mutual exclusion: lock() waits (FIFO) while another task holds the lock. */
export class Mutex {
  #locked = false;
  readonly #waiters = new Fifo<Task>();

  lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return Promise.resolve();
    }
    const runtime = currentRuntime();
    const task = runtime.currentTask("Mutex.lock");
    this.#waiters.push(task);
    return runtime.block(task, "sync.Mutex.Lock", lockEntry);
  }

  tryLock(): boolean {
    if (this.#locked) return false;
    this.#locked = true;
    return true;
  }

  /** Releases the lock, handing it straight to the longest waiter if there is one. */
  unlock(): void {
    if (!this.#locked) throw new Panic("sync: unlock of unlocked mutex");
    const next = this.#waiters.shift();
    if (next) currentRuntime().ready(next, undefined);
    else this.#locked = false;
  }
}

// Where a block's stack capture starts, fixed here: `this.wait` could be an own property learner code set.
const waitEntry = WaitGroup.prototype.wait;
const lockEntry = Mutex.prototype.lock;

/** Runs a function once, however many tasks call do(). */
export class Once {
  #ran = false;

  do(fn: () => void): void {
    if (this.#ran) return;
    this.#ran = true;
    fn();
  }
}
