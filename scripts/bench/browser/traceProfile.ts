/**
 * Reads a Chromium trace (Tracing with the V8 CPU profiler on) into what `--profile` reports: per thread, its
 * top-level tasks and its sampled JavaScript, attributed to functions by self and by total (inclusive) time
 * inside a time window. Trace timestamps are µs on one clock for every thread, so a window from user-timing
 * marks in the page applies to the worker's thread too.
 */
import type { SourceMapper } from "./sourceMaps.ts";

interface CallFrame {
  readonly functionName: string;
  readonly url?: string;
  readonly lineNumber?: number;
  readonly columnNumber?: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly id?: string;
  readonly args?: {
    readonly name?: string;
    readonly data?: {
      readonly startTime?: number;
      readonly cpuProfile?: {
        readonly nodes?: { id: number; callFrame: CallFrame; parent?: number }[];
        readonly samples?: number[];
      };
      readonly timeDeltas?: number[];
    };
  };
}

/** A thread of the trace: its name, its top-level tasks, and its CPU samples. */
export interface TraceThread {
  readonly key: string;
  readonly name: string;
  readonly tasks: { ts: number; dur: number }[];
  /** Every complete event on the thread (for breakdowns by kind: Layout, Paint, GC...). */
  readonly slices: { name: string; ts: number; dur: number }[];
  readonly nodes: Map<number, { callFrame: CallFrame; parent: number | undefined }>;
  readonly samples: { ts: number; node: number; weight: number }[];
}

export class Trace {
  readonly threads = new Map<string, TraceThread>();
  readonly marks = new Map<string, number>();

  constructor(json: string) {
    const parsed = JSON.parse(json) as { traceEvents: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
    const thread = (pid: number, tid: number) => {
      const key = `${pid}:${tid}`;
      let found = this.threads.get(key);
      if (!found) {
        found = { key, name: "?", tasks: [], slices: [], nodes: new Map(), samples: [] };
        this.threads.set(key, found);
      }
      return found;
    };
    const profiles = new Map<string, { thread: TraceThread; clock: number }>();
    for (const event of events) {
      if (event.ph === "M" && event.name === "thread_name")
        (thread(event.pid, event.tid) as { name: string }).name = event.args?.name ?? "?";
      else if (event.ph === "X" && event.dur !== undefined) {
        const target = thread(event.pid, event.tid);
        target.slices.push({ name: event.name, ts: event.ts, dur: event.dur });
        if (event.name === "RunTask") target.tasks.push({ ts: event.ts, dur: event.dur });
      } else if (event.name.startsWith("bench:")) this.marks.set(event.name, event.ts);
      else if (event.name === "Profile" && event.id)
        profiles.set(`${event.pid}:${event.id}`, {
          thread: thread(event.pid, event.tid),
          clock: event.args?.data?.startTime ?? 0,
        });
    }
    // Chunks come from the profiler's own thread; they carry the id of the profile (and thread) they belong to.
    for (const event of events) {
      if (event.name !== "ProfileChunk" || !event.id) continue;
      const profile = profiles.get(`${event.pid}:${event.id}`);
      const data = event.args?.data;
      if (!profile || !data) continue;
      for (const node of data.cpuProfile?.nodes ?? [])
        profile.thread.nodes.set(node.id, { callFrame: node.callFrame, parent: node.parent });
      const samples = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      samples.forEach((node, index) => {
        const delta = deltas[index] ?? 0;
        profile.clock += delta;
        profile.thread.samples.push({ ts: profile.clock, node, weight: 0 });
      });
    }
    for (const found of this.threads.values()) {
      found.samples.sort((a, b) => a.ts - b.ts);
      // A sample stands for the time until the next one (capped: the profiler pauses while a thread idles).
      found.samples.forEach((sample, index) => {
        const next = found.samples[index + 1];
        sample.weight = next ? Math.min(next.ts - sample.ts, 2_000) : 0;
      });
      found.tasks.sort((a, b) => a.ts - b.ts);
    }
  }

  /** Threads by name, busiest first (most sampled time). */
  named(name: string): TraceThread[] {
    return [...this.threads.values()]
      .filter((thread) => thread.name === name)
      .sort((a, b) => b.samples.length - a.samples.length);
  }

  mark(name: string): number {
    const ts = this.marks.get(name);
    if (ts === undefined) throw new Error(`trace has no mark ${name}`);
    return ts;
  }
}

const IGNORED = new Set(["(root)", "(idle)"]);

export interface Attribution {
  /** Sampled time in the window, ms (idle excluded). */
  readonly busyMs: number;
  readonly self: { label: string; ms: number }[];
  readonly total: { label: string; ms: number }[];
}

function labelOf(frame: CallFrame, mapper: SourceMapper | undefined): string {
  const name = frame.functionName || "(anonymous)";
  if (!frame.url) return name;
  const where =
    mapper?.locate(frame.url, frame.lineNumber ?? 0, frame.columnNumber ?? 0) ??
    `${frame.url.replace(/^.*\//, "")}:${(frame.lineNumber ?? 0) + 1}`;
  return `${name} ${where}`;
}

/** Sampled JavaScript of one thread in [from, to), by function, top `limit` of each. */
export function attribute(
  thread: TraceThread,
  from: number,
  to: number,
  mapper: SourceMapper | undefined,
  limit = 12,
): Attribution {
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let busy = 0;
  const labels = new Map<number, string>();
  const label = (id: number) => {
    let found = labels.get(id);
    if (found === undefined) {
      const node = thread.nodes.get(id);
      found = node ? labelOf(node.callFrame, mapper) : "?";
      labels.set(id, found);
    }
    return found;
  };
  for (const sample of thread.samples) {
    if (sample.ts < from || sample.ts >= to) continue;
    const own = label(sample.node);
    if (IGNORED.has(own)) continue;
    busy += sample.weight;
    self.set(own, (self.get(own) ?? 0) + sample.weight);
    const seen = new Set<string>();
    for (let id: number | undefined = sample.node; id !== undefined; id = thread.nodes.get(id)?.parent) {
      const name = label(id);
      if (IGNORED.has(name) || seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + sample.weight);
    }
  }
  const top = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, us]) => ({ label: name, ms: us / 1000 }));
  return { busyMs: busy / 1000, self: top(self), total: top(total) };
}

/** Time in [from, to) spent in slices of the given names (nested slices of one name counted once). */
export function sliceTime(thread: TraceThread, from: number, to: number, names: readonly string[]): number {
  let sum = 0;
  let coveredUntil = Number.NEGATIVE_INFINITY;
  const slices = thread.slices.filter((s) => names.includes(s.name)).sort((a, b) => a.ts - b.ts);
  for (const slice of slices) {
    const start = Math.max(slice.ts, from, coveredUntil);
    const end = Math.min(slice.ts + slice.dur, to);
    if (end > start) sum += end - start;
    coveredUntil = Math.max(coveredUntil, slice.ts + slice.dur);
  }
  return sum / 1000;
}

/** What the renderer's main thread spent a stretch on, by kind of work. */
export function breakdown(thread: TraceThread, from: number, to: number): Record<string, number> {
  const kinds: Record<string, readonly string[]> = {
    "style (UpdateLayoutTree)": ["UpdateLayoutTree"],
    layout: ["Layout"],
    "pre-paint and paint": ["PrePaint", "Paint", "Layerize", "Commit"],
    gc: ["MinorGC", "MajorGC", "V8.GC_SCAVENGER", "V8.GC_MARK_COMPACTOR", "V8.GC_MC_INCREMENTAL"],
    "compile and parse": ["v8.compile", "v8.compileModule", "V8.CompileCode", "v8.parseOnBackground"],
  };
  const result: Record<string, number> = {};
  for (const [kind, names] of Object.entries(kinds)) result[kind] = sliceTime(thread, from, to, names);
  return result;
}
