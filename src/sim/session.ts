/**
 * One run of a learner's service under simulated traffic: a fresh runtime, the learner's module evaluated on it,
 * host tasks for the traffic, and the questions checks ask afterwards (what leaked, what was logged).
 */
import type { LogEntry } from "../runtime/log.ts";
import { activate, type RunOutcome, Runtime } from "../runtime/runtime.ts";
import type { Task } from "../runtime/task.ts";
import { describeTask } from "../runtime/views/describeTask.ts";
import { formatLeakReport, groupLeaks, type LeakGroup } from "../runtime/views/formatLeaks.ts";
import { exportedClass, thrownMessage } from "./learnerCode.ts";

export type ModuleExports = Readonly<Record<string, unknown>>;

/**
 * Evaluates the learner's file afresh, on whichever runtime is active when it is called, and returns its
 * exports. Hosts provide it: a Web Worker in the browser, `vm` in the Node grader, a plain import in tests.
 * Throws LearnerCodeError when the file cannot be evaluated.
 */
export type LoadModule = () => Promise<ModuleExports>;

/** The learner's service panicked under traffic: a failed check, with the line when it can be found. */
export class ServicePanic extends Error {
  constructor(readonly outcome: Extract<RunOutcome, { kind: "panic" }>) {
    super(`panic: ${thrownMessage(outcome.error)}`);
    this.name = "ServicePanic";
  }
}

export class Session {
  readonly logs: LogEntry[] = [];

  private constructor(
    readonly runtime: Runtime,
    readonly exports: ModuleExports,
    /** The companion module's exports (a lesson's service the learner's test runs against), if one was asked for. */
    readonly companion: ModuleExports | undefined,
  ) {}

  static async open(
    load: LoadModule,
    seed: number,
    blockStacks = false,
    loadCompanion?: LoadModule,
  ): Promise<Session> {
    const runtime = new Runtime({ seed, blockStacks });
    activate(runtime);
    const logs: LogEntry[] = [];
    runtime.onLog = (entry) => logs.push(entry);
    const companion = loadCompanion ? await loadCompanion() : undefined;
    const exports = await load();
    const session = new Session(runtime, exports, companion);
    session.logs.push(...logs);
    runtime.onLog = (entry) => session.logs.push(entry);
    return session;
  }

  /** The learner's exported class `name`, or a LearnerCodeError saying what is missing. */
  exportedClass<T>(name: string, file: string): new (...args: never[]) => T {
    return exportedClass<T>(this.exports, name, file);
  }

  /** Runs host code (traffic, clients) as an internal task: not the learner's, left out of leak reports. */
  spawn(body: () => Promise<void>, name: string): void {
    this.runtime.go(body, { internal: true, name });
  }

  /** Advances virtual time to `at`. A panic in the learner's code is thrown as ServicePanic. */
  async runUntil(at: number): Promise<void> {
    const outcome = await this.runtime.run({ until: at });
    if (outcome.kind === "panic") throw new ServicePanic(outcome);
    // "exited" and "deadlock" just mean nothing else will happen: the checks then look at what is left.
  }

  get now(): number {
    return this.runtime.now;
  }

  /** Live tasks, timers and tickers that are not the host's, grouped by creation site and state. */
  leaks(): LeakGroup[] {
    const tasks = [...this.runtime.registry.handles("goroutine")].map((task) =>
      describeTask(task as Task, this.runtime.now),
    );
    const groups = groupLeaks(tasks);
    for (const kind of ["timer", "ticker"] as const) {
      const counts = new Map<string, LeakGroup>();
      for (const handle of this.runtime.registry.handles(kind)) {
        const key = handle.site.key;
        const previous = counts.get(key);
        counts.set(key, {
          site: key,
          function: handle.site.fn,
          state: kind,
          count: (previous?.count ?? 0) + 1,
        });
      }
      groups.push(...counts.values());
    }
    return groups.sort((a, b) => b.count - a.count || a.site.localeCompare(b.site));
  }

  /** goleak's text for the leaked tasks (timers and tickers are listed by leaks()). */
  leakReport(): string {
    const tasks = [...this.runtime.registry.handles("goroutine")].map((task) =>
      describeTask(task as Task, this.runtime.now),
    );
    return formatLeakReport(tasks);
  }

  /** Live handles that are not the host's. */
  get handleCount(): number {
    const { goroutines, timers, tickers } = this.runtime.registry.counts;
    return goroutines + timers + tickers;
  }

  /**
   * Bytes held by no live goroutine, timer or ticker: what the service's own structures keep (a map of
   * uploads nobody finished), which only the service can let go of.
   */
  get keptBytes(): number {
    let bytes = this.runtime.registry.bytes + this.runtime.heapBytes().kept;
    for (const handle of this.runtime.registry.handles()) bytes -= handle.bytes;
    return bytes;
  }

  /** Modelled bytes held, the host's own tasks excluded. */
  get memoryBytes(): number {
    return this.runtime.memoryBytes;
  }

  close(): void {
    this.runtime.stop();
  }
}

/** Formats leak groups as one line: "3 × storage.ts:52 StorageService.upload [chan receive]". */
export function summarizeLeaks(leaks: readonly LeakGroup[]): string {
  return leaks.map((leak) => `${leak.count} × ${leak.site} ${leak.function} [${leak.state}]`).join("; ");
}
