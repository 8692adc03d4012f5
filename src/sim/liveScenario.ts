/**
 * What each lesson's live run does with the learner's service: builds it from the module's exports and starts
 * the lesson's traffic, shaped by the knobs on the page (E9's figures by default). registry.ts names them by
 * lesson.
 */

import { NIGHT } from "./calibration.ts";
import { exportedClass } from "./learnerCode.ts";
import { type Limits, type RateLimiterLike, startRateLimitTraffic } from "./rateLimitTraffic.ts";
import type { ModuleExports } from "./session.ts";
import { type ChangeHubLike, type SyncServiceLike, startSyncTraffic } from "./syncTraffic.ts";
import { ClientView, MemoryBlobStore, startUploadTraffic, type UploadServiceLike } from "./uploadTraffic.ts";

/** The lesson's traffic knobs, per minute of virtual time. */
export interface TrafficKnobs {
  readonly uploadsPerMinute: number;
  readonly abandonedPerMinute: number;
  readonly syncOpsPerMinute: number;
  readonly watchers: number;
}

export const DEFAULT_KNOBS: TrafficKnobs = {
  uploadsPerMinute: NIGHT.uploadsPerMinute,
  abandonedPerMinute: NIGHT.chunkedPerMinute * NIGHT.abandonShare,
  syncOpsPerMinute: NIGHT.changesPerMinute,
  watchers: 60,
};

/** Starts a task of the scenario's own (traffic, a client), outside the learner's code. */
export type Spawn = (body: () => Promise<void>, name: string) => void;

/** Builds the learner's service from their module's exports and starts the lesson's traffic on it, for ever. */
export type LiveScenario = (
  exports: ModuleExports,
  fileName: string,
  knobs: TrafficKnobs,
  spawn: Spawn,
) => void;

const MEAN_DEVICE_STAY_MINUTES = (NIGHT.deviceStayMs[0] + NIGHT.deviceStayMs[1]) / 2 / 60_000;
const API_LIMITS: Limits = { perMinute: 60, burst: 10 };
const forever = Number.POSITIVE_INFINITY;

/** Lesson 4: uploads, some large, some failing, some chunked and abandoned, against the StorageService. */
export const uploadLiveRun: LiveScenario = (exports, fileName, knobs, spawn) => {
  const Storage = exportedClass<UploadServiceLike>(exports, "StorageService", fileName, true);
  const client = new ClientView();
  const storage = new (Storage as new (b: MemoryBlobStore, n: ClientView["notifier"]) => UploadServiceLike)(
    new MemoryBlobStore(),
    client.notifier,
  );
  startUploadTraffic(
    storage,
    {
      seed: 1,
      uploadsPerMinute: knobs.uploadsPerMinute,
      largeShare: NIGHT.largeShare,
      failShare: NIGHT.failShare,
      chunkedPerMinute: NIGHT.chunkedPerMinute,
      abandonShare: Math.min(1, knobs.abandonedPerMinute / NIGHT.chunkedPerMinute),
      until: forever,
    },
    spawn,
  );
};

/** Lesson 5: devices that connect, watch their user's changes for a while and go away. */
export const syncLiveRun: LiveScenario = (exports, fileName, knobs, spawn) => {
  const Hub = exportedClass<ChangeHubLike>(exports, "ChangeHub", fileName, true);
  const Sync = exportedClass<SyncServiceLike>(exports, "SyncService", fileName, true);
  const hub = new (Hub as new () => ChangeHubLike)();
  const sync = new (Sync as new (hub: ChangeHubLike) => SyncServiceLike)(hub);
  startSyncTraffic(
    hub,
    sync,
    {
      seed: 1,
      users: NIGHT.users,
      connectsPerMinute: knobs.watchers / MEAN_DEVICE_STAY_MINUTES,
      stayMs: NIGHT.deviceStayMs,
      changesPerMinute: knobs.syncOpsPerMinute,
      devicesPerUser: 4,
      until: forever,
    },
    spawn,
  );
};

/** Lesson 6: API clients, a fifth of them greedy, and the config reloaded every 20 s. */
export const rateLimitLiveRun: LiveScenario = (exports, fileName, _knobs, spawn) => {
  const Limiter = exportedClass<RateLimiterLike>(exports, "RateLimiter", fileName, true);
  const limiter = new (Limiter as new (limits: Limits) => RateLimiterLike)(API_LIMITS);
  limiter.startCleanup();
  startRateLimitTraffic(
    limiter,
    {
      seed: 1,
      limits: API_LIMITS,
      clientsPerMinute: NIGHT.apiClientsPerMinute,
      stayMs: [60_000, 600_000],
      greedyShare: 0.2,
      reloadEvery: NIGHT.configReloadEvery,
      until: forever,
    },
    spawn,
  );
};
