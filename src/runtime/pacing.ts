/**
 * Pacing: how fast a run's virtual clock goes against the wall clock, and pausing it.
 *
 * The scheduler asks two things of it: before the clock jumps to the next timer, how long to sleep so that
 * virtual time keeps to the chosen speed (napBefore); and at each task switch, whether a pause was asked for.
 * Kept apart from the scheduler because none of it decides what runs next, only when: a paced run resumes the
 * same tasks in the same order as a run flat out (the default, and every check's), which never sleeps.
 */
import type { Host } from "./host.ts";

/** Longest real sleep of a paced run between looks at pause, speed and stop requests. */
export const MAX_PACED_NAP_MS = 50;

export class Pacing {
  /** Set by Runtime.pause(); the scheduler stops at its next task switch and clears it. */
  pauseRequested = false;
  /** Virtual ms per real ms: 1 is real time, Infinity as fast as possible. */
  private speed = Number.POSITIVE_INFINITY;
  /** Wall and virtual time when the speed was last set: the pace is kept from there, not from the run's start. */
  private startWall = 0;
  private startVirtual = 0;

  constructor(private readonly host: Host) {}

  /** Paces virtual time from `now` on at `speed` virtual ms per real ms. */
  setSpeed(speed: number, now: number): void {
    if (!(speed > 0)) throw new RangeError("speed must be positive");
    this.speed = speed;
    this.startWall = this.host.wallNow();
    this.startVirtual = now;
  }

  /**
   * Real ms to sleep before the clock may move on to `when`, or 0 when it may move now. Never more than
   * MAX_PACED_NAP_MS: in short naps rather than one long sleep, a pause, a new speed or a stop is heard within a
   * nap.
   */
  napBefore(when: number): number {
    if (this.speed === Number.POSITIVE_INFINITY) return 0;
    const wait = this.startWall + (when - this.startVirtual) / this.speed - this.host.wallNow();
    return wait >= 1 ? Math.min(wait, MAX_PACED_NAP_MS) : 0;
  }
}
