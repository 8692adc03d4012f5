/**
 * Lesson 6's checks: the limiter still limits (greedy clients are held to their rate, polite ones never
 * refused), still forgets idle clients, and leaks nothing however often the config watcher calls setLimits().
 */
import { time } from "../runtime/index.ts";
import {
  type ClientRecord,
  type Limits,
  type RateLimiterLike,
  startRateLimitTraffic,
} from "../sim/rateLimitTraffic.ts";
import type { Session } from "../sim/session.ts";
import { averageLevel, flatness, type LessonChecks, type Scenario, verifyNone } from "./lessonChecks.ts";
import { type CheckResult, check } from "./report.ts";

const MINUTE = time.Minute;
const LIMITS: Limits = { perMinute: 60, burst: 10 };
/** Idle timeout (3 min) + one sweep interval + a minute of slack. */
const FORGOTTEN_WITHIN = 5 * MINUTE;

interface RateLimiter extends RateLimiterLike {
  stop(): void;
}

function openLimiter(session: Session, fileName: string): RateLimiter {
  const Limiter = session.exportedClass<RateLimiter>("RateLimiter", fileName);
  const limiter = new (Limiter as new (limits: Limits) => RateLimiter)(LIMITS);
  limiter.startCleanup();
  return limiter;
}

function limitChecks(clients: readonly ClientRecord[]): CheckResult[] {
  const greedy = clients.filter((client) => client.greedy && client.leftAt !== undefined);
  const overLimit = greedy.filter((client) => {
    const minutes = ((client.leftAt ?? 0) - client.arrivedAt) / MINUTE;
    return client.allowed > LIMITS.burst + LIMITS.perMinute * minutes + 2 || client.denied === 0;
  });
  const polite = clients.filter((client) => !client.greedy);
  const refused = polite.filter((client) => client.denied > 0);
  return [
    check(
      "greedy clients are held to their limit",
      greedy.length > 0 && overLimit.length === 0,
      `all ${greedy.length} clients asking three times their limit were held to ${LIMITS.perMinute} a minute`,
      `${overLimit.length} of ${greedy.length} clients asking three times their limit got more than ${LIMITS.perMinute} a minute`,
    ),
    check(
      "polite clients are never refused",
      polite.length > 0 && refused.length === 0,
      `none of the ${polite.length} clients within their limit was refused`,
      `${refused.length} of ${polite.length} clients within their limit were refused`,
    ),
  ];
}

const underTraffic: Scenario = {
  name: "the limiter runs under traffic",
  async run({ open, fileName }) {
    const session = await open(1, { blockStacks: true });
    const limiter = openLimiter(session, fileName);
    const trafficEnds = 30 * MINUTE;
    const clients = startRateLimitTraffic(
      limiter,
      {
        seed: 3,
        limits: LIMITS,
        clientsPerMinute: 10,
        stayMs: [MINUTE, 5 * MINUTE],
        greedyShare: 0.3,
        reloadEvery: 20_000,
        until: trafficEnds,
      },
      (body, name) => session.spawn(body, name),
    );
    // Every client has left 5 minutes after the last arrival; five more and all must be forgotten.
    await session.runUntil(trafficEnds + 5 * MINUTE + FORGOTTEN_WITHIN);
    const tests = limitChecks(clients);
    const remembered = await limiter.visitorCount;
    tests.push(
      check(
        "idle clients are forgotten",
        // Forgotten by the limiter's own count. Memory a forgotten client left behind shows in the four-hour
        // level below for the TypeScript port; a Go limiter's map of clients is not measured yet
        // (docs/go-subset.md, "Memory"), so for Go the count is the whole of it.
        remembered === 0,
        `all ${clients.length} clients forgotten within ${FORGOTTEN_WITHIN / MINUTE} minutes of going quiet`,
        `${remembered} of ${clients.length} clients still tracked ${FORGOTTEN_WITHIN / MINUTE} minutes after going quiet`,
      ),
    );
    limiter.stop();
    await session.runUntil(session.now + 2 * MINUTE);
    const verdict = verifyNone(session, "nothing leaks once the limiter stops");
    return { tests: [...tests, ...verdict.tests], ...(verdict.leaks ? { leaks: verdict.leaks } : {}) };
  },
};

const steadyTraffic: Scenario = {
  name: "the limiter runs for hours",
  async run({ open, fileName }) {
    const session = await open(2);
    const limiter = openLimiter(session, fileName);
    startRateLimitTraffic(
      limiter,
      {
        seed: 17,
        limits: LIMITS,
        clientsPerMinute: 20,
        stayMs: [MINUTE, 10 * MINUTE],
        greedyShare: 0.2,
        reloadEvery: 20_000,
        until: Number.POSITIVE_INFINITY,
      },
      (body, name) => session.spawn(body, name),
    );
    const early = await averageLevel(session, 60 * MINUTE, 120 * MINUTE);
    const late = await averageLevel(session, 180 * MINUTE, 240 * MINUTE);
    return { tests: [flatness("handles and memory stay level for four hours", early, late, 4)] };
  },
};

export const rateLimitChecks: LessonChecks = {
  file: "ratelimit.ts",
  scenarios: [underTraffic, steadyTraffic],
};
