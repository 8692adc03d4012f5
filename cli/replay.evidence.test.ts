/**
 * The on-call engineer's evidence taken from the replayed pod 1 at its alert (src/sim/evidence.ts), against the
 * report's exhibits: the heap profile (E5), the goroutine dump (E6) and the upload logs (E7). Lesson 3 shows
 * this evidence beside the report's.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { HEAP_PROFILE_MB } from "../src/lessons/incidentEvidence.ts";
import type { PodEvidence } from "../src/sim/evidence.ts";
import { DEFAULT_REPLAY, formatClock, replay } from "../src/sim/replay.ts";
import { serviceCode } from "./replayCode.ts";

const share = (figures: readonly number[]) => {
  const total = figures.reduce((sum, figure) => sum + figure, 0);
  return figures.map((figure) => figure / total);
};

describe("the evidence taken from the leaky replay's pod 1", () => {
  let evidence: PodEvidence;
  let samples: number;
  beforeAll(async () => {
    const result = await replay({ ...DEFAULT_REPLAY, minutes: 90, evidence: true }, serviceCode);
    if (!result.evidence) throw new Error("pod 1 did not alert");
    evidence = result.evidence;
    samples = result.samples.filter((sample) => sample.pod !== 1).length;
  }, 60_000);

  it("is taken when pod 1's alert fires, near the report's 03:42, and the replay stops there", () => {
    const at = formatClock(evidence.at);
    expect(at >= "03:40" && at <= "03:50", at).toBe(true);
    expect(samples).toBe(0);
  });

  it("profiles the three services' go lines in the report's order and shares (E5)", () => {
    expect(evidence.heapProfile.map((entry) => entry.function)).toEqual([
      "StorageService.upload",
      "SyncService.watchChanges",
      "RateLimiter.startCleanup",
    ]);
    expect(evidence.heapProfile.map((entry) => entry.site.split(":")[0])).toEqual([
      "storage.ts",
      "sync.ts",
      "ratelimit.ts",
    ]);
    const replayed = share(evidence.heapProfile.map((entry) => entry.MiB));
    share(HEAP_PROFILE_MB).forEach((reported, i) => {
      expect(Math.abs((replayed[i] ?? 0) - reported)).toBeLessThan(0.03);
    });
  });

  it("dumps goroutines blocked in chan receive by uploads and in select by sync watchers (E6)", () => {
    const [upload, sync] = evidence.goroutines.groups;
    expect(upload?.text).toMatch(
      /^goroutine \d+ \[chan receive, \d+ minutes\]:\nStorageService\.upload\.func1\(\)/,
    );
    expect(upload?.text).toMatch(/created by StorageService\.upload in goroutine \d+\n\tstorage\.ts:\d+$/);
    expect(sync?.text).toMatch(
      /^goroutine \d+ \[select(, \d+ minutes)?\]:\nSyncService\.watchChanges\.func1\(\)/,
    );
    // Thousands of goroutines, as in the report (3,201 at 03:45), most of them the services' leaks.
    expect(evidence.goroutines.total).toBeGreaterThan(2500);
    expect(upload?.count).toBeGreaterThan(1000);
    expect(evidence.goroutines.server).toBeLessThan(evidence.goroutines.total / 4);
  });

  it("logs an upload's progress after its Upload complete, in the report's format (E7)", () => {
    const complete = evidence.logs.findIndex((line) => line.includes("INFO  Upload complete session="));
    expect(complete).toBeGreaterThanOrEqual(0);
    const session = /session=(\S+)/.exec(evidence.logs[complete] ?? "")?.[1];
    const after = evidence.logs.slice(complete + 1);
    expect(after.length).toBeGreaterThan(0);
    for (const line of after) {
      expect(line).toMatch(/^2024-01-15T03:\d\d:\d\dZ INFO {2}Upload progress session=\S+ bytes=\d+$/);
      expect(line).toContain(`session=${session} `);
    }
  });
});

it("takes no evidence from the fixed services: pod 1 never alerts", async () => {
  const fixed = new Set(["upload", "sync", "ratelimit"] as const);
  const result = await replay({ ...DEFAULT_REPLAY, minutes: 90, fixed, evidence: true }, serviceCode);
  expect(result.evidence).toBeUndefined();
  expect(result.events).toEqual([]);
}, 60_000);
