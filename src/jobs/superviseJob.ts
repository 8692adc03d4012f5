/**
 * The one way the page runs a job in a worker (docs/ARCHITECTURE.md#workers): it starts the worker, posts the
 * job, checks every message against the job's protocol before the job's handler sees it, and ends the job in
 * `worker.terminate()` whatever ends it: its last word, a silence of WATCHDOG_MS (learner code that never
 * yields), a crash, a last word too malformed to take, or the caller cancelling. The worker and the clock are
 * passed in, so Node tests drive a job message by message on a fake clock.
 */
import type { JobProtocol } from "../sandbox/protocol/shared.ts";

/**
 * Real ms a busy worker may go without a word (its heartbeat) before the page stops it, counted while the page
 * listens: time the page itself was too busy to read its messages does not count.
 */
export const WATCHDOG_MS = 3000;
/** How often the watchdog looks. */
const WATCHDOG_EVERY_MS = 250;
/**
 * A look later than this means the page was in a long task and deaf meanwhile. Timers in a loaded tab are late
 * by tens or hundreds of ms all the time; counting that jitter would let a loop that never waits run for seconds
 * past WATCHDOG_MS on a busy machine.
 */
const DEAF_AFTER_MS = 500;

/** What the supervisor needs of a worker: a Web Worker in the page (createWorker.ts), a fake one in tests. */
export interface JobWorker {
  postMessage(message: unknown): void;
  /** Calls `onMessage` with the data of each message, `onCrash` when the worker fails. */
  listen(onMessage: (data: unknown) => void, onCrash: () => void): void;
  terminate(): void;
}

export interface JobClock {
  /** Real ms, from any origin. */
  now(): number;
  /** Calls `tick` every `ms` real ms until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export const realClock: JobClock = {
  now: () => performance.now(),
  every(ms, tick) {
    const interval = setInterval(tick, ms);
    return () => clearInterval(interval);
  },
};

/** Why a job ended other than by its last word or a cancel. */
export type JobFailure = "silent" | "crashed" | "refused";

export interface JobSpec<Sent, Message extends { readonly type: string }> {
  readonly protocol: JobProtocol<Message>;
  /** The message that starts the job, given its run id. */
  readonly start: (runId: number) => Sent;
  /** Each accepted message, in order; the job's last word after its worker has been terminated. */
  readonly onMessage: (message: Message) => void;
  /** The job was ended for it (never for a cancel: the caller knows). */
  readonly onFailure: (failure: JobFailure) => void;
}

export interface JobHost {
  /** A worker for the job: a fresh one, or one started ahead. */
  readonly worker: () => JobWorker;
  readonly clock: JobClock;
}

export interface Job<Sent> {
  /** Every message of the job names it; any other run's are ignored. */
  readonly runId: number;
  readonly ended: boolean;
  /** Posts to the job's worker (a run's pause or dump); nothing once the job has ended. */
  post(message: Sent): void;
  /** Ends the job now, reporting nothing. Safe to call after it has ended. */
  cancel(): void;
}

let lastRunId = 0;

export function superviseJob<Sent, Message extends { readonly type: string }>(
  spec: JobSpec<Sent, Message>,
  host: JobHost,
): Job<Sent> {
  const runId = ++lastRunId;
  const { protocol } = spec;
  const { clock } = host;
  const worker = host.worker();
  let ended = false;
  let lastHeard = clock.now();
  let lastLook = lastHeard;
  const stopWatchdog = clock.every(WATCHDOG_EVERY_MS, () => {
    const now = clock.now();
    // A look more than DEAF_AFTER_MS late means the page itself was in a long task: the worker's heartbeats may
    // be queued behind this look, unread. That time is not the worker's silence, or a healthy run on a busy
    // machine would be stopped as a loop that never waits.
    const late = now - lastLook - WATCHDOG_EVERY_MS;
    const deaf = late > DEAF_AFTER_MS ? late : 0;
    lastLook = now;
    lastHeard = Math.min(now, lastHeard + deaf);
    if (now - lastHeard >= WATCHDOG_MS) fail("silent");
  });

  function end(): void {
    if (ended) return;
    ended = true;
    stopWatchdog();
    worker.terminate();
  }
  function fail(failure: JobFailure): void {
    if (ended) return;
    end();
    spec.onFailure(failure);
  }

  worker.listen(
    (data) => {
      if (ended) return;
      const message = protocol.parse(data, runId);
      if (!message) {
        if (protocol.isRefusedEnding(data, runId)) fail("refused");
        return;
      }
      lastHeard = clock.now();
      if (protocol.isLast(message)) end();
      spec.onMessage(message);
    },
    () => fail("crashed"),
  );
  worker.postMessage(spec.start(runId));

  return {
    runId,
    get ended() {
      return ended;
    },
    post(message) {
      if (!ended) worker.postMessage(message);
    },
    cancel: end,
  };
}
