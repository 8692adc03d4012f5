/**
 * The CloudVault rate limiter, ported from ratelimit.go (the read-only tab beside this one). It limits each
 * client with a token bucket and forgets clients that have gone quiet. The config watcher calls setLimits()
 * every 20 seconds; count the tasks and tickers that leaves behind.
 */
import { alloc, type Bytes, go, time } from "leak-lab/runtime";

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

  /** Sweeps idle clients out every CLEANUP_EVERY. */
  startCleanup(): void {
    const ticker = time.newTicker(CLEANUP_EVERY);
    go(async () => {
      const sweep = alloc(SWEEP_BYTES, "sweep buffer");
      for await (const now of ticker.c) this.evictIdle(now);
      sweep.release();
    });
  }

  /** Called when the server shuts down. */
  stop(): void {}

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
