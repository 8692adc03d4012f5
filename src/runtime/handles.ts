/**
 * What the runtime counts: every live task ("goroutine"), timer and ticker is a Handle with its kind, its
 * birthplace and the modelled bytes it holds (see MEMORY_MODEL.md). Tasks also carry what they are blocked on.
 */
import { parseSite, type Site, type StackCapture } from "./stack.ts";

export type HandleKind = "goroutine" | "timer" | "ticker";

/** Go's names for what a goroutine is doing, as printed in its dump header. */
export type TaskState =
  | "runnable"
  | "running"
  | "chan receive"
  | "chan send"
  | "chan receive (nil chan)"
  | "chan send (nil chan)"
  | "select"
  | "select (no cases)"
  | "sleep"
  | "sync.Mutex.Lock"
  | "sync.WaitGroup.Wait"
  | "sync.RWMutex.Lock"
  | "sync.RWMutex.RLock"
  /** Waiting on the network (Go's netpoller): the simulated pod's server and connection pools. */
  | "IO wait"
  /** Awaiting a promise the runtime did not create; it cannot tell when (or whether) it settles. */
  | "await";

export abstract class Handle {
  abstract readonly kind: HandleKind;
  /** Modelled bytes held, attributed to the creation site. */
  bytes = 0;
  /** Set by the registry once the creation stack has been turned into a site. */
  siteStats: SiteStats | undefined = undefined;
  private resolvedSite: Site | undefined;

  constructor(
    readonly id: number,
    /** Virtual ms at creation. */
    readonly createdAt: number,
    readonly createStack: StackCapture | undefined,
    /** Runtime-internal handles (the host's traffic generators) are counted apart and left out of views. */
    readonly internal: boolean,
    /** The creation site, when the code that made the handle knows it (Go's translated `go` statements). */
    readonly givenSite?: Site,
  ) {
    this.resolvedSite = givenSite;
  }

  get site(): Site {
    this.resolvedSite ??= parseSite(this.createStack);
    return this.resolvedSite;
  }
}

/** Live-handle and byte counts for one creation site. */
export interface SiteStats {
  readonly site: Site;
  goroutines: number;
  timers: number;
  tickers: number;
  bytes: number;
}

export function countField(kind: HandleKind): "goroutines" | "timers" | "tickers" {
  return kind === "goroutine" ? "goroutines" : kind === "timer" ? "timers" : "tickers";
}
