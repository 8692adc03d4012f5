/**
 * sync.RWMutex as Go 1.23's: any number of readers or one writer. A writer queues behind other writers (on a
 * Mutex, so it waits in "sync.Mutex.Lock"), then announces itself and waits for the readers holding the lock
 * to leave ("sync.RWMutex.Lock"); readers that come after the announcement wait for that writer to unlock
 * ("sync.RWMutex.RLock"), so a stream of readers cannot starve it. Unlocking one that is not locked is fatal,
 * as in Go.
 */
import { currentRuntime } from "../../runtime/runtime.ts";
import { Mutex } from "../../runtime/sync.ts";
import type { Task } from "../../runtime/task.ts";
import { GoPanic } from "../values.ts";

export class RWMutex {
  /** Readers holding the lock. */
  private readers = 0;
  /** Whether a writer holds it. */
  private writing = false;
  /** The writer that has announced itself and waits for the readers to leave. */
  private announced: Task | undefined = undefined;
  private readonly blockedReaders: Task[] = [];
  /** Where writers queue for their turn. */
  private readonly writers = new Mutex();

  rlock(): Promise<void> | undefined {
    if (!this.writing && this.announced === undefined) {
      this.readers++;
      return undefined;
    }
    const runtime = currentRuntime();
    const task = runtime.currentTask("RWMutex.RLock");
    this.blockedReaders.push(task);
    return runtime.block(task, "sync.RWMutex.RLock");
  }

  runlock(): void {
    if (this.readers === 0) throw new GoPanic(null, "sync: RUnlock of unlocked RWMutex");
    this.readers--;
    const writer = this.announced;
    if (this.readers === 0 && writer !== undefined) {
      this.announced = undefined;
      this.writing = true;
      currentRuntime().ready(writer, undefined);
    }
  }

  async lock(): Promise<void> {
    await this.writers.lock();
    if (this.readers === 0) {
      this.writing = true;
      return;
    }
    const runtime = currentRuntime();
    const task = runtime.currentTask("RWMutex.Lock");
    this.announced = task;
    await runtime.block(task, "sync.RWMutex.Lock");
  }

  unlock(): void {
    if (!this.writing) throw new GoPanic(null, "sync: Unlock of unlocked RWMutex");
    this.writing = false;
    // The readers that waited for this writer go first, then the next writer may announce itself.
    for (const reader of this.blockedReaders.splice(0)) {
      this.readers++;
      currentRuntime().ready(reader, undefined);
    }
    this.writers.unlock();
  }
}
