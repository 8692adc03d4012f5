import { describe, expect, it } from "vitest";
import { alloc, chan, go, recv, select, time } from "./index.ts";
import { DEADLOCK_MESSAGE } from "./runtime.ts";
import { type Sample, sampleEvery, takeSample } from "./sample.ts";
import { startRuntime } from "./testRuntime.ts";

/** The line this function is called from, read off a plain Error's stack. */
function lineHere(): number {
  const frame = new Error().stack?.split("\n")[2] ?? "";
  return Number(/:(\d+):\d+\)?$/.exec(frame)?.[1]);
}

const STACK = 8192;
const TIMER = 208;

/**
 * Three workers that each, every 70 ms for 10 s, offer a select three ready channels; the seed decides which
 * wins: start a short-lived task holding a buffer, leak a task for good, or start a timer.
 */
function seededChurn(): void {
  for (let worker = 0; worker < 3; worker++) {
    go(async () => {
      while (time.now() < 10_000) {
        const options = [chan<string>(1), chan<string>(1), chan<string>(1)] as const;
        for (const option of options) await option.send("ready");
        await select([
          recv(options[0], () =>
            go(async () => {
              alloc(1000, "job");
              await time.sleep(250);
            }),
          ),
          recv(options[1], () =>
            go(async () => {
              await chan<number>().recv();
            }),
          ),
          recv(options[2], () => {
            time.after(500);
          }),
        ]);
        await time.sleep(70);
      }
    });
  }
}

async function churnSeries(seed: number): Promise<string> {
  const rt = startRuntime({ seed });
  const series: Sample[] = [];
  seededChurn();
  sampleEvery(rt, 100, (sample) => series.push(sample));
  expect(await rt.run({ until: 10_000 })).toEqual({ kind: "deadline", now: 10_000 });
  expect(series).toHaveLength(101);
  return JSON.stringify(series);
}

describe("takeSample", () => {
  it("counts live handles by kind and by the file:line of their creation, with modelled memory", async () => {
    const rt = startRuntime();
    const lines: Record<string, number> = {};
    function startWorkers(): void {
      for (let i = 0; i < 2; i++) {
        lines.workers = lineHere() + 1;
        go(async () => {
          alloc(1000, "request");
          await time.sleep(1000);
        });
      }
    }
    function startClock(): void {
      lines.clock = lineHere() + 1;
      go(async () => {
        lines.ticker = lineHere() + 1;
        time.newTicker(100);
        lines.timer = lineHere() + 1;
        time.newTimer(5000);
        await time.sleep(1000);
      });
    }
    function cacheResult(): void {
      const result = alloc(3000, "result");
      lines.kept = lineHere() + 1;
      result.keep();
    }
    startWorkers();
    startClock();
    go(() => cacheResult());
    await rt.run({ until: 500 });

    const site = (key: string, fn: string, counts: Partial<Sample>, bytes: number) => ({
      site: `sample.test.ts:${lines[key]}`,
      function: fn,
      goroutines: counts.goroutines ?? 0,
      timers: counts.timers ?? 0,
      tickers: counts.tickers ?? 0,
      bytes,
    });
    expect(takeSample(rt)).toEqual({
      t: 500,
      goroutines: 3,
      timers: 1,
      tickers: 1,
      handles: 5,
      memoryBytes: 3 * STACK + 2000 + 3000 + 2 * TIMER,
      bySite: [
        site("workers", "startWorkers", { goroutines: 2 }, 2 * STACK + 2000),
        site("clock", "startClock", { goroutines: 1 }, STACK),
        site("ticker", "(anonymous)", { tickers: 1 }, TIMER),
        site("timer", "(anonymous)", { timers: 1 }, TIMER),
        site("kept", "cacheResult", {}, 3000),
        // takeSample lists sites in the order of their `file:line` keys.
      ].sort((a, b) => a.site.localeCompare(b.site)),
    });
  });

  it("leaves internal tasks and what they hold out of every count", async () => {
    const rt = startRuntime();
    rt.go(
      async () => {
        alloc(5000, "traffic");
        await time.sleep(1000);
      },
      { internal: true },
    );
    await rt.run({ until: 100 });
    expect(takeSample(rt)).toEqual({
      t: 100,
      goroutines: 0,
      timers: 0,
      tickers: 0,
      handles: 0,
      memoryBytes: 0,
      bySite: [],
    });
    expect(rt.registry.internalCounts.goroutines).toBe(1);
  });

  it("counts a timer that was reset once, in its totals and in its site", async () => {
    const rt = startRuntime();
    go(async () => {
      const timer = time.newTimer(1000);
      timer.reset(2000);
      await time.sleep(1500);
    });
    await rt.run({ until: 100 });
    const sample = takeSample(rt);
    expect(sample.timers).toBe(1);
    expect(sample.bySite.map((stats) => stats.timers).reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe("sampleEvery", () => {
  it("samples at once and then every interval, without keeping a finished program alive", async () => {
    const rt = startRuntime();
    go(async () => {
      await time.sleep(250);
    });
    const samples: Sample[] = [];
    sampleEvery(rt, 100, (sample) => samples.push(sample));
    expect(await rt.run({ until: 10_000 })).toEqual({ kind: "exited", now: 250 });
    expect(samples.map((sample) => [sample.t, sample.goroutines])).toEqual([
      [0, 1],
      [100, 1],
      [200, 1],
    ]);
  });

  it("stops sampling when its stop function is called", async () => {
    const rt = startRuntime();
    go(async () => {
      await time.sleep(1000);
    });
    const times: number[] = [];
    const stop = sampleEvery(rt, 100, (sample) => {
      times.push(sample.t);
      if (sample.t === 200) stop();
    });
    await rt.run();
    expect(times).toEqual([0, 100, 200]);
  });

  it("lets a deadlock be reported while sampling", async () => {
    const rt = startRuntime();
    go(async () => {
      await chan<number>().recv();
    });
    const times: number[] = [];
    sampleEvery(rt, 100, (sample) => times.push(sample.t));
    expect(await rt.run({ until: 10_000 })).toEqual({ kind: "deadlock", now: 0, message: DEADLOCK_MESSAGE });
    expect(times).toEqual([0]);
  });

  it("refuses an interval that is not positive", () => {
    const rt = startRuntime();
    expect(() => sampleEvery(rt, 0, () => {})).toThrow(new RangeError("every() needs a positive interval"));
  });

  it("gives identical series for the same seed and a different series for another seed", async () => {
    const first = await churnSeries(1);
    const again = await churnSeries(1);
    const other = await churnSeries(2);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it("samples a churn that takes every branch: leaked tasks, live timers and job buffers", async () => {
    const series = JSON.parse(await churnSeries(1)) as Sample[];
    const buffers = (sample: Sample) =>
      sample.memoryBytes - STACK * sample.goroutines - TIMER * (sample.timers + sample.tickers);
    expect(series.map((sample) => sample.t)).toEqual(Array.from({ length: 101 }, (_, i) => i * 100));
    expect(series[100]?.goroutines).toBeGreaterThan(3);
    expect(series.some((sample) => sample.timers > 0)).toBe(true);
    expect(series.some((sample) => buffers(sample) > 0)).toBe(true);
    expect(series.every((sample) => buffers(sample) % 1000 === 0)).toBe(true);
  });
});
