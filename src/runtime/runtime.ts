/**
 * The scheduler: Go-shaped tasks on a virtual clock.
 *
 * One task runs at a time, like Go with GOMAXPROCS=1. A task runs from the moment the scheduler resumes it
 * until it blocks on a runtime operation (a channel, a select, a sleep, a lock...) or ends; then the next
 * runnable task goes, in FIFO order. When none is runnable, the clock jumps to the next timer. Because only
 * one task is ever running, the runtime always knows which task is calling it, which is what lets it record
 * every task's state and blocking site without any help from the JavaScript engine.
 *
 * Switching costs one promise resolution (see handOff) and no macrotask; flat out, the loop still gives
 * the host a turn every few thousand switches so a worker can hear "pause" or "stop". A task must wait on
 * one operation at a time: `await`ing each call, as Go code reads, or `select` for several. A turn counts as
 * entered only once the task's code runs again (Task.enterTurn); a call from a task out of its turn is one that
 * forgot an `await`, and ends the run.
 *
 * This module is the scheduler alone: the virtual clock, the run queue, timers and each task's life from go() to
 * its end. Beside it, with one concern each: pacing.ts (speed against the wall clock, pause), stallWatch.ts
 * (tasks awaiting promises the runtime did not make) and forgottenAwait.ts (the panic for a missing `await`).
 */
import { forgottenAwaitPanic, outOfTurnPanic } from "./forgottenAwait.ts";
import type { Handle, TaskState } from "./handles.ts";
import { defaultHost, type Host } from "./host.ts";
import type { LogEntry } from "./log.ts";
import { Pacing } from "./pacing.ts";
import type { Panic } from "./panic.ts";
import { Prng } from "./prng.ts";
import { Fifo } from "./queue.ts";
import { Registry } from "./registry.ts";
import { captureStack, type Site, type StackCapture } from "./stack.ts";
import { StallWatch } from "./stallWatch.ts";
import { Task } from "./task.ts";
import { type TimerEntry, TimerHeap } from "./timerHeap.ts";

export interface RuntimeOptions {
  /** Seeds every random choice (which ready select case wins). Default 1. */
  readonly seed?: number;
  /** Wall clock, real sleep and event-loop turns. Default: the real globals. */
  readonly host?: Host;
  /**
   * Capture a stack each time a task blocks, so dumps show the exact blocking line even for code that was not
   * instrumented by the sandbox. Costs about 2 µs per block. Default false.
   */
  readonly blockStacks?: boolean;
  /** Modelled stack of a live task, in bytes. Default 8 KiB (see MEMORY_MODEL.md). */
  readonly stackBytes?: number;
}

export interface RunOptions {
  /** Stop once the clock reaches this virtual time (ms). Default: run until the program ends. */
  readonly until?: number;
  /** Virtual ms per real ms: 1 is real time, 60 a minute a second. Default Infinity: as fast as possible. */
  readonly speed?: number;
}

export type RunOutcome =
  /** The clock reached `until`. */
  | { readonly kind: "deadline"; readonly now: number }
  /** Every task ended and no timer is pending. */
  | { readonly kind: "exited"; readonly now: number }
  /** Tasks are left but all are blocked and no timer can wake them. */
  | { readonly kind: "deadlock"; readonly now: number; readonly message: string }
  /** A task threw, or a runtime operation failed in it ("send on closed channel"). */
  | { readonly kind: "panic"; readonly now: number; readonly error: unknown; readonly task: Task }
  | { readonly kind: "paused"; readonly now: number }
  | { readonly kind: "stopped"; readonly now: number };

export const DEADLOCK_MESSAGE = "all goroutines are asleep - deadlock!";
/** Switches between turns given to the host when running flat out. */
const SWITCHES_PER_HOST_TURN = 4096;

interface SpawnOptions {
  readonly name?: string | undefined;
  /** A host task (traffic, the scenario): counted apart and left out of views. */
  readonly internal?: boolean;
  /** The public function the learner called, so the captured stack starts at the learner's frame. */
  readonly entry?: (...args: never[]) => unknown;
  /** A creation stack captured by the caller. */
  readonly stack?: StackCapture;
  /** The creation site, when the caller knows it without a stack (translated Go knows its `go` lines). */
  readonly site?: Site;
}

/** A program's heap: what its own structures keep, and what only its goroutines still reach. */
export interface HeapBytes {
  /** Reachable from the program's variables and from what the host holds. */
  readonly kept: number;
  /** Reachable only through live goroutines' variables: freed when they end. */
  readonly byGoroutines: number;
}

export class Runtime {
  /** Virtual time in milliseconds since the runtime started. */
  now = 0;
  readonly registry = new Registry();
  readonly prng: Prng;
  readonly stackBytes: number;
  /** Receives every log line learner code writes (see log.ts). */
  onLog: ((entry: LogEntry) => void) | undefined = undefined;
  /**
   * The site the next block happens at, when the caller knows it without a stack capture: set just before a
   * blocking call (the simulation's own sleeps, at fixed lines) and taken by that call.
   */
  siteHint: Site | undefined = undefined;
  /** Whether a task's block stack is captured each time it blocks, for views to name where it waits. */
  readonly blockStacks: boolean;
  /**
   * Memory the registry does not book: a Go program's heap, which its library measures by marking from its
   * roots (src/go/lib/heap.ts) when asked. One per program on this runtime.
   */
  readonly heaps: (() => HeapBytes)[] = [];

  private readonly host: Host;
  private readonly timers = new TimerHeap();

  /** Modelled bytes held now: what the registry books, and each program's measured heap. */
  get memoryBytes(): number {
    const heap = this.heapBytes();
    return this.registry.bytes + heap.kept + heap.byGoroutines;
  }

  /** The programs' heaps, measured now (zero without a program). */
  heapBytes(): HeapBytes {
    let kept = 0;
    let byGoroutines = 0;
    for (const heap of this.heaps) {
      const bytes = heap();
      kept += bytes.kept;
      byGoroutines += bytes.byGoroutines;
    }
    return { kept, byGoroutines };
  }
  /** Active timer entries that can wake a task; observers (samplers) do not count. */
  private wakingTimers = 0;
  private readonly runQueue = new Fifo<Task>();
  private current: Task | undefined = undefined;
  /** Whether the current task's own code has run since it was resumed (see the module comment). */
  private inTurn = false;
  /** The task that blocked last, while its caller may still be running: who a call out of turn comes from. */
  private lastBlocked: Task | undefined = undefined;
  private lastId = 0;
  private lastSeq = 0;

  private phase: "idle" | "running" | "stopped" = "idle";
  private settle: ((outcome: RunOutcome) => void) | undefined = undefined;
  private deadline = Number.POSITIVE_INFINITY;
  private readonly pacing: Pacing;
  private readonly stallWatch: StallWatch;
  private dispatchQueued = false;
  /** True while the loop waits on the host (a turn or a paced sleep); nothing runs meanwhile. */
  private waitingOnHost = false;
  /** Task switches so far; the stall watch compares it between checks. */
  switches = 0;
  private switchesSinceHostTurn = 0;

  constructor(options: RuntimeOptions = {}) {
    this.prng = new Prng(options.seed ?? 1);
    this.host = options.host ?? defaultHost();
    this.blockStacks = options.blockStacks ?? false;
    this.stackBytes = options.stackBytes ?? 8 * 1024;
    this.pacing = new Pacing(this.host);
    this.stallWatch = new StallWatch(this.host, {
      isRunning: () => this.phase === "running",
      turnHolder: () => this.current,
      switches: () => this.switches,
      setAside: (task) => this.markAwaiting(task),
    });
  }

  // ---- tasks ----

  /** Starts `body` as a new task; it runs once the tasks ahead of it block. */
  go(body: () => unknown, options: SpawnOptions = {}): Task {
    const stack = options.stack ?? (options.entry ? captureStack(options.entry) : undefined);
    const task = new Task(
      ++this.lastId,
      this.now,
      stack,
      options.internal ?? false,
      options.name,
      this.running?.id,
      body,
      options.site,
    );
    task.enterTurn = () => {
      if (this.current === task) this.inTurn = true;
    };
    task.bytes = this.stackBytes;
    this.registry.add(task);
    this.runQueue.push(task);
    this.wakeLoop();
    return task;
  }

  /** The task calling into the runtime, for operations that may block. */
  currentTask(operation: string): Task {
    const task = this.current;
    if (task !== undefined && this.inTurn) return task;
    if (task !== undefined || this.afterBlock()) throw this.outOfTurn(`went on to ${operation}`);
    throw new Error(`${operation} must be called inside a goroutine: start one with go()`);
  }

  /**
   * The task calling, or undefined for host code outside any task. Throws (and ends the run) for a call made out
   * of turn, which would otherwise be charged to the wrong task.
   */
  get running(): Task | undefined {
    if (this.current === undefined ? this.afterBlock() : !this.inTurn)
      throw this.outOfTurn("went on running");
    return this.current;
  }

  /** Between a block and the next dispatch, the only code that can run is the blocked task's, out of turn. */
  private afterBlock(): boolean {
    return this.phase === "running" && this.dispatchQueued && this.lastBlocked !== undefined;
  }

  /**
   * A call into the runtime from code running out of its task's turn: ends the run with a panic charged to the
   * task that blocked last without awaiting, when there is one (see forgottenAwait.ts).
   */
  private outOfTurn(whatItDid: string): Panic {
    const blocked = this.lastBlocked;
    const culprit = blocked ?? this.current;
    const error = blocked ? forgottenAwaitPanic(blocked, whatItDid) : outOfTurnPanic(whatItDid);
    if (culprit !== undefined) this.panic(culprit, error);
    return error;
  }

  /**
   * Parks the calling task in `state` until ready() or readyWithError() is called for it. `entry` is the
   * public function the learner called (recv, select, sleep...), where a block stack capture starts.
   */
  block<T>(task: Task, state: TaskState, entry?: (...args: never[]) => unknown): Promise<T> {
    task.state = state;
    task.blockedIn = state;
    task.blockedSince = this.now;
    const hint = this.siteHint;
    this.siteHint = undefined;
    task.blockSite = hint;
    // No capture when the site is given or no view shows the task (the host's own): a capture costs a few
    // microseconds, and a simulated day blocks tasks about two million times.
    const captured = this.blockStacks && hint === undefined && !task.internal;
    task.blockStack = captured ? captureStack(entry ?? this.block, entry ? 2 : 8) : undefined;
    if (this.current === task) this.current = undefined;
    this.lastBlocked = task;
    parking = task;
    const parked = new Promise<T>(park);
    // Registered before the caller's own `await`, so it runs just before the task's code does (see enterTurn).
    void parked.then(task.enterTurn, task.enterTurn);
    this.handOff();
    return parked;
  }

  /** Makes a blocked task runnable; it resumes with `value` when its turn comes. */
  ready(task: Task, value: unknown): void {
    task.state = "runnable";
    task.pendingValue = value;
    task.hasPendingError = false;
    this.runQueue.push(task);
    this.wakeLoop();
  }

  /** Makes a blocked task runnable; its pending operation throws `error` ("send on closed channel"). */
  readyWithError(task: Task, error: unknown): void {
    this.ready(task, undefined);
    task.pendingError = error;
    task.hasPendingError = true;
  }

  // ---- timers ----

  /** Calls `fire` at virtual time `when`. Observers do not keep the program alive (see advanceClock). */
  schedule(when: number, fire: () => void, observer = false): TimerEntry {
    return this.addEntry(when, fire, undefined, observer);
  }

  /** Makes `task` runnable at virtual time `when` (a sleep). */
  wakeAt(when: number, task: Task): TimerEntry {
    return this.addEntry(when, undefined, task, false);
  }

  private addEntry(
    when: number,
    fire: (() => void) | undefined,
    sleeper: Task | undefined,
    observer: boolean,
  ): TimerEntry {
    const entry: TimerEntry = {
      // A NaN delay (time.after(undefined)) would break the heap's order and freeze the clock; as browsers
      // do for setTimeout, it means "now".
      when: Number.isNaN(when) ? this.now : Math.max(when, this.now),
      seq: ++this.lastSeq,
      active: true,
      fire,
      sleeper,
      observer,
    };
    if (!observer) this.wakingTimers++;
    this.timers.push(entry);
    this.wakeLoop();
    return entry;
  }

  cancel(entry: TimerEntry): boolean {
    if (!entry.active) return false;
    entry.active = false;
    if (!entry.observer) this.wakingTimers--;
    return true;
  }

  /** Calls `callback` every `intervalMs` of virtual time, starting one interval from now; returns a stop function. */
  every(intervalMs: number, callback: (now: number) => void): () => void {
    if (!(intervalMs > 0)) throw new RangeError("every() needs a positive interval");
    let entry: TimerEntry;
    const tick = () => {
      entry = this.schedule(this.now + intervalMs, tick, true);
      callback(this.now);
    };
    entry = this.schedule(this.now + intervalMs, tick, true);
    return () => this.cancel(entry);
  }

  /** Registers a timer or ticker handle as live. */
  addHandle(handle: Handle): void {
    handle.bytes = TIMER_BYTES;
    this.registry.add(handle);
  }

  nextId(): number {
    return ++this.lastId;
  }

  /** Virtual time of the next event that can wake a task, or undefined when none is pending. */
  nextEventTime(): number | undefined {
    if (this.runQueue.length > 0) return this.now;
    return this.wakingTimers > 0 ? this.timers.peek()?.when : undefined;
  }

  // ---- running ----

  /** Runs until `until`, the end of the program, a deadlock, a panic, pause() or stop(). */
  run(options: RunOptions = {}): Promise<RunOutcome> {
    if (this.phase === "running") return Promise.reject(new Error("the runtime is already running"));
    if (this.phase === "stopped") return Promise.resolve({ kind: "stopped", now: this.now });
    this.setSpeed(options.speed ?? Number.POSITIVE_INFINITY);
    activeRuntime = this;
    this.phase = "running";
    this.deadline = options.until ?? Number.POSITIVE_INFINITY;
    this.pacing.pauseRequested = false;
    const outcome = new Promise<RunOutcome>((resolve) => {
      this.settle = resolve;
    });
    void this.stallWatch.watchRun();
    this.scheduleDispatch();
    return outcome;
  }

  /** Runs through the next instant at which something happens, then pauses there. */
  step(): Promise<RunOutcome> {
    return this.run({ until: this.nextEventTime() ?? this.now });
  }

  /** Changes the pace of a run in progress (or of the next one). */
  setSpeed(speed: number): void {
    this.pacing.setSpeed(speed, this.now);
  }

  /** Pauses at the next task switch; run() resumes exactly where it stopped. */
  pause(): void {
    if (this.phase === "running") this.pacing.pauseRequested = true;
  }

  /** Ends this runtime for good: no task ever resumes. */
  stop(): void {
    const wasRunning = this.phase === "running";
    this.phase = "stopped";
    if (wasRunning) this.finish({ kind: "stopped", now: this.now });
    if (activeRuntime === this) activeRuntime = undefined;
  }

  get isRunning(): boolean {
    return this.phase === "running";
  }

  private finish(outcome: RunOutcome): void {
    if (this.phase === "running") this.phase = "idle";
    const settle = this.settle;
    this.settle = undefined;
    settle?.(outcome);
  }

  private wakeLoop(): void {
    if (this.current === undefined) this.scheduleDispatch();
  }

  private scheduleDispatch(): void {
    if (this.dispatchQueued || this.phase !== "running" || this.waitingOnHost) return;
    this.dispatchQueued = true;
    enqueueMicrotask(this.dispatch);
  }

  private readonly dispatch = (): void => {
    this.dispatchQueued = false;
    // A job of its own: whatever task blocked last has finished its synchronous run by now.
    this.lastBlocked = undefined;
    if (this.phase !== "running" || this.current !== undefined || this.waitingOnHost) return;
    if (this.pacing.pauseRequested) {
      this.pacing.pauseRequested = false;
      this.finish({ kind: "paused", now: this.now });
      return;
    }
    if (++this.switchesSinceHostTurn >= SWITCHES_PER_HOST_TURN) {
      this.switchesSinceHostTurn = 0;
      this.waitForHost(this.host.yield());
      return;
    }
    const task = this.runQueue.shift();
    if (task === undefined) {
      this.advanceClock();
      return;
    }
    this.switches++;
    this.resume(task);
  };

  private waitForHost(turn: Promise<void>): void {
    this.waitingOnHost = true;
    turn.then(() => {
      this.waitingOnHost = false;
      this.scheduleDispatch();
    });
  }

  private resume(task: Task): void {
    this.current = task;
    task.state = "running";
    if (task.pendingTimeouts > 0) this.stallWatch.checkSoon();
    if (!task.started) {
      this.inTurn = true;
      task.started = true;
      let result: unknown;
      // Called as a plain function, not as task.body(), so stack frames name it as the learner wrote it.
      const body = task.body;
      try {
        result = body();
      } catch (error) {
        this.panic(task, error);
        return;
      }
      if (isThenable(result)) {
        result.then(
          () => this.end(task),
          (error: unknown) => this.panic(task, error),
        );
      } else {
        this.end(task);
      }
      return;
    }
    const { wake, fail } = task;
    // Woken from a block, the task's code runs once its promise settles (enterTurn). A task taken back from
    // "await" (a setTimeout it awaited has fired) has no promise of ours to settle: its code may run at once.
    this.inTurn = wake === undefined;
    task.wake = undefined;
    task.fail = undefined;
    if (task.hasPendingError) {
      const error = task.pendingError;
      task.pendingError = undefined;
      task.hasPendingError = false;
      fail?.(error);
    } else {
      const value = task.pendingValue;
      task.pendingValue = undefined;
      wake?.(value);
    }
  }

  private end(task: Task): void {
    if (task.wake !== undefined) {
      // Its code has returned, but the task is still parked: the last blocking call was not awaited.
      this.panic(task, forgottenAwaitPanic(task, "returned"));
      return;
    }
    this.registry.remove(task);
    if (this.current === task) {
      this.current = undefined;
      this.lastBlocked = undefined;
      this.handOff();
    }
  }

  /**
   * The running task just blocked or ended. If the next task is one that is already started, resume it right
   * away: its continuation is queued behind whatever the blocked task still does in this synchronous turn
   * (normally just its `await`), so it cannot run early, and a microtask per switch is saved. A task that has
   * not started yet is left to dispatch(), because starting it runs its body synchronously, which must not
   * happen inside another task's call into the runtime.
   */
  private handOff(): void {
    const next = this.runQueue.peek();
    if (
      next?.started &&
      this.phase === "running" &&
      !this.waitingOnHost &&
      !this.pacing.pauseRequested &&
      ++this.switchesSinceHostTurn < SWITCHES_PER_HOST_TURN
    ) {
      this.runQueue.shift();
      this.switches++;
      this.resume(next);
      return;
    }
    this.scheduleDispatch();
  }

  private panic(task: Task, error: unknown): void {
    this.registry.remove(task);
    if (this.current === task) this.current = undefined;
    if (this.phase === "running") this.finish({ kind: "panic", now: this.now, error, task });
  }

  /** Nothing is runnable: fire the timers of the next instant, or end the run. */
  private advanceClock(): void {
    if (this.wakingTimers === 0) {
      const blocked = [...this.registry.live.values()].some((handle) => handle.kind === "goroutine");
      this.finish(
        blocked
          ? { kind: "deadlock", now: this.now, message: DEADLOCK_MESSAGE }
          : { kind: "exited", now: this.now },
      );
      return;
    }
    const next = this.timers.peek();
    if (next === undefined) return; // unreachable while wakingTimers > 0
    if (next.when > this.deadline) {
      this.now = Math.max(this.now, this.deadline);
      this.finish({ kind: "deadline", now: this.now });
      return;
    }
    const nap = this.pacing.napBefore(next.when);
    if (nap > 0) {
      this.waitForHost(this.host.sleep(nap));
      return;
    }
    this.now = next.when;
    // Fire everything due now, in creation order; fire() may schedule more for this same instant.
    for (
      let entry = this.timers.peek();
      entry !== undefined && entry.when === this.now;
      entry = this.timers.peek()
    ) {
      this.timers.pop();
      this.cancel(entry);
      if (entry.sleeper) this.ready(entry.sleeper, undefined);
      else entry.fire?.();
    }
    this.scheduleDispatch();
  }

  /**
   * The running task stopped calling the runtime and hands nothing back: it awaits a promise the runtime did not
   * make (see stallWatch.ts). It is marked "await" and the others carry on.
   */
  private markAwaiting(task: Task): void {
    task.state = "await";
    task.blockedSince = this.now;
    this.current = undefined;
    this.inTurn = false;
    this.scheduleDispatch();
  }

  // ---- setTimeout (timers.ts) ----

  /** `task` made a virtual setTimeout; it may await a promise the timeout resolves. */
  timeoutStarted(task: Task): void {
    task.pendingTimeouts++;
    this.stallWatch.checkSoon();
  }

  /**
   * A virtual setTimeout made by `task` fired (its callback's task just queued) or was cleared. If `task` is
   * awaiting, it most likely awaits that callback (`await new Promise((r) => setTimeout(r, ms))`): it gets the
   * turn right after the callback's task, so its code runs as itself once the callback has resolved its promise.
   * If it awaited something else, it just goes quiet again and is marked "await" again.
   */
  timeoutEnded(task: Task, fired: boolean): void {
    task.pendingTimeouts--;
    if (fired && task.state === "await" && this.registry.live.has(task.id)) this.ready(task, undefined);
  }
}

/** Modelled bytes of a timer or ticker (Go's runtime timer and its channel). */
export const TIMER_BYTES = 208;

let activeRuntime: Runtime | undefined;

// block() hands the parked task to `park` through this variable rather than a closure per block: the
// executor runs synchronously inside `new Promise`, so nothing can run in between.
let parking: Task | undefined;
function park(resolve: (value: never) => void, reject: (error: unknown) => void): void {
  const task = parking as Task;
  parking = undefined;
  task.wake = resolve as (value: unknown) => void;
  task.fail = reject;
}

// A reaction on a resolved promise: the cheapest microtask everywhere (Node's queueMicrotask wraps each
// callback in an AsyncResource and costs several times more).
const resolvedPromise = Promise.resolve();
function enqueueMicrotask(callback: () => void): void {
  void resolvedPromise.then(callback);
}

/** The runtime that learner-facing functions (go, chan, time...) act on: the one that last started running. */
export function currentRuntime(): Runtime {
  if (!activeRuntime) throw new Error("no Leak Lab runtime is running");
  return activeRuntime;
}

/** Makes `runtime` the one learner-facing functions act on before it first runs (module-level set-up code). */
export function activate(runtime: Runtime): void {
  activeRuntime = runtime;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function"
  );
}
