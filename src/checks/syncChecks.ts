/**
 * Lesson 5's checks: connected devices get every change for their user, in time, devices are never turned away
 * while their user has a free slot, and nothing leaks (VerifyNone after close, level for hours).
 */
import { time } from "../runtime/index.ts";
import type { Session } from "../sim/session.ts";
import {
  type ChangeHubLike,
  type DeviceRecord,
  type Publication,
  type SyncServiceLike,
  startSyncTraffic,
} from "../sim/syncTraffic.ts";
import { averageLevel, flatness, type LessonChecks, type Scenario, verifyNone } from "./lessonChecks.ts";
import { type CheckResult, check } from "./report.ts";

const MINUTE = time.Minute;
/** A change published this close to a device leaving may still be on its way: not counted as missed. */
const IN_FLIGHT = 1000;

interface SyncService extends SyncServiceLike {
  close(): void;
}

function openService(session: Session, fileName: string) {
  const Hub = session.exportedClass<ChangeHubLike>("ChangeHub", fileName);
  const Service = session.exportedClass<SyncService>("SyncService", fileName);
  const hub = new (Hub as new () => ChangeHubLike)();
  const service = new (Service as new (hub: ChangeHubLike) => SyncService)(hub);
  return { hub, service };
}

/** Changes a device should have received: its user's, published while it was connected. */
function missed(device: DeviceRecord, published: readonly Publication[], now: number): number {
  const end = (device.disconnectedAt ?? now) - IN_FLIGHT;
  return published.filter(
    (p) =>
      p.user === device.user && p.at >= device.connectedAt && p.at <= end && !device.received.has(p.version),
  ).length;
}

function functionalChecks(
  devices: readonly DeviceRecord[],
  published: readonly Publication[],
  now: number,
): CheckResult[] {
  const turnedAway = devices.filter((device) => !device.accepted);
  const accepted = devices.filter((device) => device.accepted);
  const missing = accepted.map((device) => missed(device, published, now));
  const devicesMissing = missing.filter((count) => count > 0).length;
  const changesMissed = missing.reduce((sum, count) => sum + count, 0);
  return [
    check(
      "devices are never turned away while their user has a free slot",
      turnedAway.length === 0,
      `all ${devices.length} devices got a watcher (never more than four per user at once)`,
      `${turnedAway.length} of ${devices.length} devices were turned away and fell back to polling (stale data), though their user had fewer than four devices connected`,
    ),
    check(
      "connected devices get every change",
      accepted.length > 0 && devicesMissing === 0,
      `${accepted.length} devices received every change for their user while connected`,
      `${devicesMissing} of ${accepted.length} devices missed ${changesMissed} changes published while they were connected`,
    ),
  ];
}

const underTraffic: Scenario = {
  name: "the service runs under traffic",
  async run({ open, fileName }) {
    const session = await open(1, { blockStacks: true });
    const { hub, service } = openService(session, fileName);
    const trafficEnds = 30 * MINUTE;
    const records = startSyncTraffic(
      hub,
      service,
      {
        seed: 5,
        users: 12,
        connectsPerMinute: 8,
        stayMs: [30_000, 4 * MINUTE],
        changesPerMinute: 120,
        devicesPerUser: 4,
        until: trafficEnds,
      },
      (body, name) => session.spawn(body, name),
    );
    await session.runUntil(trafficEnds + 5 * MINUTE);
    const tests = functionalChecks(records.devices, records.published, session.now);
    service.close();
    await session.runUntil(trafficEnds + 6 * MINUTE);
    const verdict = verifyNone(session, "nothing leaks once devices leave and the service closes");
    return { tests: [...tests, ...verdict.tests], ...(verdict.leaks ? { leaks: verdict.leaks } : {}) };
  },
};

const steadyTraffic: Scenario = {
  name: "the service runs for hours",
  async run({ open, fileName }) {
    const session = await open(2);
    const { hub, service } = openService(session, fileName);
    startSyncTraffic(
      hub,
      service,
      {
        seed: 13,
        // Enough users that the hub's four-per-user cap never bounds a leak within the four hours.
        users: 2000,
        connectsPerMinute: 10,
        stayMs: [MINUTE, 10 * MINUTE],
        changesPerMinute: 200,
        devicesPerUser: 4,
        until: Number.POSITIVE_INFINITY,
      },
      (body, name) => session.spawn(body, name),
    );
    // The service's history of changes is meant to grow (up to 10,000 a user, in sync.go): what must stay level
    // is the watchers and what they hold.
    const held = (s: Session) => s.memoryBytes - s.keptBytes;
    const early = await averageLevel(session, 60 * MINUTE, 120 * MINUTE, held);
    const late = await averageLevel(session, 180 * MINUTE, 240 * MINUTE, held);
    return {
      tests: [flatness("handles and the memory goroutines hold stay level for four hours", early, late, 4)],
    };
  },
};

export const syncChecks: LessonChecks = {
  file: "sync.ts",
  scenarios: [underTraffic, steadyTraffic],
};
