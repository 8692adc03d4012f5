/**
 * The stall watch: finds a task that awaits a promise the runtime did not make, and takes its turn back.
 *
 * The scheduler only switches tasks when the running one calls it. A task that awaits anything else (a bare
 * `new Promise`, a fetch) never does, and the others would wait on it forever. The watch looks on the wall
 * clock: a turn held for STALL_MS with no switch is taken from its task, which is marked "await", and the others
 * carry on. A task with a virtual setTimeout pending is most likely awaiting it (`await new Promise((r) =>
 * setTimeout(r, ms))`), which cannot fire while that task holds the turn and the clock stands still, so it is
 * looked at after one host turn instead (checkSoon).
 *
 * Kept apart from the scheduler because it is a diagnosis of learner code made on the host's clock, beside the
 * run; the scheduler only starts it with each run and tells it when a task with a pending timeout has the turn.
 */
import type { Host } from "./host.ts";
import type { Task } from "./task.ts";

/** Real ms a running task may go without touching the runtime before it is deemed to await a foreign promise. */
const STALL_MS = 100;

/** What the watch sees of the scheduler. */
export interface WatchedScheduler {
  isRunning(): boolean;
  /** The task whose turn it is, if any. */
  turnHolder(): Task | undefined;
  /** Task switches so far: the same count at two looks means the same turn. */
  switches(): number;
  /** Takes the turn from `task`, marked "await", and lets the others run. */
  setAside(task: Task): void;
}

export class StallWatch {
  /** Bumped by each watchRun() so that the watch of an earlier run bows out. */
  private generation = 0;
  /** A checkSoon() is waiting for its host turn. */
  private checkQueued = false;

  constructor(
    private readonly host: Host,
    private readonly scheduler: WatchedScheduler,
  ) {}

  /** Watches the run that just started until it ends, or until another run starts. */
  async watchRun(): Promise<void> {
    const scheduler = this.scheduler;
    const generation = ++this.generation;
    while (scheduler.isRunning() && generation === this.generation) {
      const task = scheduler.turnHolder();
      const switches = scheduler.switches();
      await this.host.sleep(STALL_MS);
      if (
        scheduler.isRunning() &&
        task !== undefined &&
        scheduler.turnHolder() === task &&
        scheduler.switches() === switches
      ) {
        scheduler.setAside(task);
      }
    }
  }

  /**
   * The task holding the turn has a pending setTimeout. If it goes quiet it is most likely awaiting that timeout,
   * which cannot fire until the clock moves, which it cannot while that task holds the turn: rather than wait
   * STALL_MS of real time, look after one host turn (one macrotask: all the microtasks its code could still run
   * have run by then).
   */
  checkSoon(): void {
    const scheduler = this.scheduler;
    const task = scheduler.turnHolder();
    if (this.checkQueued || task === undefined || task.pendingTimeouts === 0) return;
    if (!scheduler.isRunning()) return;
    this.checkQueued = true;
    const switches = scheduler.switches();
    void this.host.yield().then(() => {
      this.checkQueued = false;
      if (scheduler.isRunning() && scheduler.turnHolder() === task && scheduler.switches() === switches) {
        scheduler.setAside(task);
      } else {
        this.checkSoon();
      }
    });
  }
}
