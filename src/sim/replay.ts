/**
 * The night of the incident, replayed: cloudvault-api pods from before 03:00 to the end of the replay, each
 * under its share of the traffic, with the mitigations of the report as options (a bigger limit, more pods,
 * restarts) and each service switchable to its fixed version. The result is what `npm run replay --json`
 * prints (../shared/DESIGN.md, "Contracts").
 */

import type { LoadModule } from "../checks/session.ts";
import { time } from "../runtime/index.ts";
import { POD_LIMIT_MIB } from "./calibration.ts";
import {
  type HeapProfileEntry,
  type PodCode,
  type PodEvent,
  SERVICES,
  type ServiceName,
  type Symptoms,
  simulatePod,
} from "./pod.ts";

const MINUTE = time.Minute;
const HOUR = 60 * MINUTE;

/** The replay starts at 03:00, where the report's dashboards start. */
export const REPLAY_START = 3 * HOUR;
/** Pod 1 started at 02:40 (see calibration.ts); the others a few minutes apart, as a rolling deploy does. */
const FIRST_POD_START = 2 * HOUR + 40 * MINUTE;
const POD_START_SPACING = 6 * MINUTE;
/** The report's pods: traffic is E9's per pod with three; more pods share the same total. */
const INCIDENT_PODS = 3;
/** The report: OOM-killed at 03:55, back at 04:02. */
const RESTART_DELAY = 7 * MINUTE;

export interface ReplayOptions {
  /** Minutes replayed from 03:00. Default 120: through pod 1's OOM kill and restart. */
  readonly minutes: number;
  readonly pods: number;
  readonly limitMiB: number;
  /** Services running their fixed version. */
  readonly fixed: ReadonlySet<ServiceName>;
  /** Clock times (ms since midnight) at which every pod is restarted. */
  readonly restartAt: readonly number[];
  readonly seed: number;
  /** Simulate only these pods (1-based); the others still take their share of the traffic. Default: all. */
  readonly onlyPods?: readonly number[];
}

export const DEFAULT_REPLAY: ReplayOptions = {
  minutes: 120,
  pods: INCIDENT_PODS,
  limitMiB: POD_LIMIT_MIB,
  fixed: new Set(),
  restartAt: [],
  seed: 1,
};

export interface ReplaySample {
  /** Minutes since 03:00. */
  readonly minute: number;
  /** "03:15". */
  readonly clock: string;
  readonly pod: number;
  readonly handles: number;
  readonly memoryMiB: number;
}

export interface ReplayEvent {
  readonly minute: number;
  readonly clock: string;
  readonly pod: number;
  readonly type: PodEvent["type"];
  readonly exitCode?: 137;
  readonly handles: number;
  readonly memoryMiB: number;
}

export interface ReplayResult {
  readonly samples: ReplaySample[];
  readonly events: ReplayEvent[];
  /** Pod 1's heap profile when its first alert fired (or empty if it never did). */
  readonly heapProfile: HeapProfileEntry[];
  /** What users felt, summed over pods. */
  readonly symptoms: Symptoms;
}

/** "03:15" for a clock time in ms since midnight (wrapping past midnight). */
export function formatClock(at: number): string {
  const minutes = Math.floor(at / MINUTE) % (24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Parses "04:10" into ms since midnight. */
export function parseClock(text: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? hours * HOUR + minutes * MINUTE : undefined;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Runs the replay. `code(service, fixed)` gives the module a service runs: its lesson's starter, or its
 * solution when fixed.
 */
export async function replay(
  options: ReplayOptions,
  code: (service: ServiceName, fixed: boolean) => LoadModule,
): Promise<ReplayResult> {
  const endAt = REPLAY_START + options.minutes * MINUTE;
  const podCode = Object.fromEntries(
    SERVICES.map((service) => [service, code(service, options.fixed.has(service))]),
  ) as unknown as PodCode;
  const samples: ReplaySample[] = [];
  const events: ReplayEvent[] = [];
  const symptoms: Symptoms = { stuckUploads: 0, staleDevices: 0, requestsDuringRestart: 0 };
  let heapProfile: HeapProfileEntry[] = [];
  for (let pod = 1; pod <= options.pods; pod++) {
    if (options.onlyPods && !options.onlyPods.includes(pod)) continue;
    const history = await simulatePod({
      pod,
      startAt: FIRST_POD_START + (pod - 1) * POD_START_SPACING,
      endAt,
      sampleFrom: REPLAY_START,
      limitMiB: options.limitMiB,
      trafficShare: INCIDENT_PODS / options.pods,
      seed: options.seed * 100 + pod,
      restartDelayMs: RESTART_DELAY,
      restartAt: options.restartAt,
      code: podCode,
    });
    for (const sample of history.samples) {
      samples.push({
        minute: (sample.at - REPLAY_START) / MINUTE,
        clock: formatClock(sample.at),
        pod,
        handles: sample.handles,
        memoryMiB: round1(sample.memoryMiB),
      });
    }
    for (const event of history.events) {
      if (event.at < REPLAY_START) continue;
      events.push({
        minute: round1((event.at - REPLAY_START) / MINUTE),
        clock: formatClock(event.at),
        pod,
        type: event.type,
        ...(event.exitCode === undefined ? {} : { exitCode: event.exitCode }),
        handles: event.handles,
        memoryMiB: round1(event.memoryMiB),
      });
    }
    if (pod === 1) heapProfile = history.heapProfile ?? [];
    symptoms.stuckUploads += history.symptoms.stuckUploads;
    symptoms.staleDevices += history.symptoms.staleDevices;
    symptoms.requestsDuringRestart += history.symptoms.requestsDuringRestart;
  }
  samples.sort((a, b) => a.minute - b.minute || a.pod - b.pod);
  events.sort((a, b) => a.minute - b.minute || a.pod - b.pod);
  return { samples, events, heapProfile, symptoms };
}
