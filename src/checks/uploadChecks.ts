/**
 * Lesson 4's checks: the storage service still does its job (uploads complete and the client is told,
 * progress flows while uploading and never after, failures surface, abandoned chunked uploads are reclaimed)
 * and leaks nothing (VerifyNone after close, level under hours of steady traffic).
 */
import { time } from "../runtime/index.ts";
import type { Session } from "../sim/session.ts";
import {
  CHUNK_BYTES,
  ClientView,
  MemoryBlobStore,
  startUploadTraffic,
  type UploadRecord,
  type UploadServiceLike,
} from "../sim/uploadTraffic.ts";
import { averageLevel, flatness, type LessonChecks, type Scenario, verifyNone } from "./lessonChecks.ts";
import { type CheckResult, check } from "./report.ts";

const FILE = "storage.ts";
const MINUTE = time.Minute;

interface StorageService extends UploadServiceLike {
  close(): void;
}

function openService(session: Session, fileName: string) {
  const Service = session.exportedClass<StorageService>("StorageService", fileName);
  const blobs = new MemoryBlobStore();
  const client = new ClientView();
  const service = new (
    Service as new (
      blobs: MemoryBlobStore,
      notifier: ClientView["notifier"],
    ) => StorageService
  )(blobs, client.notifier);
  return { service, blobs, client };
}

const few = (sessions: readonly string[]) =>
  sessions.length <= 4
    ? sessions.join(", ")
    : `${sessions.slice(0, 4).join(", ")} and ${sessions.length - 4} more`;

/** Sessions whose log shows `later` after `earlier`. */
function loggedAfter(session: Session, earlier: string, later: string): string[] {
  const firstEarlier = new Map<string, number>();
  const offenders = new Set<string>();
  for (const entry of session.logs) {
    const id = entry.fields?.session;
    if (typeof id !== "string") continue;
    if (entry.message === earlier && !firstEarlier.has(id)) firstEarlier.set(id, entry.t);
    if (entry.message === later && firstEarlier.has(id)) offenders.add(id);
  }
  return [...offenders];
}

function functionalChecks(
  session: Session,
  records: readonly UploadRecord[],
  client: ClientView,
): CheckResult[] {
  const finished = records.filter((record) => !record.failing && !record.abandoned);
  const notDone = finished.filter((record) => (client.done.get(record.session)?.length ?? 0) !== 1);
  const stuck = finished.filter((record) => record.stored === undefined);
  const big = finished.filter((record) => !record.chunked && record.size >= 4 * 1024 * 1024);
  const silent = big.filter((record) => (client.progress.get(record.session)?.length ?? 0) === 0);
  const progressAfterDone = [...client.progress].flatMap(([id, events]) => {
    const done = client.done.get(id)?.[0];
    return done !== undefined && events.some((event) => event.t > done) ? [id] : [];
  });
  const logsAfterComplete = loggedAfter(session, "Upload complete", "Upload progress");
  const failing = records.filter((record) => record.failing && record.finishedAt !== undefined);
  const swallowed = failing.filter((record) => record.error === undefined);
  return [
    check(
      "uploads complete and the client is told",
      stuck.length === 0 && notDone.length === 0,
      `${finished.length} uploads stored, and each client told "done" once`,
      stuck.length > 0
        ? `${stuck.length} of ${finished.length} uploads never finished: ${few(stuck.map((r) => r.session))}`
        : `${notDone.length} of ${finished.length} stored uploads left the client stuck at 100% (no single "done"): ${few(notDone.map((r) => r.session))}`,
    ),
    check(
      "progress is reported while uploading",
      big.length > 0 && silent.length === 0,
      `all ${big.length} big uploads reported progress`,
      `${silent.length} of ${big.length} big uploads never reported progress: ${few(silent.map((r) => r.session))}`,
    ),
    check(
      "no progress after completion",
      progressAfterDone.length === 0 && logsAfterComplete.length === 0,
      "no upload reported progress after it completed",
      logsAfterComplete.length > 0
        ? `"Upload progress" logged after "Upload complete" for ${logsAfterComplete.length} uploads: ${few(logsAfterComplete)}`
        : `progress sent after "done" for ${progressAfterDone.length} uploads: ${few(progressAfterDone)}`,
    ),
    check(
      "failed uploads report their error",
      failing.length > 0 && swallowed.length === 0,
      `all ${failing.length} uploads whose client went away returned an error`,
      `${swallowed.length} of ${failing.length} uploads whose client went away returned no error`,
    ),
  ];
}

const underTraffic: Scenario = {
  name: "the service runs under traffic",
  async run({ open, fileName }) {
    const session = await open(1, { blockStacks: true });
    const { service, client } = openService(session, fileName);
    const trafficEnds = 30 * MINUTE;
    const records = startUploadTraffic(
      service,
      {
        seed: 7,
        uploadsPerMinute: 30,
        largeShare: 0.5,
        failShare: 0.15,
        chunkedPerMinute: 6,
        abandonShare: 0.3,
        until: trafficEnds,
      },
      (body, name) => session.spawn(body, name),
    );
    await session.runUntil(trafficEnds + 2 * MINUTE);
    const tests = functionalChecks(session, records, client);

    // Abandoned chunked uploads: reclaimed within the idle timeout and a minute of slack. What the service keeps
    // then is its own few structures (a Go service's stop channel), less than one chunk.
    const abandoned = records.filter((record) => record.abandoned).length;
    await session.runUntil(trafficEnds + 12 * MINUTE);
    const kept = session.keptBytes;
    tests.push(
      check(
        "abandoned chunked uploads are reclaimed",
        abandoned > 0 && kept < CHUNK_BYTES,
        `the buffers of all ${abandoned} abandoned chunked uploads were released`,
        `${(kept / 1024).toFixed(0)} KiB of abandoned chunked uploads still held 12 minutes after the last chunk`,
      ),
    );

    service.close();
    await session.runUntil(trafficEnds + 14 * MINUTE);
    const verdict = verifyNone(session, "nothing leaks once traffic stops and the service closes");
    return { tests: [...tests, ...verdict.tests], ...(verdict.leaks ? { leaks: verdict.leaks } : {}) };
  },
};

const steadyTraffic: Scenario = {
  name: "the service runs for hours",
  async run({ open, fileName }) {
    const session = await open(2);
    const { service } = openService(session, fileName);
    startUploadTraffic(
      service,
      {
        seed: 11,
        uploadsPerMinute: 60,
        largeShare: 0.2,
        failShare: 0.05,
        chunkedPerMinute: 20,
        abandonShare: 0.07,
        until: Number.POSITIVE_INFINITY,
      },
      (body, name) => session.spawn(body, name),
    );
    const early = await averageLevel(session, 60 * MINUTE, 120 * MINUTE);
    const late = await averageLevel(session, 180 * MINUTE, 240 * MINUTE);
    return { tests: [flatness("handles and memory stay level for four hours", early, late, 4)] };
  },
};

export const uploadChecks: LessonChecks = {
  file: FILE,
  scenarios: [underTraffic, steadyTraffic],
};
