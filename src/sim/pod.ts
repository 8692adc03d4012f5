/**
 * A cloudvault-api pod: the three services on one runtime under its share of the night's traffic, with the
 * memory a pod holds besides the leak (BASELINE), a memory limit, the "memory above 90% for 5 minutes" alert,
 * the OOM kill (exit code 137) at the limit, and a restart on a fresh runtime after a delay. One runtime per
 * pod incarnation; pods share nothing but the traffic split, so the replay simulates them one after another.
 */

import { time } from "../runtime/index.ts";
import { activate, Runtime } from "../runtime/runtime.ts";
import type { Task } from "../runtime/task.ts";
import { heapProfile } from "../runtime/views/heapProfile.ts";
import {
  ALERT_AFTER_MS,
  ALERT_SHARE,
  BASELINE_HANDLES,
  BASELINE_MEMORY_MIB,
  MEMORY_CHECK_EVERY_MS,
  NIGHT,
  volumeAt,
} from "./calibration.ts";
import { EvidenceRecorder, type PodEvidence } from "./evidence.ts";
import { type RateLimiterLike, startRateLimitTraffic } from "./rateLimitTraffic.ts";
import type { LoadModule, ModuleExports } from "./session.ts";
import { type ChangeHubLike, type SyncServiceLike, startSyncTraffic } from "./syncTraffic.ts";
import { ClientView, MemoryBlobStore, startUploadTraffic, type UploadServiceLike } from "./uploadTraffic.ts";

const MINUTE = time.Minute;
const MiB = 1024 * 1024;
/** Per API client. */
const API_LIMITS = { perMinute: 60, burst: 10 } as const;

export type ServiceName = "upload" | "sync" | "ratelimit";
export const SERVICES: readonly ServiceName[] = ["upload", "sync", "ratelimit"];

/** The module each service runs, evaluated afresh for every pod incarnation. */
export type PodCode = Readonly<Record<ServiceName, LoadModule>>;

export interface PodEvent {
  readonly type: "AlertFired" | "OOMKilled" | "Restarted";
  /** Clock time, in ms since midnight. */
  readonly at: number;
  readonly pod: number;
  readonly exitCode?: 137;
  /** Handles and memory at the event. */
  readonly handles: number;
  readonly memoryMiB: number;
}

export interface PodSample {
  readonly at: number;
  readonly pod: number;
  readonly handles: number;
  readonly memoryMiB: number;
}

export interface HeapProfileEntry {
  readonly function: string;
  readonly site: string;
  readonly MiB: number;
}

/** What users felt (E8): uploads left at 100%, devices left with stale data, requests refused while down. */
export interface Symptoms {
  stuckUploads: number;
  staleDevices: number;
  requestsDuringRestart: number;
}

export interface PodOptions extends PodListeners {
  /** 1-based, as in cloudvault-api-prod-1. */
  readonly pod: number;
  /** Clock ms at which the pod first starts, and at which the replay ends. */
  readonly startAt: number;
  readonly endAt: number;
  /** Samples are taken every clock minute from here on. */
  readonly sampleFrom: number;
  readonly limitMiB: number;
  /** The pod's share of the traffic, relative to E9's figures. */
  readonly trafficShare: number;
  readonly seed: number;
  readonly restartDelayMs: number;
  /** Clock times of manual restarts (the "restart the pods" mitigation). */
  readonly restartAt: readonly number[];
  readonly code: PodCode;
  /**
   * Be the on-call engineer: at the first alert take the heap profile, the goroutine dump and the logs
   * (evidence.ts), then stop there. Block stacks are captured, so the run is slower. Default: false.
   */
  readonly evidence?: boolean;
}

export interface PodHistory {
  readonly samples: PodSample[];
  readonly events: PodEvent[];
  /** The heap profile when the pod's first alert fired (when an engineer would take one), if it did. */
  heapProfile: HeapProfileEntry[] | undefined;
  /** With `evidence`: what was taken at the first alert, if it fired. */
  evidence?: PodEvidence;
  readonly symptoms: Symptoms;
}

interface Incarnation {
  readonly runtime: Runtime;
  readonly startedAt: number;
  readonly baselineBytes: number;
  readonly client: ClientView;
  readonly uploads: ReturnType<typeof startUploadTraffic>;
  readonly devices: ReturnType<typeof startSyncTraffic>;
  /** The pod's own goroutines (startInfrastructure), not the services'. */
  readonly server: ReadonlySet<Task>;
  readonly recorder: EvidenceRecorder | undefined;
}

function exported<T>(exports: ModuleExports, name: string): new (...args: never[]) => T {
  const value = exports[name];
  if (typeof value !== "function") throw new Error(`the service module does not export ${name}`);
  return value as new (
    ...args: never[]
  ) => T;
}

/** Runs one pod from its first start to the end of the replay, through any OOM kills and restarts. */
export async function simulatePod(options: PodOptions): Promise<PodHistory> {
  const history: PodHistory = {
    samples: [],
    events: [],
    heapProfile: undefined,
    symptoms: { stuckUploads: 0, staleDevices: 0, requestsDuringRestart: 0 },
  };
  let startAt = options.startAt;
  for (let incarnation = 0; startAt < options.endAt; incarnation++) {
    const pod = await boot(options, startAt, incarnation);
    const memoryMiB = podMemoryMiB(pod);
    if (incarnation > 0) {
      recordEvent(options, history, {
        type: "Restarted",
        at: startAt,
        pod: options.pod,
        handles: handleCount(pod),
        memoryMiB,
      });
    }
    const manualRestart = options.restartAt.find((at) => at > startAt && at < options.endAt);
    const stopAt = manualRestart ?? options.endAt;
    const killedAt = await runUntilKilled(pod, options, stopAt, history);
    countSymptoms(pod, history.symptoms);
    pod.runtime.stop();
    if (history.evidence) {
      break;
    } else if (killedAt !== undefined) {
      const downFor = Math.min(options.restartDelayMs, options.endAt - killedAt);
      history.symptoms.requestsDuringRestart += requestsPerMinute(options, killedAt) * (downFor / MINUTE);
      startAt = killedAt + options.restartDelayMs;
    } else if (manualRestart !== undefined) {
      // A rolling restart: the new pod is up as the old one goes.
      startAt = manualRestart;
    } else {
      break;
    }
  }
  history.symptoms.requestsDuringRestart = Math.round(history.symptoms.requestsDuringRestart);
  return history;
}

async function boot(options: PodOptions, startAt: number, incarnation: number): Promise<Incarnation> {
  const runtime = new Runtime({ seed: options.seed + incarnation, blockStacks: options.evidence ?? false });
  activate(runtime);
  const [storageModule, syncModule, rateLimitModule] = [
    await options.code.upload(),
    await options.code.sync(),
    await options.code.ratelimit(),
  ];
  const spawn = (body: () => Promise<void>, name: string) => void runtime.go(body, { internal: true, name });
  const clock = (now: number) => startAt + now;
  const share = options.trafficShare;
  const seed = options.seed * 1000 + incarnation * 10;

  const client = new ClientView();
  const Storage = exported<UploadServiceLike>(storageModule, "StorageService");
  const storage = new (Storage as new (b: MemoryBlobStore, n: ClientView["notifier"]) => UploadServiceLike)(
    new MemoryBlobStore(),
    client.notifier,
  );
  const Hub = exported<ChangeHubLike>(syncModule, "ChangeHub");
  const Sync = exported<SyncServiceLike>(syncModule, "SyncService");
  const hub = new (Hub as new () => ChangeHubLike)();
  const sync = new (Sync as new (hub: ChangeHubLike) => SyncServiceLike)(hub);
  const Limiter = exported<RateLimiterLike>(rateLimitModule, "RateLimiter");
  const limiter = new (Limiter as new (limits: typeof API_LIMITS) => RateLimiterLike)(API_LIMITS);
  limiter.startCleanup();
  // The services start a few handles of their own (a janitor, a sweeper); the pod's make up the rest.
  const server = startInfrastructure(runtime, BASELINE_HANDLES - liveHandles(runtime));
  const recorder = options.evidence ? new EvidenceRecorder(runtime, clock) : undefined;

  const uploads = startUploadTraffic(
    storage,
    {
      seed: seed + 1,
      uploadsPerMinute: NIGHT.uploadsPerMinute * share,
      largeShare: NIGHT.largeShare,
      failShare: NIGHT.failShare,
      chunkedPerMinute: NIGHT.chunkedPerMinute * share,
      abandonShare: NIGHT.abandonShare,
      until: Number.POSITIVE_INFINITY,
      volumeAt: (now) => volumeAt(clock(now)),
    },
    spawn,
  );
  const devices = startSyncTraffic(
    hub,
    sync,
    {
      seed: seed + 2,
      users: NIGHT.users,
      connectsPerMinute: NIGHT.deviceConnectsPerMinute * share,
      stayMs: NIGHT.deviceStayMs,
      changesPerMinute: NIGHT.changesPerMinute * share,
      devicesPerUser: 4,
      until: Number.POSITIVE_INFINITY,
      // Edits follow the day's traffic; devices keep connecting at the same pace (see calibration.ts).
      volumeAt: (now) => volumeAt(clock(now)),
      connectsFollowVolume: false,
    },
    spawn,
  );
  startRateLimitTraffic(
    limiter,
    {
      seed: seed + 3,
      limits: API_LIMITS,
      clientsPerMinute: NIGHT.apiClientsPerMinute * share,
      stayMs: [MINUTE, 10 * MINUTE],
      greedyShare: 0.05,
      reloadEvery: NIGHT.configReloadEvery,
      until: Number.POSITIVE_INFINITY,
    },
    spawn,
  );
  const baselineBytes = BASELINE_MEMORY_MIB * MiB - runtime.registry.bytes;
  return { runtime, startedAt: startAt, baselineBytes, client, uploads, devices, server, recorder };
}

/**
 * The pod's own long-lived goroutines, not part of any leak: the HTTP server, keep-alive connections, the
 * database pool, metrics. Enough of them that a fresh pod has BASELINE_HANDLES handles.
 */
function startInfrastructure(runtime: Runtime, count: number): Set<Task> {
  const server = new Set<Task>();
  for (let index = 0; index < count; index++) {
    const task = runtime.go(() => runtime.block(runtime.currentTask("net.(*conn).Read"), "IO wait"), {
      name: index === 0 ? "http.(*Server).Serve" : "net/http.(*conn).serve",
      entry: startInfrastructure,
    });
    server.add(task);
  }
  return server;
}

function liveHandles(runtime: Runtime): number {
  const { goroutines, timers, tickers } = runtime.registry.counts;
  return goroutines + timers + tickers;
}

function handleCount(pod: Incarnation): number {
  return liveHandles(pod.runtime);
}

function podMemoryMiB(pod: Incarnation): number {
  return (pod.baselineBytes + pod.runtime.registry.bytes) / MiB;
}

/** Runs the incarnation to `stopAt`, sampling and watching memory; returns when it was OOM-killed, if it was. */
async function runUntilKilled(
  pod: Incarnation,
  options: PodOptions,
  stopAt: number,
  history: PodHistory,
): Promise<number | undefined> {
  const { runtime, startedAt } = pod;
  let aboveSince: number | undefined;
  let alerted = false;
  let killedAt: number | undefined;

  const checkMemory = () => {
    const at = startedAt + runtime.now;
    const memoryMiB = podMemoryMiB(pod);
    if (memoryMiB >= options.limitMiB) {
      killedAt = at;
      recordEvent(options, history, {
        type: "OOMKilled",
        at,
        pod: options.pod,
        exitCode: 137,
        handles: handleCount(pod),
        memoryMiB,
      });
      runtime.stop();
      return;
    }
    if (memoryMiB <= options.limitMiB * ALERT_SHARE) {
      aboveSince = undefined;
      return;
    }
    aboveSince ??= at;
    if (!alerted && at - aboveSince >= ALERT_AFTER_MS) {
      alerted = true;
      recordEvent(options, history, {
        type: "AlertFired",
        at,
        pod: options.pod,
        handles: handleCount(pod),
        memoryMiB,
      });
      history.heapProfile ??= heapProfile(runtime.registry.bySite()).map((entry) => ({
        function: entry.function,
        site: entry.site,
        MiB: Number((entry.bytes / MiB).toFixed(1)),
      }));
      if (pod.recorder) {
        history.evidence = pod.recorder.take(runtime, at, pod.server);
        runtime.stop();
      }
    }
  };
  runtime.every(MEMORY_CHECK_EVERY_MS, checkMemory);

  // Samples on whole clock minutes, like a dashboard scraping once a minute.
  const firstSample = Math.max(options.sampleFrom, Math.ceil(startedAt / MINUTE) * MINUTE);
  const sample = () => {
    const at = startedAt + runtime.now;
    if (killedAt === undefined) {
      const taken = { at, pod: options.pod, handles: handleCount(pod), memoryMiB: podMemoryMiB(pod) };
      history.samples.push(taken);
      options.onSample?.(taken);
    }
    runtime.schedule(runtime.now + MINUTE, sample, true);
  };
  runtime.schedule(firstSample - startedAt, sample, true);

  await runtime.run({ until: stopAt - startedAt });
  return killedAt;
}

/**
 * Hears each sample and event as it is recorded (a page drawing the replay as it runs). Default: none.
 * Declared down here on purpose: the heap profile names pod.ts lines above it, which `npm run replay` prints.
 */
export interface PodListeners {
  readonly onSample?: (sample: PodSample) => void;
  readonly onEvent?: (event: PodEvent) => void;
}

function recordEvent(options: PodOptions, history: PodHistory, event: PodEvent): void {
  history.events.push(event);
  options.onEvent?.(event);
}

function countSymptoms(pod: Incarnation, symptoms: Symptoms): void {
  for (const upload of pod.uploads) {
    const finished = upload.finishedAt !== undefined && upload.error === undefined && !upload.abandoned;
    if (finished && (pod.client.done.get(upload.session)?.length ?? 0) === 0) symptoms.stuckUploads++;
  }
  symptoms.staleDevices += pod.devices.devices.filter((device) => !device.accepted).length;
}

function requestsPerMinute(options: PodOptions, at: number): number {
  const perMinute = NIGHT.uploadsPerMinute + NIGHT.chunkedPerMinute + NIGHT.changesPerMinute;
  return perMinute * options.trafficShare * volumeAt(at);
}
