/** A task: Leak Lab's goroutine, an async function the scheduler runs one at a time on virtual time. */
import { Handle, type TaskState } from "./handles.ts";
import type { Site, StackCapture } from "./stack.ts";

export class Task extends Handle {
  readonly kind = "goroutine";
  state: TaskState = "runnable";
  /** Virtual ms when the task last blocked. */
  blockedSince = 0;
  /** The state the task last blocked in; kept once it is runnable again. */
  blockedIn: TaskState | undefined = undefined;
  /** Where it is blocked, when known: a site from instrumented code, or a captured stack. */
  blockSite: Site | undefined = undefined;
  blockStack: StackCapture | undefined = undefined;
  started = false;
  /** Resumes the task's pending operation; set while it is blocked. */
  wake: ((value: unknown) => void) | undefined = undefined;
  fail: ((error: unknown) => void) | undefined = undefined;
  /** What the task will be resumed with once the scheduler gets to it. */
  pendingValue: unknown = undefined;
  pendingError: unknown = undefined;
  hasPendingError = false;
  /**
   * Virtual setTimeouts this task made that have not fired or been cleared. A task that goes quiet while it has
   * one is most likely awaiting a promise the timeout resolves (`await new Promise((r) => setTimeout(r, ms))`).
   */
  pendingTimeouts = 0;
  /** Tells the runtime that this task's code is about to run again; set by the runtime (see Runtime.block). */
  enterTurn: () => void = noop;

  constructor(
    id: number,
    createdAt: number,
    createStack: StackCapture | undefined,
    internal: boolean,
    readonly name: string | undefined,
    /** The task that called go(), if any. */
    readonly parentId: number | undefined,
    readonly body: () => unknown,
    site?: Site,
  ) {
    super(id, createdAt, createStack, internal, site);
  }

  get blocked(): boolean {
    return this.state !== "running" && this.state !== "runnable";
  }
}

function noop(): void {}
