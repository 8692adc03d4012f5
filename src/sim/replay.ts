/**
 * The night of the incident, replayed: cloudvault-api pods from before 03:00 to the end of the replay, each
 * under its share of the traffic, with the mitigations of the report as options (a bigger limit, more pods,
 * restarts) and each service switchable to its fixed version. The result is what `npm run replay --json`
 * prints (README.md, "Scripts"). Samples and events can also be followed as they are made (the
 * browser draws them while the replay runs).
 */

import { time } from "../runtime/index.ts";
import { POD_LIMIT_MIB, RESTART_DELAY_MS } from "./calibration.ts";
import { formatClock, REPLAY_START } from "./clock.ts";
import type { PodEvidence } from "./evidence.ts";
import {
  type HeapProfileEntry,
  type PodCode,
  type PodSample,
  SERVICES,
  type ServiceModule,
  type ServiceName,
  type Symptoms,
  simulatePod,
} from "./pod.ts";
import type { PodEvent } from "./podLifecycle.ts";

const MINUTE = time.Minute;
const HOUR = 60 * MINUTE;

export { formatClock, parseClock, REPLAY_START } from "./clock.ts";

/** Pod 1 started at 02:40 (see calibration.ts); the others a few minutes apart, as a rolling deploy does. */
const FIRST_POD_START = 2 * HOUR + 40 * MINUTE;
const POD_START_SPACING = 6 * MINUTE;
/** The report's pods: traffic is E9's per pod with three; more pods share the same total. */
const INCIDENT_PODS = 3;

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
  /**
   * Replay pod 1 alone up to its first alert and take the on-call engineer's evidence there (its heap profile,
   * goroutine dump and logs: evidence.ts). Default: false.
   */
  readonly evidence?: boolean;
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
  /** With `evidence`: pod 1's at its first alert, if it fired before the replay's end. */
  readonly evidence?: PodEvidence;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** A sample or an event, as soon as the replay makes it (pod by pod, in clock order within a pod). */
export type ReplayUpdate =
  | { readonly type: "sample"; readonly sample: ReplaySample }
  | { readonly type: "event"; readonly event: ReplayEvent };

function replaySample(sample: PodSample): ReplaySample {
  return {
    minute: (sample.at - REPLAY_START) / MINUTE,
    clock: formatClock(sample.at),
    pod: sample.pod,
    handles: sample.handles,
    memoryMiB: round1(sample.memoryMiB),
  };
}

/** A pod's event, stamped with the clock (ms since midnight), as the replay reports it. */
function replayEvent(event: PodEvent, pod: number): ReplayEvent {
  return {
    minute: round1((event.t - REPLAY_START) / MINUTE),
    clock: formatClock(event.t),
    pod,
    type: event.type,
    ...(event.exitCode === undefined ? {} : { exitCode: event.exitCode }),
    handles: event.handles,
    memoryMiB: round1(event.memoryMiB),
  };
}

/**
 * Runs the replay. `code(service, fixed)` gives the module a service runs, with its file name: its lesson's
 * starter, or its solution when fixed. `onUpdate`, when given, hears every sample and event as it is made.
 */
export async function replay(
  options: ReplayOptions,
  code: (service: ServiceName, fixed: boolean) => ServiceModule,
  onUpdate?: (update: ReplayUpdate) => void,
): Promise<ReplayResult> {
  const endAt = REPLAY_START + options.minutes * MINUTE;
  const podCode = Object.fromEntries(
    SERVICES.map((service) => [service, code(service, options.fixed.has(service))]),
  ) as unknown as PodCode;
  const samples: ReplaySample[] = [];
  const events: ReplayEvent[] = [];
  const symptoms: Symptoms = { stuckUploads: 0, staleDevices: 0, requestsDuringRestart: 0 };
  let heapProfile: HeapProfileEntry[] = [];
  let evidence: PodEvidence | undefined;
  const onlyPods = options.evidence ? [1] : options.onlyPods;
  for (let pod = 1; pod <= options.pods; pod++) {
    if (onlyPods && !onlyPods.includes(pod)) continue;
    const history = await simulatePod({
      pod,
      startAt: FIRST_POD_START + (pod - 1) * POD_START_SPACING,
      endAt,
      sampleFrom: REPLAY_START,
      limitMiB: options.limitMiB,
      trafficShare: INCIDENT_PODS / options.pods,
      seed: options.seed * 100 + pod,
      restartDelayMs: RESTART_DELAY_MS,
      restartAt: options.restartAt,
      code: podCode,
      evidence: options.evidence ?? false,
      ...(onUpdate && {
        onSample: (sample: PodSample) => onUpdate({ type: "sample", sample: replaySample(sample) }),
        onEvent: (event: PodEvent) => {
          if (event.t >= REPLAY_START) onUpdate({ type: "event", event: replayEvent(event, pod) });
        },
      }),
    });
    samples.push(...history.samples.map(replaySample));
    events.push(
      ...history.events.filter((event) => event.t >= REPLAY_START).map((event) => replayEvent(event, pod)),
    );
    if (pod === 1) {
      heapProfile = history.heapProfile ?? [];
      evidence = history.evidence;
    }
    symptoms.stuckUploads += history.symptoms.stuckUploads;
    symptoms.staleDevices += history.symptoms.staleDevices;
    symptoms.requestsDuringRestart += history.symptoms.requestsDuringRestart;
  }
  samples.sort((a, b) => a.minute - b.minute || a.pod - b.pod);
  events.sort((a, b) => a.minute - b.minute || a.pod - b.pod);
  return { samples, events, heapProfile, symptoms, ...(evidence && { evidence }) };
}
