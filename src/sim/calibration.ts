/**
 * Where the replay's numbers come from. The incident report (docs/incident/incident-report.md) gives the
 * evidence E1–E9 (docs/evidence.md); this file turns it into traffic rates and byte counts, and says which
 * figure each one is fitted to. Everything else in the replay follows from running the services.
 *
 * Leak rates, per pod, at 03:00 (the night trough, when the report's figures were taken):
 * - upload (storage.ts): every simple upload of 4 MiB or more leaks its progress reporter. 120 uploads/min
 *   (E9) × 20% big = 24 leaked tasks/min.
 * - sync (sync.ts): every device that disconnects leaks its watcher. 13 disconnects/min at night.
 * - ratelimit (ratelimit.ts): every setLimits() from the config watcher, every 20 s, leaks a cleanup task and
 *   its ticker: 3 calls/min = 6 handles/min, whatever the traffic (the report's "regardless of request volume").
 *   Total 24 + 13 + 6 = 43 handles/min (E1: 1,247 → 3,847 in 60 minutes).
 *
 * Bytes each leak keeps (set in the lesson files, each pointing here): a task's 8 KiB stack plus
 * - the reporter's progress frame, 104 KiB → 24 × 112 KiB = 2,688 KiB/min;
 * - the watcher's change batch, 92 KiB → 13 × 100 KiB = 1,300 KiB/min;
 * - the sweep buffer, 285 KiB, and a 208-byte ticker → 3 × 293 KiB = 880 KiB/min;
 * which is 55.2 : 26.7 : 18.1 %, the incident profile's 87.5 : 42.3 : 28.7 MB (E5). Abandoned chunked uploads
 * (3 of 45 a minute, E9) keep two 64 KiB chunks each on average: 384 KiB/min. In all ≈ 5.1 MiB/min (E2: +50 MB
 * every 10 minutes).
 *
 * The baseline, memory the pod holds that is not the leak (caches, pools), is 1,550 MiB, fitted to the alert:
 * pod 1 started at 02:40 (so that it has 412 + 20 × 43 ≈ 1,270 handles at 03:00, E1) crosses 90% of 2 GiB at
 * ≈ 03:40 and pages at ≈ 03:45 (E3: 03:42), and a fresh pod is at 78% 13 minutes after a restart (report: 75%).
 * The report's OOM kill at 03:55 cannot be matched with E2's slope: from 94% to the limit takes 24 minutes at
 * 5 MiB/min, not 13. The replay keeps the slope (E1, E2, E5 are the evidence the lessons lean on), so its OOM
 * comes at ≈ 04:22. Lesson 2 says so.
 */
import { time } from "../runtime/index.ts";

const MINUTE = time.Minute;

/** Per pod, at 03:00: E9's figures. */
export const NIGHT = {
  uploadsPerMinute: 120,
  largeShare: 0.2,
  failShare: 0.02,
  chunkedPerMinute: 45,
  abandonShare: 3 / 45,
  changesPerMinute: 200,
  /**
   * 13 a minute staying 1.5 minutes on average (phones open the app, sync, close it): ≈ 20 watchers a pod,
   * 60 across three pods (E9: "fluctuating between 50–300"). Devices connect at this pace day and night (they
   * sync in the background); the edits they watch for follow the day's traffic. So the sync leak, like the
   * rate limiter's, does not ease off at night: the report's "grows linearly regardless of request volume".
   */
  deviceConnectsPerMinute: 13,
  deviceStayMs: [0.5 * MINUTE, 2.5 * MINUTE] as const,
  users: 800,
  /** API clients arriving a minute, each making up to a request a second (the limiter's per-client work). */
  apiClientsPerMinute: 6,
  configReloadEvery: 20 * time.Second,
} as const;

/** Handles a freshly started pod has (E3: 412 goroutines after the restart). */
export const BASELINE_HANDLES = 412;
/** Memory a pod holds that is not the leak, in MiB (see above). */
export const BASELINE_MEMORY_MIB = 1550;
/** The pods' memory limit (the report: 2 GiB), and the share of it at which the alert fires (E3: 90%). */
export const POD_LIMIT_MIB = 2048;
export const ALERT_SHARE = 0.9;
/**
 * The pod's lifecycle, as the replay (pod.ts, replay.ts) and the live run (livePod.ts) model it: memory is
 * compared with the limit every 10 s (the kubelet's view), the alert pages after 5 minutes above ALERT_SHARE,
 * and a pod OOM-killed at the limit (exit code 137) is back 7 minutes later (the report: killed at 03:55, back
 * at 04:02).
 */
export const MEMORY_CHECK_EVERY_MS = 10 * time.Second;
export const ALERT_AFTER_MS = 5 * MINUTE;
export const RESTART_DELAY_MS = 7 * MINUTE;

/**
 * Traffic volume relative to 03:00: the night trough of 02:00–04:00 (the report's "low-traffic period") at 1,
 * the rest of the day at 1.25, with an hour's ramp either side. Kept flat outside the trough on purpose: a
 * fixed service must then show flat lines for hours, and any climb is a leak, not the morning rush.
 */
const DAY_VOLUME = 1.25;

/** Traffic volume at `clockMs` (ms since midnight, any day) relative to 03:00. */
export function volumeAt(clockMs: number): number {
  const hours = (((clockMs / (60 * MINUTE)) % 24) + 24) % 24;
  if (hours >= 2 && hours <= 4) return 1;
  if (hours > 1 && hours < 2) return DAY_VOLUME - (DAY_VOLUME - 1) * (hours - 1);
  if (hours > 4 && hours < 5) return 1 + (DAY_VOLUME - 1) * (hours - 4);
  return DAY_VOLUME;
}
