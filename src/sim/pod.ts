/**
 * A cloudvault-api pod: the three services on one runtime under its share of the night's traffic, with the
 * memory a pod holds besides the leak (BASELINE) and the lifecycle the live pod follows too (podLifecycle.ts:
 * the alert, the OOM kill with exit code 137, the restart on a fresh runtime after a delay). One runtime per
 * pod incarnation; pods share nothing but the traffic split, so the replay simulates them one after another.
 */

import { time } from "../runtime/index.ts";
import { activate, Runtime } from "../runtime/runtime.ts";
import type { Task } from "../runtime/task.ts";
import { heapProfile } from "../runtime/views/heapProfile.ts";
import {
  BASELINE_HANDLES,
  BASELINE_MEMORY_MIB,
  MEMORY_CHECK_EVERY_MS,
  NIGHT,
  volumeAt,
} from "./calibration.ts";
import { EvidenceRecorder, type PodEvidence } from "./evidence.ts";
import { exportedClass } from "./learnerCode.ts";
import { type PodEvent, PodLifecycle, type PodReading } from "./podLifecycle.ts";
import { type RateLimiterLike, startRateLimitTraffic } from "./rateLimitTraffic.ts";
import type { LoadModule } from "./session.ts";
import { type ChangeHubLike, type SyncServiceLike, startSyncTraffic } from "./syncTraffic.ts";
import { ClientView, MemoryBlobStore, startUploadTraffic, type UploadServiceLike } from "./uploadTraffic.ts";

const MINUTE = time.Minute;
const MiB = 1024 * 1024;
/** Per API client. */
const API_LIMITS = { perMinute: 60, burst: 10 } as const;

export type ServiceName = "upload" | "sync" | "ratelimit";
export const SERVICES: readonly ServiceName[] = ["upload", "sync", "ratelimit"];

/** The module each service runs, evaluated afresh for every pod incarnation. */
export type PodCode = Readonly<Record<ServiceName, ServiceModule>>;

export interface ServiceModule {
  /** The file the module is (a missing export is said against it). */
  readonly fileName: string;
  readonly load: LoadModule;
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
  /** Stamped with clock time, in ms since midnight. */
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

/** The incarnation's handles and memory, on the clock. */
function reading(pod: Incarnation): PodReading {
  return {
    t: pod.startedAt + pod.runtime.now,
    handles: liveHandles(pod.runtime),
    memoryMiB: (pod.baselineBytes + pod.runtime.memoryBytes) / MiB,
  };
}

/** Runs one pod from its first start to the end of the replay, through any OOM kills and restarts. */
export async function simulatePod(options: PodOptions): Promise<PodHistory> {
  const history: PodHistory = {
    samples: [],
    events: [],
    heapProfile: undefined,
    symptoms: { stuckUploads: 0, staleDevices: 0, requestsDuringRestart: 0 },
  };
  const lifecycle = new PodLifecycle({ limitMiB: options.limitMiB, restartDelayMs: options.restartDelayMs });
  let startAt = options.startAt;
  for (let incarnation = 0; startAt < options.endAt; incarnation++) {
    const pod = await boot(options, startAt, incarnation);
    if (incarnation > 0) recordEvent(options, history, lifecycle.restarted(reading(pod)));
    const manualRestart = options.restartAt.find((at) => at > startAt && at < options.endAt);
    const stopAt = manualRestart ?? options.endAt;
    const killedAt = await runUntilKilled(pod, options, lifecycle, stopAt, history);
    countSymptoms(pod, history.symptoms);
    pod.runtime.stop();
    if (history.evidence) {
      break;
    } else if (killedAt !== undefined) {
      const downFor = Math.min(lifecycle.restartDelayMs, options.endAt - killedAt);
      history.symptoms.requestsDuringRestart += requestsPerMinute(options, killedAt) * (downFor / MINUTE);
      startAt = killedAt + lifecycle.restartDelayMs;
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
  const { code } = options;
  const [storageModule, syncModule, rateLimitModule] = [
    await code.upload.load(),
    await code.sync.load(),
    await code.ratelimit.load(),
  ];
  const spawn = (body: () => Promise<void>, name: string) => void runtime.go(body, { internal: true, name });
  const clock = (now: number) => startAt + now;
  const share = options.trafficShare;
  const seed = options.seed * 1000 + incarnation * 10;

  const client = new ClientView();
  const Storage = exportedClass<UploadServiceLike>(
    storageModule,
    "StorageService",
    code.upload.fileName,
    true,
  );
  const storage = new (Storage as new (b: MemoryBlobStore, n: ClientView["notifier"]) => UploadServiceLike)(
    new MemoryBlobStore(),
    client.notifier,
  );
  const Hub = exportedClass<ChangeHubLike>(syncModule, "ChangeHub", code.sync.fileName, true);
  const Sync = exportedClass<SyncServiceLike>(syncModule, "SyncService", code.sync.fileName, true);
  const hub = new (Hub as new () => ChangeHubLike)();
  const sync = new (Sync as new (hub: ChangeHubLike) => SyncServiceLike)(hub);
  const Limiter = exportedClass<RateLimiterLike>(
    rateLimitModule,
    "RateLimiter",
    code.ratelimit.fileName,
    true,
  );
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
  const baselineBytes = BASELINE_MEMORY_MIB * MiB - runtime.memoryBytes;
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

/** Runs the incarnation to `stopAt`, sampling and watching memory; returns when it was OOM-killed, if it was. */
async function runUntilKilled(
  pod: Incarnation,
  options: PodOptions,
  lifecycle: PodLifecycle,
  stopAt: number,
  history: PodHistory,
): Promise<number | undefined> {
  const { runtime, startedAt } = pod;
  let killedAt: number | undefined;

  runtime.every(MEMORY_CHECK_EVERY_MS, () => {
    const event = lifecycle.check(reading(pod));
    if (!event) return;
    recordEvent(options, history, event);
    if (event.type === "OOMKilled") {
      killedAt = event.t;
      runtime.stop();
      return;
    }
    history.heapProfile ??= heapProfile(runtime.registry.bySite()).map((entry) => ({
      function: entry.function,
      site: entry.site,
      MiB: Number((entry.bytes / MiB).toFixed(1)),
    }));
    if (pod.recorder) {
      history.evidence = pod.recorder.take(runtime, event.t, pod.server);
      runtime.stop();
    }
  });

  // Samples on whole clock minutes, like a dashboard scraping once a minute.
  const firstSample = Math.max(options.sampleFrom, Math.ceil(startedAt / MINUTE) * MINUTE);
  const sample = () => {
    if (killedAt === undefined) {
      const { t, handles, memoryMiB } = reading(pod);
      const taken = { at: t, pod: options.pod, handles, memoryMiB };
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
 * Declared down here on purpose: the heap profile `npm run replay` prints names the line where boot() starts
 * the pod's infrastructure (pod.ts:192), so a line added or taken away above it changes the replay's output.
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
