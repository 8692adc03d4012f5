/**
 * The incident replay's protocol: the page sends the night's settings and each service's code; the worker
 * replays whole pods (src/sim/replay.ts), streaming `replayProgress` as samples and events are made, with a
 * heartbeat, then one `replayed` (with pod 1's evidence, when asked) or one error.
 */
import * as z from "zod/mini";
import type { ServiceName } from "../../sim/pod.ts";
import { MAX_EVIDENCE_TEXT, MAX_ROWS } from "./limits.ts";
import { errorMessage, figure, heartbeat, jobProtocol, listOf, name, runId, type Wire } from "./shared.ts";

/** The code one service runs in a replay: its starter, the learner's fix or the solution, as the page chose. */
export interface ReplayService {
  readonly service: ServiceName;
  readonly fileName: string;
  readonly source: string;
  /** Whether this is a fixed version (for labels; the worker runs `source` either way). */
  readonly fixed: boolean;
}

/**
 * Replays the incident night on whole pods (src/sim/replay.ts) with the services' code given; the worker
 * streams `replayProgress` as samples and events are made, then one `replayed`.
 */
export interface StartReplay {
  readonly type: "replay";
  readonly runId: number;
  /** Simulated minutes from 03:00. */
  readonly minutes: number;
  readonly pods: number;
  readonly limitMiB: number;
  /** Clock times (ms since midnight) at which every pod is restarted. */
  readonly restartAt: readonly number[];
  readonly seed: number;
  /** One per service, each of upload, sync and ratelimit once. */
  readonly services: readonly ReplayService[];
  /** Replay pod 1 to its first alert and take its evidence there (src/sim/evidence.ts). */
  readonly evidence?: boolean;
}

/** src/sim/replay.ts's ReplaySample and ReplayEvent, as the page takes them. */
const replaySample = z.object({
  minute: figure,
  clock: z.string(),
  pod: figure,
  handles: figure,
  memoryMiB: figure,
});
const replayEvent = z.object({
  minute: figure,
  clock: z.string(),
  pod: figure,
  type: z.enum(["AlertFired", "OOMKilled", "Restarted"]),
  exitCode: z.exactOptional(z.literal(137)),
  handles: figure,
  memoryMiB: figure,
});
/** src/sim/pod.ts's HeapProfileEntry. */
const heapProfileEntry = z.object({ function: name, site: name, MiB: figure });
const evidenceText = z.string().check(z.maxLength(MAX_EVIDENCE_TEXT));
/** src/sim/evidence.ts's PodEvidence. */
const podEvidence = z.object({
  at: figure,
  heapProfile: listOf(heapProfileEntry, 20),
  otherMiB: figure,
  goroutines: z.object({
    total: figure,
    server: figure,
    groups: listOf(z.object({ count: figure, text: evidenceText }), 20),
  }),
  logs: listOf(evidenceText, 100),
});
/** src/sim/pod.ts's Symptoms. */
const symptoms = z.object({ stuckUploads: figure, staleDevices: figure, requestsDuringRestart: figure });

const replayMessage = z.discriminatedUnion("type", [
  /** A replay's samples and events made since the last batch. */
  z.object({
    type: z.literal("replayProgress"),
    runId,
    samples: listOf(replaySample, MAX_ROWS),
    events: listOf(replayEvent, MAX_ROWS),
  }),
  /** The replay's end, after its last progress batch. */
  z.object({
    type: z.literal("replayed"),
    runId,
    heapProfile: listOf(heapProfileEntry, MAX_ROWS),
    symptoms,
    /** When the replay was asked for evidence and the alert fired. */
    evidence: z.exactOptional(podEvidence),
  }),
  errorMessage,
  heartbeat,
]);
/** What a replay's worker may say. */
export type ReplayMessage = Wire<typeof replayMessage>;

/** A replay ends with `replayed` or its error. */
export const replayProtocol = jobProtocol(replayMessage, ["replayed", "error"]);
