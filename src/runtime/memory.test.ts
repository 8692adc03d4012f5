import { describe, expect, it } from "vitest";
import { alloc, type Bytes, go, time } from "./index.ts";
import { startRuntime } from "./testRuntime.ts";
import { heapProfile } from "./views/heapProfile.ts";

/** The line this function is called from, read off a plain Error's stack. */
function lineHere(): number {
  const frame = new Error().stack?.split("\n")[2] ?? "";
  return Number(/:(\d+):\d+\)?$/.exec(frame)?.[1]);
}

const STACK = 8192;

describe("alloc", () => {
  it("counts bytes allocated in a task against it until the task ends", async () => {
    const rt = startRuntime();
    let buffer: Bytes | undefined;
    go(async () => {
      buffer = alloc(4096, "chunk");
      await time.sleep(100);
    });
    await rt.run({ until: 50 });
    expect(rt.registry.bytes).toBe(STACK + 4096);
    expect(buffer?.live).toBe(true);
    expect(await rt.run()).toEqual({ kind: "exited", now: 100 });
    expect(rt.registry.bytes).toBe(0);
    expect(buffer?.live).toBe(false);
  });

  it("frees the bytes at once on release()", async () => {
    const rt = startRuntime();
    let afterRelease = -1;
    go(async () => {
      const buffer = alloc(4096);
      await time.sleep(10);
      buffer.release();
      afterRelease = rt.registry.bytes;
      expect(buffer.live).toBe(false);
      await time.sleep(10);
    });
    await rt.run();
    expect(afterRelease).toBe(STACK);
    expect(rt.registry.bytes).toBe(0);
  });

  it("ignores a second release()", async () => {
    const rt = startRuntime();
    const seen: number[] = [];
    go(async () => {
      const buffer = alloc(1000);
      buffer.release();
      buffer.release();
      seen.push(rt.registry.bytes);
      const kept = alloc(500).keep();
      kept.release();
      kept.release();
      seen.push(rt.registry.bytes);
    });
    await rt.run();
    expect(seen).toEqual([STACK, STACK]);
    expect(rt.registry.bytes).toBe(0);
  });

  it("makes kept bytes outlive their task, counted at the keep() call until released", async () => {
    const rt = startRuntime();
    let buffer: Bytes | undefined;
    let keptAt = 0;
    function rememberUpload(): void {
      const upload = alloc(1_000_000, "upload");
      keptAt = lineHere() + 1;
      buffer = upload.keep();
    }
    go(() => {
      rememberUpload();
    });
    await rt.run();
    expect(buffer?.live).toBe(true);
    expect(rt.registry.bytes).toBe(1_000_000);
    expect(rt.registry.bySite()).toEqual([
      {
        site: { fn: "rememberUpload", file: "memory.test.ts", line: keptAt, key: `memory.test.ts:${keptAt}` },
        goroutines: 0,
        timers: 0,
        tickers: 0,
        bytes: 1_000_000,
      },
    ]);
    buffer?.release();
    expect(buffer?.live).toBe(false);
    expect(rt.registry.bytes).toBe(0);
    expect(rt.registry.bySite()).toEqual([]);
  });

  it("moves kept bytes off the task at once, and keeping twice counts them once", async () => {
    const rt = startRuntime();
    let inTask = -1;
    go(() => {
      const buffer = alloc(2000);
      buffer.keep();
      buffer.keep();
      inTask = rt.registry.bytes;
    });
    await rt.run();
    expect(inTask).toBe(STACK + 2000);
    expect(rt.registry.bytes).toBe(2000);
  });

  it("keeps bytes allocated outside any task at the alloc() call until released", () => {
    const rt = startRuntime();
    const line = lineHere() + 1;
    const cache = alloc(300, "cache");
    expect(cache.live).toBe(true);
    expect(rt.registry.bytes).toBe(300);
    expect(rt.registry.bySite().map((stats) => [stats.site.key, stats.bytes])).toEqual([
      [`memory.test.ts:${line}`, 300],
    ]);
    cache.release();
    expect(rt.registry.bytes).toBe(0);
  });

  it("rounds sizes down and keeps the label", () => {
    startRuntime();
    const buffer = alloc(10.9, "part");
    expect(buffer.size).toBe(10);
    expect(buffer.label).toBe("part");
    buffer.release();
  });

  it("refuses negative and non-finite sizes", () => {
    startRuntime();
    expect(() => alloc(-1)).toThrow(new RangeError("alloc: invalid size -1"));
    expect(() => alloc(Number.NaN)).toThrow("alloc: invalid size NaN");
    expect(() => alloc(Number.POSITIVE_INFINITY)).toThrow("alloc: invalid size Infinity");
  });

  it("feeds a heap profile that lists sites by the bytes they hold, largest first", async () => {
    const rt = startRuntime();
    const lines: Record<string, number> = {};
    function startUpload(): void {
      lines.upload = lineHere() + 1;
      go(async () => {
        alloc(100_000, "chunk");
        await time.sleep(1000);
      });
    }
    function startPollers(): void {
      for (let i = 0; i < 2; i++) {
        lines.poll = lineHere() + 1;
        go(() => time.sleep(1000));
      }
    }
    function cacheThumbnail(): void {
      lines.cache = lineHere() + 1;
      alloc(50_000, "thumbnail").keep();
    }
    startUpload();
    startPollers();
    go(() => {
      cacheThumbnail();
    });
    await rt.run({ until: 10 });
    expect(heapProfile(rt.registry.bySite())).toEqual([
      { function: "startUpload", site: `memory.test.ts:${lines.upload}`, bytes: STACK + 100_000 },
      { function: "cacheThumbnail", site: `memory.test.ts:${lines.cache}`, bytes: 50_000 },
      { function: "startPollers", site: `memory.test.ts:${lines.poll}`, bytes: 2 * STACK },
    ]);
  });
});
