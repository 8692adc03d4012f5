/**
 * Go in the run worker. Budget: parse, check and translate a file of about 250 lines in at most 50 ms once the
 * grammar is loaded. Each round starts a fresh worker and builds the file WARM_BUILDS + 1 times, as an editor
 * rebuilding on each edit would: the first build also readies the toolchain (loads the grammar and warms the
 * compiler up on a program of its own, go/warmUp.ts), reported apart; each build is what the budget is about. Also what the first page fetches up to network idle (its scripts' bytes, and
 * any of Go's chunk or WebAssembly: none, the grammar being loaded lazily).
 */
import { readdirSync } from "node:fs";
import type { BrowserContext } from "@playwright/test";
import { goBenchSource } from "../goCompile.ts";

export interface GoBuildRounds {
  readonly lines: number;
  /** Readying the toolchain in a fresh worker (the grammar's WebAssembly, the compiler's warm-up), ms per round. */
  readonly toolchainMs: number[];
  /** A fresh worker's first build, once its toolchain is ready: the compiler's code not yet optimised, ms. */
  readonly coldBuildMs: number[];
  /** Later builds in the same worker, ms. */
  readonly buildMs: number[];
  /** Bytes of JavaScript the first page fetches (its own, its workers'), up to network idle. */
  readonly firstPageScriptBytes: number;
  /** What of Go (its chunk, the grammar's WebAssembly) the first page fetched: nothing, if lazy. */
  readonly firstPageGoFetches: string[];
}

const WARM_BUILDS = 5;

interface Built {
  readonly type: string;
  readonly errors?: readonly unknown[];
  readonly toolchainMs?: number;
  readonly buildMs?: number;
}

export async function measureGoBuild(
  context: BrowserContext,
  baseURL: string,
  outDir: string,
  rounds: number,
): Promise<GoBuildRounds> {
  const page = await context.newPage();
  const scripts: { url: string; bytes: Promise<number> }[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url()).pathname;
    if (/\.(js|wasm)$/.test(url)) scripts.push({ url, bytes: response.body().then((b) => b.length) });
  });
  await page.goto(baseURL);
  await page.waitForLoadState("networkidle");
  const fetched = [...scripts];
  const firstPageGoFetches = fetched.map((s) => s.url).filter((url) => /\.wasm$|\/goBuildJob-/.test(url));
  const sizes = await Promise.all(fetched.filter((s) => s.url.endsWith(".js")).map((s) => s.bytes));

  const sandbox = readdirSync(`${outDir}/assets`).find((file) => /^sandbox-[\w-]+\.js$/.test(file));
  if (!sandbox) throw new Error(`no run worker (assets/sandbox-*.js) in ${outDir}`);
  const source = goBenchSource();
  const toolchainMs: number[] = [];
  const coldBuildMs: number[] = [];
  const buildMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const builds = (await page.evaluate(
      `new Promise((resolve, reject) => {
        const worker = new Worker(${JSON.stringify(`/assets/${sandbox}`)}, { type: "module" });
        const results = [];
        const build = () =>
          worker.postMessage({ type: "goBuild", runId: results.length + 1, fileName: "main.go", source: ${JSON.stringify(source)} });
        worker.onmessage = ({ data }) => {
          if (data.type === "heartbeat") return;
          results.push(data);
          if (data.type !== "goBuilt" || results.length > ${WARM_BUILDS}) {
            worker.terminate();
            resolve(results);
          } else build();
        };
        worker.onerror = (event) => reject(new Error(event.message));
        build();
      })`,
    )) as Built[];
    if (
      builds.length !== WARM_BUILDS + 1 ||
      builds.some((b) => b.type !== "goBuilt" || b.errors?.length !== 0)
    )
      throw new Error(`the bench's Go did not build in the worker: ${JSON.stringify(builds.at(-1))}`);
    const [first, ...warm] = builds as [Built, ...Built[]];
    toolchainMs.push(first.toolchainMs as number);
    coldBuildMs.push(first.buildMs as number);
    buildMs.push(...warm.map((b) => b.buildMs as number));
  }
  await page.close();
  return {
    lines: source.split("\n").length,
    toolchainMs,
    coldBuildMs,
    buildMs,
    firstPageScriptBytes: sizes.reduce((a, b) => a + b, 0),
    firstPageGoFetches,
  };
}
