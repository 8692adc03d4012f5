import { describe, expect, it } from "vitest";
import type { SiteStats } from "../handles.ts";
import type { Site } from "../stack.ts";
import { formatHeapProfile, heapProfile } from "./heapProfile.ts";

const MiB = 1024 * 1024;

function stats(fn: string, key: string, bytes: number, goroutines = 0): SiteStats {
  const [file = "", line = "0"] = key.split(":");
  const site: Site = { fn, file, line: Number(line), key };
  return { site, goroutines, timers: 0, tickers: 0, bytes };
}

describe("heapProfile", () => {
  it("lists sites by the bytes they hold, largest first", () => {
    const profile = heapProfile([
      stats("Poller.start", "poller.ts:12", 2 * 8192, 2),
      stats("StorageService.upload", "storage.ts:67", 812 * MiB, 1000),
      stats("Cache.put", "cache.ts:30", 5 * MiB),
    ]);
    expect(profile).toEqual([
      { function: "StorageService.upload", site: "storage.ts:67", bytes: 812 * MiB },
      { function: "Cache.put", site: "cache.ts:30", bytes: 5 * MiB },
      { function: "Poller.start", site: "poller.ts:12", bytes: 16_384 },
    ]);
  });

  it("orders sites holding the same bytes by site and leaves out sites holding none", () => {
    const profile = heapProfile([
      stats("b", "b.ts:1", 100),
      stats("empty", "empty.ts:1", 0),
      stats("a", "a.ts:9", 100),
    ]);
    expect(profile.map((entry) => entry.site)).toEqual(["a.ts:9", "b.ts:1"]);
  });
});

describe("formatHeapProfile", () => {
  it("prints each entry as a right-aligned size in MiB, the function and its site", () => {
    const text = formatHeapProfile([
      { function: "StorageService.upload", site: "storage.ts:67", bytes: 812.25 * MiB },
      { function: "Cache.put", site: "cache.ts:30", bytes: 5 * MiB },
      { function: "Poller.start", site: "poller.ts:12", bytes: 16_384 },
    ]);
    expect(text).toBe(
      [
        "   812.3MB  StorageService.upload",
        "            at storage.ts:67",
        "",
        "     5.0MB  Cache.put",
        "            at cache.ts:30",
        "",
        "     0.0MB  Poller.start",
        "            at poller.ts:12",
      ].join("\n"),
    );
  });

  it("is empty for an empty profile", () => {
    expect(formatHeapProfile([])).toBe("");
  });
});
