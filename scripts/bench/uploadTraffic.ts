/**
 * What a Go service's run costs against today's TypeScript port, under the same traffic (the issue's budget: at
 * most 2× per event): lesson 4's storage.go, compiled by Leak Lab, and storage.ts, each given the traffic of
 * uploadtraffic/main.go on the same runtime, flat out on the virtual clock. Events are the runtime's task
 * switches; the wall time per upload is the plainer figure, the traffic being the same. Run as a script, it
 * prints the comparison as JSON: `npm run bench` runs it in a process of its own, so that neither service
 * pays for the garbage of the benchmarks before it.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { modulePackages, nodeGoParser } from "../../cli/go.ts";
import { serviceCode } from "../../cli/replayCode.ts";
import { compileGo, runCompiled } from "../../src/go/program.ts";
import { alloc, type Bytes, context, time } from "../../src/runtime/index.ts";
import { activate, Runtime } from "../../src/runtime/runtime.ts";
import type { UploadServiceLike } from "../../src/sim/uploadTraffic.ts";

const GO_DRIVER = "scripts/bench/uploadtraffic/main.go";
// The traffic of uploadtraffic/main.go, which the TypeScript driver below repeats.
const UPLOADS = 1500;
const MiB = 1 << 20;
const START_EVERY_MS = 500;
const READ_EVERY_MS = 200;
const BLOB_WRITE_MS = 50;
const SETTLE_MS = 10_000;

export interface ServiceRun {
  readonly wallMs: number;
  readonly switches: number;
  /** Goroutines left at the end: the two drivers must agree, or they did not run the same traffic. */
  readonly goroutines: number;
}

export async function runGoService(): Promise<ServiceRun> {
  const parser = await nodeGoParser();
  const compiled = compileGo(parser, readFileSync(GO_DRIVER, "utf8"), {
    packages: modulePackages("scripts/bench/uploadtraffic"),
  });
  if (!compiled.ok) throw new Error(`the bench's Go does not build: ${compiled.errors[0]?.message}`);
  const runtime = new Runtime({ seed: 1 });
  const start = performance.now();
  const result = await runCompiled(compiled.js, { runtime });
  const wallMs = performance.now() - start;
  const goroutines = Number(/goroutines: (\d+)/.exec(result.stdout)?.[1]);
  return { wallMs, switches: runtime.switches, goroutines };
}

function body(size: number, failAfter: number | undefined): { read(): Promise<Bytes | undefined> } {
  let sent = 0;
  return {
    async read() {
      await time.sleep(READ_EVERY_MS);
      if (failAfter !== undefined && sent >= failAfter) throw new Error("unexpected EOF");
      if (sent >= size) return undefined;
      const chunk = Math.min(MiB, size - sent);
      sent += chunk;
      return alloc(chunk, "request chunk");
    },
  };
}

export async function runTypeScriptService(): Promise<ServiceRun> {
  const runtime = new Runtime({ seed: 1 });
  activate(runtime);
  const module = await serviceCode("upload", false).load();
  const Storage = module.StorageService as new (blobs: unknown, notifier: unknown) => UploadServiceLike;
  const blobs = { put: () => time.sleep(BLOB_WRITE_MS) };
  const notifier = { progress: () => {}, done: () => {} };
  let goroutines = 0;
  const start = performance.now();
  runtime.go(async () => {
    const svc = new Storage(blobs, notifier);
    const ctx = context.background();
    for (let i = 0; i < UPLOADS; i++) {
      let [size, failAfter] = [MiB, undefined as number | undefined];
      if (i % 3 === 0) size = 4 * MiB;
      if (i % 7 === 3) [size, failAfter] = [6 * MiB, 2 * MiB];
      runtime.go(() => svc.upload(ctx, `s${i}`, `k${i}`, size, body(size, failAfter)).catch(() => {}));
      await time.sleep(START_EVERY_MS);
    }
    await time.sleep(SETTLE_MS);
    goroutines = runtime.registry.counts.goroutines;
    runtime.stop();
  });
  await runtime.run();
  return { wallMs: performance.now() - start, switches: runtime.switches, goroutines };
}

const ROUNDS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Both services under the traffic, alternately, after runs of each to warm up: medians, in ns per event. */
export async function benchServiceRun(): Promise<{
  readonly uploads: number;
  readonly events: number;
  readonly goNsPerEvent: number;
  readonly tsNsPerEvent: number;
}> {
  // Four runs of each first: the compiler's code and the runtime's are then optimised for both, and the heap
  // has settled, so the rounds compare the services rather than the engine's warm-up.
  for (let warm = 0; warm < 4; warm++) {
    await runGoService();
    await runTypeScriptService();
  }
  const go: number[] = [];
  const ts: number[] = [];
  let events = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const [g, t] = [await runGoService(), await runTypeScriptService()];
    if (g.switches !== t.switches || g.goroutines !== t.goroutines)
      throw new Error(`the two drivers ran different traffic: ${JSON.stringify({ go: g, ts: t })}`);
    events = g.switches;
    go.push((g.wallMs * 1e6) / g.switches);
    ts.push((t.wallMs * 1e6) / t.switches);
  }
  return { uploads: UPLOADS, events, goNsPerEvent: median(go), tsNsPerEvent: median(ts) };
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  console.log(JSON.stringify(await benchServiceRun()));
}
