/**
 * The memory model against the real thing. Each request starts a reporter task that holds a real 64 KiB
 * ArrayBuffer and a modelled 64 KiB alloc(); the leaky version never lets it end, the fixed one does. The
 * real V8 heap (array buffers, weighed after full garbage collections) must trend the way the model does:
 * climbing in step for the leak, flat for the fix.
 */
import { describe, expect, it } from "vitest";
import { alloc, chan, go, time } from "./index.ts";
import { sampleEvery } from "./sample.ts";
import { startRuntime } from "./testRuntime.ts";

const BUFFER_BYTES = 64 * 1024;
const REQUESTS = 200;
const MiB = 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc;

function realBufferBytes(): number {
  if (!gc) throw new Error("run with --expose-gc (vite.config.ts passes it to Vitest's workers)");
  gc();
  gc();
  return process.memoryUsage().arrayBuffers;
}

async function serve(fixed: boolean): Promise<{ model: number[]; real: number[] }> {
  const runtime = startRuntime();
  const model: number[] = [];
  const real: number[] = [];
  const realBase = realBufferBytes();
  go(async () => {
    for (let request = 0; request < REQUESTS; request++) {
      const done = chan<void>();
      go(async () => {
        const buffer = new ArrayBuffer(BUFFER_BYTES);
        const modelled = alloc(BUFFER_BYTES, "progress buffer");
        await done.recv();
        modelled.release();
        return buffer.byteLength;
      });
      if (fixed) done.close();
      await time.sleep(1000);
    }
  });
  sampleEvery(runtime, 20_000, (sample) => {
    model.push(sample.memoryBytes);
    real.push(realBufferBytes() - realBase);
  });
  await runtime.run({ until: REQUESTS * 1000 });
  runtime.stop();
  return { model, real };
}

function growth(series: readonly number[]): number {
  return (series.at(-1) ?? 0) - (series[0] ?? 0);
}

function correlation(xs: readonly number[], ys: readonly number[]): number {
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const [mx, my] = [mean(xs), mean(ys)];
  let [sxy, sxx, syy] = [0, 0, 0];
  xs.forEach((x, i) => {
    const y = ys[i] ?? 0;
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

describe("the memory model", () => {
  it("climbs with the real heap when tasks leak their buffers", async () => {
    const { model, real } = await serve(false);
    expect(model).toHaveLength(REQUESTS / 20 + 1);
    // The model also charges 8 KiB of stack per leaked task; the real buffers are the 64 KiB.
    expect(growth(model)).toBe(REQUESTS * (BUFFER_BYTES + 8 * 1024));
    expect(growth(real) / growth(model)).toBeGreaterThan(0.8);
    expect(growth(real) / growth(model)).toBeLessThan(1.0);
    expect(correlation(model, real)).toBeGreaterThan(0.99);
  });

  it("stays flat with the real heap when every task ends", async () => {
    const { model, real } = await serve(true);
    expect(growth(model)).toBe(0);
    expect(Math.abs(growth(real))).toBeLessThan(MiB);
  });
});
