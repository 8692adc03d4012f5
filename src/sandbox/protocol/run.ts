/**
 * A live run's protocol: the page starts it and steers it (pause, resume, speed, a dump); the worker streams
 * samples, logs and pod events back in batches, a dump when asked, and its state until `finished`.
 */
import * as z from "zod/mini";
import type { TrafficKnobs } from "../../sim/liveScenario.ts";
import { MAX_NAME, MAX_ROWS, MAX_SITES_PER_SAMPLE } from "./limits.ts";
import {
  errorMessage,
  figure,
  heartbeat,
  jobProtocol,
  listOf,
  logText,
  name,
  runId,
  type Wire,
} from "./shared.ts";

export type { TrafficKnobs };

export interface StartRun {
  readonly type: "start";
  readonly runId: number;
  /** The lesson's slug: which service and traffic to run. */
  readonly lesson: string;
  readonly fileName: string;
  readonly source: string;
  /** Virtual ms per real ms; Infinity runs flat out. */
  readonly speed: number;
  /** Stop at this virtual time. */
  readonly untilMs: number;
  readonly traffic: TrafficKnobs;
}

/** What the page may ask of a run in progress. */
export type RunControl =
  | { readonly type: "pause"; readonly runId: number }
  | { readonly type: "resume"; readonly runId: number }
  | { readonly type: "speed"; readonly runId: number; readonly speed: number }
  | { readonly type: "dump"; readonly runId: number };

export type RunToWorker = StartRun | RunControl;

const siteCount = z.object({
  /** `function (file:line)` for the learner's sites; the simulation's own work as one label. */
  site: name,
  handles: figure,
});
export type SiteCount = Wire<typeof siteCount>;

/** One sample of the run, every virtual second. The type; the page checks rows with isSampleRow. */
export const sampleRowSchema = z.object({
  /** Virtual ms. */
  t: figure,
  /** Every live handle: goroutines + timers + tickers. */
  handles: figure,
  goroutines: figure,
  timers: figure,
  tickers: figure,
  /** The pod's modelled memory: its baseline plus what the service holds (src/runtime/MEMORY_MODEL.md). */
  memoryMiB: figure,
  /** Live handles by creation site, the largest few; the rest in one row. */
  sites: listOf(siteCount, MAX_SITES_PER_SAMPLE),
});
export type SampleRow = Wire<typeof sampleRowSchema>;

/** Every figure of a sample row: the fast path below checks each (a type test holds it to the schema). */
export const SAMPLE_FIGURES = [
  "t",
  "handles",
  "goroutines",
  "timers",
  "tickers",
  "memoryMiB",
] as const satisfies readonly (keyof SampleRow)[];

/**
 * sampleRowSchema's check, written out: a flat-out run sends thousands of samples a second and the page checks
 * each on its main thread, where zod (without eval, under the page's policy) takes some 50 times longer
 * (src/sandbox/protocol.test.ts holds the two to the same answers).
 */
export function isSampleRow(value: unknown): value is SampleRow {
  if (typeof value !== "object" || value === null) return false;
  const row = value as Record<string, unknown>;
  for (const field of SAMPLE_FIGURES) {
    const figure = row[field];
    if (typeof figure !== "number" || Number.isNaN(figure)) return false;
  }
  const { sites } = row;
  if (!Array.isArray(sites) || sites.length > MAX_SITES_PER_SAMPLE) return false;
  for (const site of sites) {
    if (typeof site !== "object" || site === null) return false;
    const { site: label, handles } = site as Record<string, unknown>;
    if (typeof label !== "string" || label.length > MAX_NAME) return false;
    if (typeof handles !== "number" || Number.isNaN(handles)) return false;
  }
  return true;
}

const sampleRows = z.custom<readonly SampleRow[]>(
  (value) => Array.isArray(value) && value.length <= MAX_ROWS && value.every(isSampleRow),
);

const logRow = z.object({
  t: figure,
  level: z.enum(["info", "warn", "error"]),
  message: logText,
  /** Fields as text (`session=u12 bytes=1048576`): logs are shown as text, never as HTML. */
  fields: logText,
});
export type LogRow = Wire<typeof logRow>;

const dumpGroupRow = z.object({
  count: figure,
  state: name,
  /** Where the group's tasks were created: function, file, line. */
  function: name,
  file: name,
  line: figure,
  /** Where they are blocked, when known. */
  blockedAt: name,
  /** Virtual ms the longest-blocked task of the group has waited. */
  longestBlockedMs: figure,
});
export type DumpGroupRow = Wire<typeof dumpGroupRow>;

const heapRow = z.object({ function: name, site: name, bytes: figure });
export type HeapRow = Wire<typeof heapRow>;

/** The live run's pod was alerted on, OOM-killed or restarted (src/sim/podLifecycle.ts's PodEvent). */
const podEvent = z.object({
  type: z.enum(["AlertFired", "OOMKilled", "Restarted"]),
  /** The run's virtual ms. */
  t: figure,
  exitCode: z.exactOptional(z.literal(137)),
  handles: figure,
  memoryMiB: figure,
});

const runMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("started"), runId }),
  z.object({ type: z.literal("samples"), runId, samples: sampleRows }),
  z.object({ type: z.literal("logs"), runId, logs: listOf(logRow, MAX_ROWS), dropped: figure }),
  z.object({
    type: z.literal("dump"),
    runId,
    groups: listOf(dumpGroupRow, MAX_ROWS),
    heap: listOf(heapRow, MAX_ROWS),
  }),
  z.object({ type: z.literal("state"), runId, state: z.enum(["running", "paused", "finished"]) }),
  z.object({ type: z.literal("podEvent"), runId, event: podEvent }),
  errorMessage,
  heartbeat,
]);
/** What a run's worker may say. */
export type RunMessage = Wire<typeof runMessage>;

/**
 * A run ends when its worker says `finished`. An error does not end it (the worker says `finished` after),
 * but a refused one does: the page would otherwise wait for an end that may never come.
 */
export const runProtocol = jobProtocol(
  runMessage,
  ["error"],
  (message) => message.type === "state" && message.state === "finished",
);
