/**
 * `npm run bench [-- --json] [--node | --browser | --profile]`: how fast the runtime schedules, as ratios
 * against baselines measured in the same run (never part of `npm test`), then what the learner sees in Chromium
 * (browser/browserBench.ts): Run to first sample, and long tasks during a flat-out run. Each scheduler
 * contender runs the workload in workload.ts once to warm up, then ROUNDS times; the median counts. `--node`
 * skips the browser, `--browser` runs only it, and `--profile` traces the browser and attributes its time to
 * functions instead (browser/profileBrowser.ts). Without Chromium the browser part prints SKIPPED.
 */
import { spawnSync } from "node:child_process";
import { serviceCode } from "../../cli/replayCode.ts";
import { DEFAULT_REPLAY, replay } from "../../src/sim/replay.ts";
import { runBare } from "./bareScheduler.ts";
import { benchBrowser, printBrowser } from "./browser/browserBench.ts";
import { findChromium } from "./browser/chromium.ts";
import { profileBrowser } from "./browser/profileBrowser.ts";
import { runFakeTimers } from "./fakeTimers.ts";
import { benchGoCompile } from "./goCompile.ts";
import { runLeakLabRuntime } from "./leakLabRuntime.ts";
import type { benchServiceRun } from "./uploadTraffic.ts";
import { expectedEvents, PAIRS, VIRTUAL_MS } from "./workload.ts";

const ROUNDS = 5;

async function nsPerEvent(name: string, run: () => Promise<number>): Promise<number> {
  await run();
  const results: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    const events = await run();
    const elapsed = Number(process.hrtime.bigint() - start);
    if (events !== expectedEvents())
      throw new Error(`${name}: ${events} events, expected ${expectedEvents()}`);
    results.push(elapsed / events);
  }
  results.sort((a, b) => a - b);
  return results[Math.floor(ROUNDS / 2)] as number;
}

const json = process.argv.includes("--json");
const nodePart = !process.argv.includes("--browser");
const browserPart = !process.argv.includes("--node");

if (process.argv.includes("--profile")) {
  const found = findChromium();
  if ("missing" in found) {
    console.log(`*** SKIPPED browser profile: no Chromium at ${found.missing}. ***`);
  } else await profileBrowser(found.path);
  process.exit(0);
}

/** `npm run replay -- --minutes 60`, minus process start: three pods from their start to 04:00. */
async function replayWallMs(): Promise<number> {
  const start = performance.now();
  await replay({ ...DEFAULT_REPLAY, minutes: 60 }, serviceCode);
  return performance.now() - start;
}

/** uploadTraffic.ts's comparison, in a fresh process: the replay above leaves a heap that would tax it. */
function serviceRunAlone(): Awaited<ReturnType<typeof benchServiceRun>> {
  const child = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/uploadTraffic.ts"], {
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(`the service bench failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

async function benchNode() {
  const bare = await nsPerEvent("bare", runBare);
  const runtime = await nsPerEvent("runtime", runLeakLabRuntime);
  const fakeTimers = await nsPerEvent("fake-timers", runFakeTimers);
  await replayWallMs();
  const replay60 = Math.min(await replayWallMs(), await replayWallMs());
  const go = await benchGoCompile();
  const service = serviceRunAlone();
  return {
    workload: `${2 * PAIRS} tasks, ${VIRTUAL_MS} virtual ms, ${expectedEvents()} events`,
    runtime_ns_per_event: Math.round(runtime),
    bare_ns_per_event: Math.round(bare),
    fake_timers_ns_per_event: Math.round(fakeTimers),
    runtime_vs_bare: Number((runtime / bare).toFixed(2)),
    fake_timers_vs_runtime: Number((fakeTimers / runtime).toFixed(2)),
    replay_60min_wall_ms: Math.round(replay60),
    go_lines: go.lines,
    go_parse_ms: Number(go.parseMs.toFixed(1)),
    go_compile_ms: Number(go.compileMs.toFixed(1)),
    go_compile_vs_parse: Number((go.compileMs / go.parseMs).toFixed(1)),
    service_run: `lesson 4's upload service, ${service.uploads} uploads, ${service.events} events`,
    go_service_ns_per_event: Math.round(service.goNsPerEvent),
    ts_service_ns_per_event: Math.round(service.tsNsPerEvent),
    go_service_vs_ts: Number((service.goNsPerEvent / service.tsNsPerEvent).toFixed(2)),
  };
}

function printNode(result: Awaited<ReturnType<typeof benchNode>>): void {
  console.log(`workload: ${result.workload}`);
  console.log(`bare scheduler (floor)   ${result.bare_ns_per_event} ns/event`);
  console.log(
    `Leak Lab runtime         ${result.runtime_ns_per_event} ns/event  (${result.runtime_vs_bare}× bare; target ≤ 2×)`,
  );
  console.log(
    `@sinonjs/fake-timers     ${result.fake_timers_ns_per_event} ns/event  (${result.fake_timers_vs_runtime}× the runtime; target ≥ 5×)`,
  );
  console.log(`replay, 3 pods to 04:00  ${result.replay_60min_wall_ms} ms wall`);
  console.log(
    `Go, ${result.go_lines} lines      ${result.go_compile_ms} ms to parse, check and translate  (tree-sitter's parse alone ${result.go_parse_ms} ms, ${result.go_compile_vs_parse}×; budget ≤ 50 ms, in Node)`,
  );
  console.log(
    `${result.service_run}: storage.go ${result.go_service_ns_per_event} ns/event, storage.ts ${result.ts_service_ns_per_event} ns/event  (${result.go_service_vs_ts}×; budget ≤ 2×)`,
  );
}

const node = nodePart ? await benchNode() : undefined;
if (node && !json) printNode(node);
const browser = browserPart ? await benchBrowser() : undefined;
if (browser && !json) printBrowser(browser);
if (json) console.log(JSON.stringify({ ...node, ...(browser ? { browser } : {}) }));
