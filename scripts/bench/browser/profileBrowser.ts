/**
 * `npm run bench -- --profile`: not a figure but an explanation. Traces Chromium (devtools timeline and the V8
 * CPU profiler, every thread) on an unminified build and attributes (a) the time from Run to the first sample,
 * on the page's main thread and in the run's worker, and (b) the page's long tasks during the flat-out run, to
 * functions and source lines (through the build's source maps). Tracing slows everything a little; read the
 * shares and the functions, and take the figures from the plain bench.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { guardedContext, launchChromium } from "./chromium.ts";
import { timeRun } from "./firstSample.ts";
import { openLesson, stop } from "./lessonPage.ts";
import { runFlatOutDay } from "./longTasks.ts";
import { buildAndServe } from "./serveBuild.ts";
import { SourceMapper } from "./sourceMaps.ts";
import { type Attribution, attribute, breakdown, Trace, type TraceThread } from "./traceProfile.ts";

const CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-v8.cpu_profiler",
  "v8.execute",
  "v8",
  "blink.user_timing",
];
const FIRST_SAMPLE_ROUNDS = 3;

/** Where the traces are kept, to open in DevTools' Performance panel. */
const TRACE_DIR = "node_modules/.cache/leak-lab-bench/traces";

async function traced<T>(
  browser: Browser,
  page: Page,
  name: string,
  body: () => Promise<T>,
): Promise<[T, Trace]> {
  await browser.startTracing(page, { categories: CATEGORIES });
  const result = await body();
  const json = (await browser.stopTracing()).toString("utf8");
  mkdirSync(TRACE_DIR, { recursive: true });
  writeFileSync(`${TRACE_DIR}/${name}.json`, json);
  return [result, new Trace(json)];
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);

function printAttribution(title: string, attribution: Attribution, rounds = 1): void {
  console.log(`  ${title}: ${ms(attribution.busyMs / rounds)} of sampled JavaScript and VM work`);
  console.log("    by total time (the function and everything it called):");
  for (const row of attribution.total) console.log(`    ${ms(row.ms / rounds)}  ${row.label}`);
  console.log("    by self time:");
  for (const row of attribution.self) console.log(`    ${ms(row.ms / rounds)}  ${row.label}`);
}

function printTasks(thread: TraceThread, from: number, to: number): void {
  const tasks = thread.tasks.filter((task) => task.ts + task.dur > from && task.ts < to && task.dur >= 1000);
  const rows = tasks.map(
    (task) => `+${((task.ts - from) / 1000).toFixed(0)}:${(task.dur / 1000).toFixed(0)}`,
  );
  console.log(`  ${thread.name} tasks ≥ 1 ms (start after the press : ms): ${rows.join("  ") || "none"}`);
}

/** Sums attributions of several rounds (same labels add up). */
function merge(parts: readonly Attribution[], limit = 14): Attribution {
  const add = (rows: Attribution["self"][]) => {
    const sums = new Map<string, number>();
    for (const list of rows) for (const row of list) sums.set(row.label, (sums.get(row.label) ?? 0) + row.ms);
    return [...sums]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([label, value]) => ({ label, ms: value }));
  };
  return {
    busyMs: parts.reduce((sum, part) => sum + part.busyMs, 0),
    self: add(parts.map((part) => part.self)),
    total: add(parts.map((part) => part.total)),
  };
}

/** The page's renderer main thread (where the marks are) and the busiest worker thread in the window. */
function threadsOf(trace: Trace, from: number, to: number): { main: TraceThread; worker?: TraceThread } {
  const main = trace.named("CrRendererMain").find((thread) => thread.samples.length > 0);
  if (!main) throw new Error("trace has no sampled renderer main thread");
  const busyIn = (thread: TraceThread) =>
    thread.samples.filter((sample) => sample.ts >= from && sample.ts < to).length;
  const worker = trace
    .named("DedicatedWorker thread")
    .filter((thread) => thread.key.startsWith(`${main.key.split(":")[0]}:`))
    .sort((a, b) => busyIn(b) - busyIn(a))[0];
  return worker ? { main, worker } : { main };
}

export async function profileBrowser(executablePath: string): Promise<void> {
  const served = await buildAndServe({ minify: false });
  const mapper = new SourceMapper(served.outDir);
  const browser = await launchChromium(executablePath);
  try {
    const { context } = await guardedContext(browser);

    console.log(`(a) Run to first sample, traced, ${FIRST_SAMPLE_ROUNDS} fresh lessons (figures are means)`);
    const mains: Attribution[] = [];
    const workers: Attribution[] = [];
    for (let round = 0; round < FIRST_SAMPLE_ROUNDS; round++) {
      const page = await openLesson(context, served.baseURL);
      const [timing, trace] = await traced(browser, page, `first-sample-${round + 1}`, () => timeRun(page));
      const from = trace.mark("bench:run-pressed");
      const to = trace.mark("bench:sample-painted");
      const { main, worker } = threadsOf(trace, from, to);
      console.log(
        ` round ${round + 1}: ${timing.toPaintMs.toFixed(0)} ms to paint (${timing.toDomMs.toFixed(0)} ms to the DOM, click handlers ${timing.clickHandlersMs.toFixed(0)} ms)`,
      );
      printTasks(main, from, to);
      if (worker) printTasks(worker, from, to);
      mains.push(attribute(main, from, to, mapper, 40));
      if (worker) workers.push(attribute(worker, from, to, mapper, 40));
      await stop(page);
      await page.close();
    }
    printAttribution("page main thread, press → paint", merge(mains), FIRST_SAMPLE_ROUNDS);
    printAttribution("run worker, press → paint", merge(workers), FIRST_SAMPLE_ROUNDS);

    console.log("\n(b) Long tasks on the page's main thread during the flat-out run, traced");
    const page = await openLesson(context, served.baseURL);
    const [flat, trace] = await traced(browser, page, "flat-out", () => runFlatOutDay(page));
    await page.close();
    const main = trace.named("CrRendererMain").find((thread) => thread.samples.length > 0);
    if (!main) throw new Error("trace has no sampled renderer main thread");
    const first = main.tasks.find((task) => task.dur > 0)?.ts ?? 0;
    const long = main.tasks.filter((task) => task.dur > 50_000);
    console.log(
      ` ${flat.restarts} OOM kills, peak ${flat.peakHandles.toLocaleString("en-US")} handles, ${flat.clockShown} after ${(flat.wallMs / 1000).toFixed(1)} s; ${long.length} main-thread tasks over 50 ms in the trace (the page's PerformanceObserver saw ${flat.tasks.length})`,
    );
    const parts: Attribution[] = [];
    for (const task of long) {
      const kinds = Object.entries(breakdown(main, task.ts, task.ts + task.dur))
        .filter(([, value]) => value >= 1)
        .map(([kind, value]) => `${kind} ${value.toFixed(0)} ms`);
      const attribution = attribute(main, task.ts, task.ts + task.dur, mapper, 40);
      parts.push(attribution);
      console.log(
        `  task at +${((task.ts - first) / 1000).toFixed(0)} ms: ${(task.dur / 1000).toFixed(0)} ms; ${kinds.join(", ") || "no style/layout/paint/GC over 1 ms"}`,
      );
      console.log(
        `    top: ${attribution.total
          .slice(0, 6)
          .map((row) => `${row.label} ${row.ms.toFixed(0)}`)
          .join(" | ")}`,
      );
    }
    if (parts.length > 0) printAttribution(`all ${long.length} long tasks together`, merge(parts, 24));
    console.log(`\ntraces (open in DevTools' Performance panel): ${TRACE_DIR}/`);
    await context.close();
  } finally {
    await browser.close();
    await served.close();
  }
}
