/**
 * Clients behind a rate limiter shaped like lesson 6's, and the config watcher that hands it new limits every
 * 20 seconds. Clients come and go (so idle ones must be forgotten); a few are greedy (so limits must bite).
 */
import { time } from "../runtime/index.ts";
import { Arrivals } from "./arrivals.ts";

export interface Limits {
  readonly perMinute: number;
  readonly burst: number;
}

/** A Go limiter answers once its Go has run (src/go/services/ratelimit.ts): hence the promises. */
export interface RateLimiterLike {
  allow(client: string): boolean | Promise<boolean>;
  setLimits(limits: Limits): void | Promise<void>;
  startCleanup(): void;
  readonly visitorCount: number | Promise<number>;
}

export interface RateLimitTrafficOptions {
  readonly seed: number;
  readonly limits: Limits;
  /** New clients arriving a minute. */
  readonly clientsPerMinute: number;
  /** How long a client keeps making requests: uniform in [min, max] virtual ms. */
  readonly stayMs: readonly [min: number, max: number];
  /** Share of clients that ask three times their limit. */
  readonly greedyShare: number;
  /** How often the config watcher calls setLimits (the incident's: every 20 s). */
  readonly reloadEvery: number;
  readonly until: number;
}

export interface ClientRecord {
  readonly id: string;
  readonly greedy: boolean;
  readonly arrivedAt: number;
  leftAt: number | undefined;
  allowed: number;
  denied: number;
}

export function startRateLimitTraffic(
  limiter: RateLimiterLike,
  options: RateLimitTrafficOptions,
  spawn: (body: () => Promise<void>, name: string) => void,
): ClientRecord[] {
  const clients: ClientRecord[] = [];
  const arrivals = new Arrivals(options.seed);

  spawn(async () => {
    for (;;) {
      await time.sleep(options.reloadEvery);
      if (time.now() >= options.until) return;
      await limiter.setLimits(options.limits);
    }
  }, "config watcher");

  spawn(async () => {
    for (;;) {
      await time.sleep(arrivals.gap(options.clientsPerMinute));
      if (time.now() >= options.until) return;
      const client: ClientRecord = {
        id: `10.0.${clients.length >> 8}.${clients.length & 255}`,
        greedy: arrivals.chance(options.greedyShare),
        arrivedAt: time.now(),
        leftAt: undefined,
        allowed: 0,
        denied: 0,
      };
      clients.push(client);
      const stay = arrivals.between(options.stayMs[0], options.stayMs[1]);
      // A greedy client asks three times its limit; a polite one stays well under it.
      const every = time.Minute / (options.limits.perMinute * (client.greedy ? 3 : 0.5));
      spawn(async () => {
        const leaveAt = time.now() + stay;
        while (time.now() < leaveAt) {
          if (await limiter.allow(client.id)) client.allowed++;
          else client.denied++;
          await time.sleep(every);
        }
        client.leftAt = time.now();
      }, "client");
    }
  }, "clients");

  return clients;
}
