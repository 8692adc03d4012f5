/**
 * What a lesson's live run does with the learner's service: builds it from the module's exports and starts
 * the lesson's traffic, shaped by the knobs on the page (E9's figures by default).
 */
import type { ModuleExports } from "../checks/session.ts";
import { NIGHT } from "./calibration.ts";
import { type Limits, type RateLimiterLike, startRateLimitTraffic } from "./rateLimitTraffic.ts";
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

type Spawn = (body: () => Promise<void>, name: string) => void;

/** A missing or wrong export, said in the learner's terms. */
export class ExportError extends Error {}

function exported<T>(exports: ModuleExports, name: string, fileName: string): new (...args: never[]) => T {
  const value = exports[name];
  if (typeof value !== "function") throw new ExportError(`${fileName} must export the class ${name}`);
  return value as new (
    ...args: never[]
  ) => T;
}

const MEAN_DEVICE_STAY_MINUTES = (NIGHT.deviceStayMs[0] + NIGHT.deviceStayMs[1]) / 2 / 60_000;
const API_LIMITS: Limits = { perMinute: 60, burst: 10 };

export function startLiveScenario(
  lesson: string,
  exports: ModuleExports,
  fileName: string,
  knobs: TrafficKnobs,
  spawn: Spawn,
): void {
  const forever = Number.POSITIVE_INFINITY;
  if (lesson === "upload") {
    const Storage = exported<UploadServiceLike>(exports, "StorageService", fileName);
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
  } else if (lesson === "sync") {
    const Hub = exported<ChangeHubLike>(exports, "ChangeHub", fileName);
    const Sync = exported<SyncServiceLike>(exports, "SyncService", fileName);
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
  } else if (lesson === "ratelimit") {
    const Limiter = exported<RateLimiterLike>(exports, "RateLimiter", fileName);
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
  } else {
    throw new Error(`lesson ${lesson} has no live run`);
  }
}
