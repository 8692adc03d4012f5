import { describe, expect, it } from "vitest";
import { MAX_LOG_TEXT } from "../runtime/clipText.ts";
import type { SiteSample } from "../runtime/sample.ts";
import { MAX_SITES_PER_SAMPLE, OTHER_SITES } from "./protocol/limits.ts";
import { logRow, siteCounts } from "./worker/liveRows.ts";

const FILE = "storage.ts";

const site = (site: string, fn: string, goroutines: number, timers = 0): SiteSample => ({
  site,
  function: fn,
  goroutines,
  timers,
  tickers: 0,
  bytes: 0,
});

describe("siteCounts", () => {
  it("names the learner's sites by function and line, and the simulation's as one row, largest first", () => {
    const rows = siteCounts(
      [
        site("storage.ts:59", "StorageService.upload", 40, 2),
        site("uploadTraffic.ts:139", "<anonymous>", 50),
        site("serveRequest.ts:20", "serve", 30),
        site("storage.ts:97", "StorageService.uploadChunk", 0),
      ],
      FILE,
    );
    expect(rows).toEqual([
      { site: "the simulated traffic", handles: 80 },
      { site: "StorageService.upload (storage.ts:59)", handles: 42 },
    ]);
  });

  it("keeps the largest sites and sums the rest as other sites", () => {
    const many = Array.from({ length: MAX_SITES_PER_SAMPLE + 3 }, (_, i) =>
      site(`storage.ts:${i + 1}`, `f${i + 1}`, 100 - i),
    );
    const rows = siteCounts(many, FILE);
    expect(rows).toHaveLength(MAX_SITES_PER_SAMPLE);
    expect(rows.at(-1)).toEqual({ site: OTHER_SITES, handles: 93 + 92 + 91 + 90 });
  });
});

describe("logRow", () => {
  it("writes fields as text and clips what the learner logged", () => {
    const row = logRow({
      t: 1000,
      level: "warn",
      message: "x".repeat(5000),
      fields: { session: "u12", bytes: 1048576 },
      task: 3,
    });
    expect(row.fields).toBe("session=u12 bytes=1048576");
    expect(row.message.startsWith("x".repeat(MAX_LOG_TEXT))).toBe(true);
    expect(row.message.length).toBeLessThan(MAX_LOG_TEXT + 40);
  });
});
