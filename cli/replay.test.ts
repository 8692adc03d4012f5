/**
 * The incident replay against the report's evidence (E1–E5 of docs/evidence.md), on pod 1 of the default
 * leaky replay, and the fixed replay's flat lines.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { SERVICES } from "../src/sim/pod.ts";
import { DEFAULT_REPLAY, type ReplayResult, replay } from "../src/sim/replay.ts";
import { fittedGrowth, slope } from "../src/sim/trend.ts";
import { podRun } from "./formatReplay.ts";
import { serviceCode } from "./replayCode.ts";

function within(value: number, target: number, share: number): void {
  expect(Math.abs(value - target)).toBeLessThanOrEqual(target * share);
}

describe("the leaky replay, pod 1", () => {
  let result: ReplayResult;
  beforeAll(async () => {
    result = await replay({ ...DEFAULT_REPLAY, onlyPods: [1] }, serviceCode);
  }, 60_000);

  it("has 1,247 handles at 03:00, growing 43 a minute until its OOM kill (E1)", () => {
    const run = podRun(result, 1);
    expect(run[0]?.clock).toBe("03:00");
    within(run[0]?.handles ?? 0, 1247, 0.1);
    within(slope(run.map((sample) => [sample.minute, sample.handles] as const)), 43, 0.15);
  });

  it("grows about 5 MiB a minute (E2)", () => {
    const run = podRun(result, 1);
    within(slope(run.map((sample) => [sample.minute, sample.memoryMiB] as const)), 5, 0.25);
  });

  it("fires its alert, is OOM-killed with exit code 137 at the limit, and restarts with 412 handles (E3)", () => {
    const events = result.events.filter((event) => event.pod === 1);
    expect(events.map((event) => event.type)).toEqual(["AlertFired", "OOMKilled", "Restarted"]);
    const [alert, kill, restart] = events;
    expect(alert?.memoryMiB).toBeGreaterThan(0.9 * 2048);
    expect(kill?.exitCode).toBe(137);
    expect(kill?.memoryMiB).toBeGreaterThanOrEqual(2048);
    within(restart?.handles ?? 0, 412, 0.1);
    // And climbs again after the restart.
    const after = result.samples.filter(
      (sample) => sample.pod === 1 && sample.minute > (restart?.minute ?? 0),
    );
    expect(after.at(-1)?.handles ?? 0).toBeGreaterThan((restart?.handles ?? 0) + 200);
  });

  it("profiles Upload > WatchChanges > StartCleanup in the incident's proportions (E5)", () => {
    const holders = ["StorageService.upload", "SyncService.watchChanges", "RateLimiter.startCleanup"];
    const sizes = holders.map((fn) =>
      result.heapProfile.filter((entry) => entry.function === fn).reduce((sum, entry) => sum + entry.MiB, 0),
    );
    const ranked = result.heapProfile.map((entry) => entry.function).filter((fn) => holders.includes(fn));
    expect([...new Set(ranked)]).toEqual(holders);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    const report = [87.5, 42.3, 28.7];
    const reportTotal = report.reduce((sum, size) => sum + size, 0);
    sizes.forEach((size, index) => {
      within(size / total, (report[index] ?? 0) / reportTotal, 0.25);
    });
  });
  it("is what lesson 2's table of pod 1 against the report quotes (the lesson's figures are the replay's)", () => {
    const lesson = readFileSync("lessons/02-dashboards/lesson.mdx", "utf8");
    /** The replay column of the table row whose first cell starts with `label`. */
    const quoted = (label: string) =>
      lesson
        .split("\n")
        .find((line) => line.startsWith(`| ${label}`))
        ?.split("|")[3]
        ?.trim();
    const run = podRun(result, 1);
    const handlesAt = ["03:00", "03:15", "03:30", "03:45"].map((clock) =>
      (run.find((sample) => sample.clock === clock)?.handles ?? Number.NaN).toLocaleString("en-US"),
    );
    expect(quoted("goroutines at 03:00")).toBe(handlesAt.join(" · "));
    const [alert, kill, restart] = result.events.filter((event) => event.pod === 1);
    expect(quoted("alert")).toBe(alert?.clock);
    expect(quoted("OOM kill")).toBe(kill?.clock);
    expect(quoted("after the restart")).toBe(`${restart?.handles} handles, climbing again`);
  });
});

describe("the replay with all three services fixed", () => {
  it("stays flat for six hours: handles and memory grow less than 1%", async () => {
    const fixed = await replay(
      { ...DEFAULT_REPLAY, minutes: 360, fixed: new Set(SERVICES), onlyPods: [1] },
      serviceCode,
    );
    expect(fixed.events).toEqual([]);
    const run = fixed.samples.filter((sample) => sample.pod === 1);
    expect(run).toHaveLength(361);
    // By least squares over all six hours, and as the last hour's average against the first's: single
    // samples wobble by a few handles as requests and devices come and go.
    for (const key of ["handles", "memoryMiB"] as const) {
      expect(Math.abs(fittedGrowth(run.map((sample) => [sample.minute, sample[key]] as const)))).toBeLessThan(
        0.01,
      );
      const hour = (from: number) => {
        const samples = run.filter((sample) => sample.minute >= from && sample.minute < from + 60);
        return samples.reduce((sum, sample) => sum + sample[key], 0) / samples.length;
      };
      expect(Math.abs(hour(300) / hour(0) - 1)).toBeLessThan(0.01);
    }
  }, 60_000);
});

describe("npm run replay", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "cli/replay.ts", ...args], { encoding: "utf8" });

  it("prints one JSON object of the contract's shape with --json", () => {
    const { status, stdout } = run("--minutes", "10", "--json");
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as ReplayResult;
    expect(Object.keys(result).sort()).toEqual(["events", "heapProfile", "samples", "symptoms"]);
    // Three pods, a sample every minute from 03:00 to 03:10.
    expect(result.samples).toHaveLength(33);
    expect(result.samples[0]).toEqual({
      minute: 0,
      clock: "03:00",
      pod: 1,
      handles: expect.any(Number),
      memoryMiB: expect.any(Number),
    });
  }, 30_000);

  it("delivers a long --json whole down a pipe", () => {
    // Five and a half hours of three pods (about 70 KB) is over a pipe's 64 KiB buffer; exiting too early would
    // cut it off. The fixed services, which never reach an OOM kill, are the cheapest night to simulate.
    // Through the npm script and a reader that is slow to start, as in `npm run replay -- --json | jq`: the
    // pipe fills, and the rest of the output must wait for it rather than be dropped.
    const { status, stdout } = spawnSync(
      "bash",
      ["-c", "npm run -s replay -- --minutes 330 --fixed all --json | (sleep 1; cat)"],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
    );
    expect(status).toBe(0);
    expect(stdout.length).toBeGreaterThan(65_536);
    expect((JSON.parse(stdout) as ReplayResult).samples.at(-1)?.clock).toBe("08:30");
    // A budget for a busy machine: the night takes about 15 s on an idle one of two cores.
  }, 120_000);

  it("prints a readable table by default", () => {
    const { status, stdout } = run("--minutes", "10");
    expect(status).toBe(0);
    expect(stdout).toContain("clock    pod 1 handles   MiB");
    expect(stdout).toMatch(/^03:10 +[\d,]+ +\d+/m);
  }, 30_000);

  it("refuses an unknown option or service with the usage and exit code 2", () => {
    for (const args of [["--bogus"], ["--fixed", "payments"], ["--minutes", "-3"]]) {
      const { status, stderr } = run(...args);
      expect(status).toBe(2);
      expect(stderr).toMatch(/usage: npm run replay|no service "payments"/);
    }
  }, 30_000);
});
