/**
 * What the on-call engineer took from cloudvault-api-prod-1 when the alert fired, taken from a replayed pod
 * instead: the heap profile, the goroutine dump and an upload session's logs (evidence E5, E6 and E7 of
 * docs/evidence.md). Lesson 3 shows them beside the report's. The logs are kept in a bounded ring while the
 * pod runs, so a pod that never alerts holds no more than RING_SIZE lines.
 */
import type { LogEntry } from "../runtime/log.ts";
import type { Runtime } from "../runtime/runtime.ts";
import type { Task } from "../runtime/task.ts";
import { describeTask, type TaskView } from "../runtime/views/describeTask.ts";
import { formatDumpDebug2, groupTasks } from "../runtime/views/formatDump.ts";
import { heapProfile } from "../runtime/views/heapProfile.ts";

const MiB = 1024 * 1024;
/** Log lines kept while the pod runs: a few minutes of the night's uploads on one pod. */
const RING_SIZE = 4000;
/** Heap sites and goroutine groups shown, largest first: as many as the report shows (its three services). */
const TOP = 3;
/** Log lines shown at most: the session's last, so "Upload complete" and what came after are in them. */
const LOG_LINES = 12;
/** The report's logs are from 2024-01-15; the replay's clock says the time of day. */
const INCIDENT_DATE = "2024-01-15";

export interface DumpExample {
  /** Goroutines like this one: same state, same place blocked, same creator. */
  readonly count: number;
  /** One of them, as Go's `goroutine?debug=2` prints it. */
  readonly text: string;
}

export interface PodEvidence {
  /** Clock ms since midnight when the alert fired. */
  readonly at: number;
  /** The largest sites, like pprof's `top`. */
  readonly heapProfile: readonly { readonly function: string; readonly site: string; readonly MiB: number }[];
  /** What the other sites hold together (requests in flight, the server's own). */
  readonly otherMiB: number;
  readonly goroutines: {
    readonly total: number;
    /** The pod's own: the HTTP server and its connections, there at any hour. */
    readonly server: number;
    /** The largest groups the services started. */
    readonly groups: readonly DumpExample[];
  };
  /** One upload session's lines, ending with progress logged after "Upload complete", as in the report. */
  readonly logs: readonly string[];
}

interface LoggedLine {
  readonly at: number;
  readonly entry: LogEntry;
}

const toMiB = (bytes: number) => Number((bytes / MiB).toFixed(1));

function two(value: number): string {
  return String(value).padStart(2, "0");
}

/** `2024-01-15T03:42:18Z` for a clock time in ms since midnight. */
export function logTimestamp(at: number): string {
  const seconds = Math.floor(at / 1000) % 86_400;
  return `${INCIDENT_DATE}T${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}Z`;
}

function formatFields(fields: LogEntry["fields"]): string {
  if (!fields) return "";
  return Object.entries(fields)
    .map(([key, value]) => ` ${key}=${String(value)}`)
    .join("");
}

/** A log line in the report's shape: `2024-01-15T03:42:18Z INFO  Upload started session=a1b2c3d4`. */
export function formatLogLine(at: number, entry: LogEntry): string {
  return `${logTimestamp(at)} ${entry.level.toUpperCase().padEnd(5)} ${entry.message}${formatFields(entry.fields)}`;
}

/**
 * The lines of the latest upload session that logged progress after its "Upload complete", up to its last
 * progress line (at most LOG_LINES of them). Empty when no session did: a fixed service.
 */
export function sessionAfterComplete(lines: readonly LoggedLine[]): LoggedLine[] {
  const completed = new Set<string>();
  let found: string | undefined;
  for (const { entry } of lines) {
    const session = entry.fields?.session;
    if (typeof session !== "string") continue;
    if (entry.message === "Upload complete") completed.add(session);
    else if (entry.message === "Upload progress" && completed.has(session)) found = session;
  }
  if (found === undefined) return [];
  const ofSession = lines.filter(({ entry }) => entry.fields?.session === found);
  const lastProgress = ofSession.findLastIndex(({ entry }) => entry.message === "Upload progress");
  return ofSession.slice(0, lastProgress + 1).slice(-LOG_LINES);
}

/** Records a pod's logs in a ring and takes the evidence when asked. */
export class EvidenceRecorder {
  private readonly ring: LoggedLine[] = [];
  private next = 0;

  /** Listens to the runtime's logs; `clock` turns its virtual ms into clock time. */
  constructor(runtime: Runtime, clock: (now: number) => number) {
    runtime.onLog = (entry) => {
      const line = { at: clock(entry.t), entry };
      if (this.ring.length < RING_SIZE) this.ring.push(line);
      else this.ring[this.next] = line;
      this.next = (this.next + 1) % RING_SIZE;
    };
  }

  private linesInOrder(): LoggedLine[] {
    return this.ring.length < RING_SIZE
      ? [...this.ring]
      : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
  }

  /** The evidence now: `server` are the pod's own goroutines, left out of the dump's groups. */
  take(runtime: Runtime, at: number, server: ReadonlySet<Task>): PodEvidence {
    const goroutines = [...runtime.registry.handles("goroutine")] as Task[];
    const services: TaskView[] = goroutines
      .filter((task) => !server.has(task))
      .map((task) => describeTask(task, runtime.now));
    const groups = groupTasks(services)
      .slice(0, TOP)
      .map((group) => {
        const first = services.find((task) => task.id === group.ids[0]) as TaskView;
        return { count: group.count, text: formatDumpDebug2([first]) };
      });
    const heap = heapProfile(runtime.registry.bySite());
    const otherBytes = heap.slice(TOP).reduce((sum, entry) => sum + entry.bytes, 0);
    return {
      at,
      heapProfile: heap.slice(0, TOP).map((entry) => ({
        function: entry.function,
        site: entry.site,
        MiB: toMiB(entry.bytes),
      })),
      otherMiB: toMiB(otherBytes),
      goroutines: { total: goroutines.length, server: goroutines.length - services.length, groups },
      logs: sessionAfterComplete(this.linesInOrder()).map(({ at: loggedAt, entry }) =>
        formatLogLine(loggedAt, entry),
      ),
    };
  }
}
