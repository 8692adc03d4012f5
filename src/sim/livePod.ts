/**
 * The live run's pod: the learner's service under the lesson's traffic on a virtual clock, with the pod
 * lifecycle the replay's pods follow too (podLifecycle.ts; figures in calibration.ts). Memory is the pod's baseline plus what the service holds,
 * compared with the limit every 10 s: five minutes above 90% fires the alert, the limit is an OOM kill (exit
 * code 137). A killed pod's runtime is stopped and let go, tasks and all; after the restart delay a fresh
 * runtime boots with the learner's module evaluated afresh and the traffic started again. Without this a leaky
 * service run for a day would hold tens of thousands of tasks in the tab, as no real pod ever could.
 *
 * Each incarnation has its own runtime, whose clock starts at 0; the run's clock, which samples and events are
 * stamped with, goes on across restarts. A rebooted runtime starts at the moment of the kill and spends the
 * restart delay down (samples show no handles and no memory) before its first task, so pacing, pause and the
 * deadline work while the pod is down as while it is up. What the host does with samples, events and logs (a
 * worker posts them to the page, a test collects them) is up to the host.
 */

import type { Host } from "../runtime/host.ts";
import type { LogEntry } from "../runtime/log.ts";
import { activate, type RunOutcome, Runtime } from "../runtime/runtime.ts";
import { type Sample, takeSample } from "../runtime/sample.ts";
import { BASELINE_MEMORY_MIB, MEMORY_CHECK_EVERY_MS } from "./calibration.ts";
import type { TrafficKnobs } from "./liveScenario.ts";
import { type PodEvent, PodLifecycle, type PodReading } from "./podLifecycle.ts";
import { startLiveScenario } from "./registry.ts";
import type { ModuleExports } from "./session.ts";

const MiB = 1024 * 1024;

/** A sample on the run's clock, with the pod's modelled memory; all zeros while the pod is down. */
export interface PodSample extends Sample {
  readonly memoryMiB: number;
}

export interface LivePodOptions {
  /** The lesson's slug: which service and traffic (registry.ts). */
  readonly lesson: string;
  readonly fileName: string;
  readonly traffic: TrafficKnobs;
  /** The learner's module, made afresh for each boot, on the boot's runtime. */
  readonly module: PodModule;
  /** The run ends at this virtual time (the run's clock). */
  readonly untilMs: number;
  /** Virtual ms between samples. */
  readonly sampleEveryMs: number;
  readonly onSample: (sample: PodSample) => void;
  /** Alerts, OOM kills and restarts, stamped with the run's virtual ms. */
  readonly onEvent: (event: PodEvent) => void;
  readonly onLog: (entry: LogEntry) => void;
  /** Passed to each incarnation's Runtime. Defaults: the runtime's. */
  readonly host?: Host;
  readonly blockStacks?: boolean;
}

/**
 * How a boot gets the learner's module: `now`, evaluated where the boot happens (TypeScript: what it throws at
 * load is thrown there); or `later`, in a task of the host's that runs first, as Go's package initialisation is
 * Go code that must run in a goroutine (what it throws ends the run as a reboot's load error does).
 */
export type PodModule =
  | { readonly now: () => ModuleExports }
  | { readonly later: () => Promise<ModuleExports> };

/** How a run of the pod ended: a runtime's outcome on the run's clock, or a reboot whose module threw at load. */
export type LivePodOutcome =
  | RunOutcome
  | { readonly kind: "load"; readonly now: number; readonly error: unknown };

interface Incarnation {
  readonly runtime: Runtime;
  /** The run's clock at this runtime's 0. */
  readonly offset: number;
  up: boolean;
  killed: boolean;
  loadError: { readonly error: unknown } | undefined;
  /** Stops the sampler and the memory check. */
  readonly stopWatching: (() => void)[];
}

export class LivePod {
  private current: Incarnation;
  private speed = Number.POSITIVE_INFINITY;
  private running = false;
  private pausing = false;
  private stopped = false;
  private lastSampleAt = Number.NEGATIVE_INFINITY;
  /** The pod's memory limit, alert and restart delay (calibration.ts's), across its incarnations. */
  private readonly lifecycle = new PodLifecycle();
  /** OOM kills so far. */
  kills = 0;

  /**
   * Boots the first incarnation at 0; throws what a module made `now` throws at load (or a missing export). One
   * made `later` says so when the run starts (LivePodOutcome's `load`).
   */
  constructor(private readonly options: LivePodOptions) {
    this.current = this.incarnation(0);
    this.boot(this.current);
    this.sample(this.current);
  }

  /** The runtime of the pod now (a dump reads its tasks). */
  get runtime(): Runtime {
    return this.current.runtime;
  }

  /** The run's clock now. */
  get now(): number {
    return this.current.offset + this.current.runtime.now;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Runs through OOM kills and restarts until the deadline, a pause, a stop, a panic or a deadlock. */
  async run(speed: number): Promise<LivePodOutcome> {
    this.speed = speed;
    this.running = true;
    this.pausing = false;
    try {
      for (;;) {
        const pod = this.current;
        const outcome = await pod.runtime.run({
          until: this.options.untilMs - pod.offset,
          speed: this.speed,
        });
        if (pod.loadError) return { kind: "load", now: this.now, error: pod.loadError.error };
        if (!(pod.killed && outcome.kind === "stopped") || this.stopped) {
          return { ...outcome, now: pod.offset + outcome.now };
        }
        this.current = this.reboot(pod.offset + outcome.now);
        if (this.pausing) return { kind: "paused", now: this.now };
      }
    } finally {
      this.running = false;
      this.pausing = false;
    }
  }

  /** Pauses at the next task switch (or right after a restart, if the pod is being killed). */
  pause(): void {
    if (!this.running) return;
    this.pausing = true;
    this.current.runtime.pause();
  }

  setSpeed(speed: number): void {
    this.speed = speed;
    this.current.runtime.setSpeed(speed);
  }

  /** Ends the run for good. */
  stop(): void {
    this.stopped = true;
    this.current.runtime.stop();
  }

  private incarnation(offset: number): Incarnation {
    const runtime = new Runtime({
      ...(this.options.host && { host: this.options.host }),
      ...(this.options.blockStacks !== undefined && { blockStacks: this.options.blockStacks }),
    });
    // Log lines on the run's clock, like samples.
    const { onLog } = this.options;
    runtime.onLog = offset === 0 ? onLog : (entry) => onLog({ ...entry, t: offset + entry.t });
    activate(runtime);
    return { runtime, offset, up: false, killed: false, loadError: undefined, stopWatching: [] };
  }

  /** Evaluates the module and starts the traffic on `pod`'s runtime, and starts watching its memory. */
  private boot(pod: Incarnation): void {
    const { runtime } = pod;
    const { lesson, fileName, traffic } = this.options;
    const start = (exports: ModuleExports) =>
      startLiveScenario(lesson, exports, fileName, traffic, (body, name) => {
        runtime.go(body, { internal: true, name });
      });
    const { module } = this.options;
    if ("later" in module) {
      runtime.go(
        async () => {
          try {
            start(await module.later());
          } catch (error) {
            pod.loadError = { error };
            runtime.stop();
          }
        },
        { internal: true, name: "boot" },
      );
    } else {
      start(module.now());
    }
    pod.up = true;
    pod.stopWatching.push(this.watchMemory(pod));
  }

  /** A fresh runtime from the moment of the kill: down for the restart delay, then booted. */
  private reboot(killedAt: number): Incarnation {
    const pod = this.incarnation(killedAt);
    this.sample(pod);
    // A waking timer, not an observer: it keeps the clock going (and the run from ending) while the pod is down.
    pod.runtime.schedule(this.lifecycle.restartDelayMs, () => {
      try {
        this.boot(pod);
      } catch (error) {
        pod.loadError = { error };
        pod.runtime.stop();
        return;
      }
      this.options.onEvent(this.lifecycle.restarted(this.reading(pod)));
    });
    return pod;
  }

  /** Samples every sampleEveryMs from now on (now included, unless a sample was already taken then). */
  private sample(pod: Incarnation): void {
    const take = () => {
      if (pod.killed) return;
      const t = pod.offset + pod.runtime.now;
      if (t <= this.lastSampleAt) return;
      this.lastSampleAt = t;
      this.options.onSample(this.podSample(pod, t));
    };
    take();
    pod.stopWatching.push(pod.runtime.every(this.options.sampleEveryMs, take));
  }

  private podSample(pod: Incarnation, t: number): PodSample {
    if (!pod.up) {
      return {
        t,
        goroutines: 0,
        timers: 0,
        tickers: 0,
        handles: 0,
        memoryBytes: 0,
        bySite: [],
        memoryMiB: 0,
      };
    }
    const sample = takeSample(pod.runtime);
    return { ...sample, t, memoryMiB: BASELINE_MEMORY_MIB + sample.memoryBytes / MiB };
  }

  /** The pod's handles and modelled memory now, on the run's clock. */
  private reading(pod: Incarnation): PodReading {
    const { counts } = pod.runtime.registry;
    return {
      t: pod.offset + pod.runtime.now,
      handles: counts.goroutines + counts.timers + counts.tickers,
      memoryMiB: BASELINE_MEMORY_MIB + pod.runtime.memoryBytes / MiB,
    };
  }

  /** The kubelet's memory check (podLifecycle.ts); at an OOM kill, stops the pod's runtime. */
  private watchMemory(pod: Incarnation): () => void {
    const { runtime } = pod;
    return runtime.every(MEMORY_CHECK_EVERY_MS, () => {
      const event = this.lifecycle.check(this.reading(pod));
      if (event?.type === "OOMKilled") {
        // The last figures before the kill, so the chart shows the peak the pod died at.
        if (event.t > this.lastSampleAt) {
          this.lastSampleAt = event.t;
          this.options.onSample(this.podSample(pod, event.t));
        }
        pod.killed = true;
        this.kills++;
        for (const stop of pod.stopWatching) stop();
        this.options.onEvent(event);
        runtime.stop();
      } else if (event) {
        this.options.onEvent(event);
      }
    });
  }
}
