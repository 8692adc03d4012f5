/**
 * Lesson 6's rate limiter in Go (ratelimit.go, package middleware) as the rate-limit traffic drives it: the class
 * RateLimiter, whose allow, setLimits, startCleanup, stop and visitorCount call the package's NewRateLimiter and
 * (*RateLimiter).Allow, SetLimits, StartCleanup, Stop and Len. A request reaches the limiter as the middleware
 * hands it on: by the client's address, to Allow.
 */
import type { Boxed } from "../values.ts";
import {
  construct,
  type GoService,
  goFunction,
  goMethod,
  hostTask,
  requireMethods,
  shutDown,
} from "./goService.ts";

/** Limits as the traffic gives them. */
interface Limits {
  readonly perMinute: number;
  readonly burst: number;
}

/** The module the rate-limit traffic and lesson 6's checks construct the limiter from. */
export function rateLimitService(go: GoService): Readonly<Record<string, unknown>> {
  const newRateLimiter = goFunction(go, "NewRateLimiter");
  requireMethods(go, "RateLimiter", ["Allow", "SetLimits", "StartCleanup", "Len"]);
  /** Go's Limits, a struct value: made afresh for each call, as Go copies one. */
  const goLimits = (limits: Limits) => ({ PerMinute: limits.perMinute, Burst: limits.burst });

  class RateLimiter {
    readonly #limiter: Promise<Boxed>;

    constructor(limits: Limits) {
      this.#limiter = construct(go, newRateLimiter(goLimits(limits)), "RateLimiter");
    }

    async allow(client: string): Promise<boolean> {
      return (await goMethod(go, await this.#limiter, "Allow")(client)) as boolean;
    }

    async setLimits(limits: Limits): Promise<void> {
      await goMethod(go, await this.#limiter, "SetLimits")(goLimits(limits));
    }

    /** StartCleanup, in a host goroutine: the sweeper it starts is the service's. */
    startCleanup(): void {
      hostTask("start cleanup", async () => goMethod(go, await this.#limiter, "StartCleanup")());
    }

    stop(): void {
      shutDown(go, this.#limiter, "Stop");
    }

    /** How many clients the limiter tracks, by its Len. */
    get visitorCount(): Promise<number> {
      return this.#limiter.then((limiter) => goMethod(go, limiter, "Len")()) as Promise<number>;
    }
  }
  return { RateLimiter };
}
