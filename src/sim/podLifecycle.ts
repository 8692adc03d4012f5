/**
 * The kubelet's view of one pod, written once for the replay's pods (pod.ts) and the live run's (livePod.ts):
 * fed the pod's memory at each check (every MEMORY_CHECK_EVERY_MS, calibration.ts), it fires the alert once
 * memory has stayed above ALERT_SHARE of the limit for ALERT_AFTER_MS (a dip under the line starts the count
 * again), OOM-kills the pod with exit code 137 at the limit, and says when the killed pod comes back
 * (RESTART_DELAY_MS later). It keeps no clock and runs nothing: the host checks, reboots and stamps the time,
 * so the same rules hold on the replay's clock and on the live run's, and a test can feed it any curve.
 */

import { ALERT_AFTER_MS, ALERT_SHARE, POD_LIMIT_MIB, RESTART_DELAY_MS } from "./calibration.ts";

/** The exit code of a process the kernel's OOM killer ended (128 + SIGKILL). */
const OOM_EXIT_CODE = 137;

/** The pod was alerted on, OOM-killed or restarted. */
export interface PodEvent {
  readonly type: "AlertFired" | "OOMKilled" | "Restarted";
  /** When, on the host's clock: the live run's virtual ms, the replay's ms since midnight. */
  readonly t: number;
  readonly exitCode?: typeof OOM_EXIT_CODE;
  /** Handles and modelled pod memory at the event (a restarted pod's, fresh). */
  readonly handles: number;
  readonly memoryMiB: number;
}

/** What the host reads off the pod at a check or a restart. */
export interface PodReading {
  readonly t: number;
  readonly memoryMiB: number;
  readonly handles: number;
}

export interface PodLimits {
  /** Default: POD_LIMIT_MIB. */
  readonly limitMiB?: number;
  /** Default: RESTART_DELAY_MS. */
  readonly restartDelayMs?: number;
}

export class PodLifecycle {
  readonly limitMiB: number;
  readonly restartDelayMs: number;
  /** Since when memory has been above the alert line, without a dip; undefined while under it. */
  private aboveSince: number | undefined;
  /** One alert per incarnation: it pages once, not every check after. */
  private alerted = false;
  private killedAt: number | undefined;

  constructor(limits: PodLimits = {}) {
    this.limitMiB = limits.limitMiB ?? POD_LIMIT_MIB;
    this.restartDelayMs = limits.restartDelayMs ?? RESTART_DELAY_MS;
  }

  /** A memory check: the OOM kill at the limit, the alert after long enough above the line, or nothing. */
  check(reading: PodReading): PodEvent | undefined {
    if (this.killedAt !== undefined) return undefined;
    const { t, memoryMiB, handles } = reading;
    if (memoryMiB >= this.limitMiB) {
      this.killedAt = t;
      return { type: "OOMKilled", t, exitCode: OOM_EXIT_CODE, handles, memoryMiB };
    }
    if (memoryMiB <= this.limitMiB * ALERT_SHARE) {
      this.aboveSince = undefined;
      return undefined;
    }
    this.aboveSince ??= t;
    if (this.alerted || t - this.aboveSince < ALERT_AFTER_MS) return undefined;
    this.alerted = true;
    return { type: "AlertFired", t, handles, memoryMiB };
  }

  /** When the OOM-killed pod comes back up; undefined while it is up. */
  get restartAt(): number | undefined {
    return this.killedAt === undefined ? undefined : this.killedAt + this.restartDelayMs;
  }

  /** A fresh pod is up, after a kill or a manual restart: nothing above the line yet, no alert fired. */
  restarted(reading: PodReading): PodEvent {
    this.aboveSince = undefined;
    this.alerted = false;
    this.killedAt = undefined;
    const { t, memoryMiB, handles } = reading;
    return { type: "Restarted", t, handles, memoryMiB };
  }
}
