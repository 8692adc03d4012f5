/**
 * Go's sync for translated code: the runtime's WaitGroup and Mutex with Go's panics (an unlock of an unlocked
 * mutex is fatal, as in Go), and a Once whose later callers wait for the first call's function to return.
 */
import { Mutex, WaitGroup } from "../../runtime/sync.ts";
import { GoPanic } from "../values.ts";
import { guard } from "./channels.ts";
import { RWMutex } from "./rwMutex.ts";

interface GoOnce {
  done: boolean;
  readonly mu: Mutex;
}

export const syncOps = {
  newOnce: (): GoOnce => ({ done: false, mu: new Mutex() }),
  /** Once.Do: the first caller runs f; the others wait until it has returned, as Go's do. */
  async onceDo(once: GoOnce, f: () => Promise<unknown>): Promise<void> {
    if (once.done) return;
    await once.mu.lock();
    try {
      if (!once.done) {
        try {
          await f();
        } finally {
          // If f panics, Do considers it to have returned: later calls do not run it again.
          once.done = true;
        }
      }
    } finally {
      once.mu.unlock();
    }
  },

  newWaitGroup: () => new WaitGroup(),
  newMutex: () => new Mutex(),
  newRWMutex: () => new RWMutex(),
  wgAdd(wg: WaitGroup, delta: number): void {
    guard(() => wg.add(delta));
  },
  unlock(mutex: Mutex): void {
    try {
      mutex.unlock();
    } catch {
      throw new GoPanic(null, "sync: unlock of unlocked mutex");
    }
  },
};
