/**
 * The CloudVault rate limiter, fixed: the cleanup task starts once however often setLimits() is called, and
 * stop() ends it and its ticker. Idle clients are still swept out every minute.
 */
import { alloc, type Bytes, chan, go, recv, select, sync, time } from "leak-lab/runtime";

export interface Limits {
  /** Requests a client may make per minute, on average. */
  readonly perMinute: number;
  /** Requests a client may make at once after a quiet spell. */
  readonly burst: number;
}

/** A client quiet for this long is forgotten. */
export const VISITOR_IDLE = 3 * time.Minute;
/** How often idle clients are swept out. */
export const CLEANUP_EVERY = time.Minute;
/** What one tracked client costs. */
const VISITOR_BYTES = 512;
/**
 * The sweep's scratch copy of the visitors table. Calibrated (see src/sim/calibration.ts) so that leaked
 * cleanup tasks hold what ratelimit.go:102 holds in the incident's heap profile: 28.7 MB of 158.5 MB.
 */
const SWEEP_BYTES = 285 * 1024;

interface Visitor {
  tokens: number;
  lastSeen: number;
  readonly memory: Bytes;
}

export class RateLimiter {
  private readonly visitors = new Map<string, Visitor>();
  private readonly cleanupOnce = new sync.Once();
  /** Closed by stop(): the cleanup task's way out. */
  private readonly stopped = chan<void>();

  constructor(private limits: Limits) {}

  /** Whether `client` may make a request now; each allowed request takes a token. */
  allow(client: string): boolean {
    const now = time.now();
    let visitor = this.visitors.get(client);
    if (!visitor) {
      visitor = { tokens: this.limits.burst, lastSeen: now, memory: alloc(VISITOR_BYTES, "visitor").keep() };
      this.visitors.set(client, visitor);
    }
    const refill = ((now - visitor.lastSeen) / time.Minute) * this.limits.perMinute;
    visitor.tokens = Math.min(this.limits.burst, visitor.tokens + refill);
    visitor.lastSeen = now;
    if (visitor.tokens < 1) return false;
    visitor.tokens -= 1;
    return true;
  }

  /** New limits from the config watcher; makes sure idle clients keep being swept out. */
  setLimits(limits: Limits): void {
    this.limits = limits;
    this.startCleanup();
  }

  /** Sweeps idle clients out every CLEANUP_EVERY; starts the sweeper once, however often it is called. */
  startCleanup(): void {
    this.cleanupOnce.do(() => {
      const ticker = time.newTicker(CLEANUP_EVERY);
      go(async () => {
        const sweep = alloc(SWEEP_BYTES, "sweep buffer");
        for (let running = true; running; ) {
          running = await select([
            recv(ticker.c, () => {
              this.evictIdle(time.now());
              return true;
            }),
            recv(this.stopped, () => false),
          ]);
        }
        ticker.stop();
        sweep.release();
      });
    });
  }

  /** Called when the server shuts down: ends the cleanup task and its ticker. */
  stop(): void {
    if (!this.stopped.closed) this.stopped.close();
  }

  /** Clients currently tracked. */
  get visitorCount(): number {
    return this.visitors.size;
  }

  private evictIdle(now: number): void {
    for (const [client, visitor] of this.visitors) {
      if (now - visitor.lastSeen < VISITOR_IDLE) continue;
      this.visitors.delete(client);
      visitor.memory.release();
    }
  }
}
