/**
 * Figure (b): the page's long tasks (over 50 ms, as Chromium's PerformanceObserver reports them) while the leaky
 * upload starter runs "as fast as possible" until the page shows at least LIVE_HANDLES live handles, with the
 * long animation frames of the same stretch, whose scripts say which callbacks the time went to.
 */
import type { BrowserContext, Page } from "@playwright/test";
import { openLesson, runButton, stop } from "./lessonPage.ts";

export const LIVE_HANDLES = 10_000;

export interface LongTask {
  readonly startTime: number;
  readonly duration: number;
  readonly name: string;
  readonly attribution: readonly Record<string, string>[];
}

export interface LongFrame {
  readonly startTime: number;
  readonly duration: number;
  readonly blockingDuration: number;
  readonly renderStart: number;
  readonly styleAndLayoutStart: number;
  readonly scripts: readonly {
    invoker: string;
    invokerType: string;
    sourceURL: string;
    sourceFunctionName: string;
    sourceCharPosition: number;
    duration: number;
    forcedStyleAndLayoutDuration: number;
  }[];
}

export interface FlatOutRun {
  /** Real ms from pressing Run to the page showing LIVE_HANDLES or more. */
  readonly wallMs: number;
  readonly handlesShown: number;
  readonly clockShown: string;
  /** Long tasks and long animation frames that started between the press and that moment, in page time. */
  readonly tasks: LongTask[];
  readonly frames: LongFrame[];
  readonly window: { readonly from: number; readonly to: number };
}

/** The handle count on screen, read over CDP (evaluate is not subject to the page's CSP; waitForFunction is). */
async function handlesShown(page: Page): Promise<number> {
  const text = (await page.getByTestId("handle-count").textContent()) ?? "0";
  return Number(text.replace(/,/g, ""));
}

/** Resolves once the page shows at least `count` live handles (a bench may poll; tests wait for states). */
async function untilHandles(page: Page, count: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while ((await handlesShown(page)) < count) {
    if (Date.now() > deadline) throw new Error(`no ${count} live handles within 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Presses Run flat out on an open lesson page and waits for LIVE_HANDLES; leaves the run going. */
export async function runFlatOutTo(page: Page, handles = LIVE_HANDLES): Promise<FlatOutRun> {
  await page.getByLabel("Speed").selectOption({ label: "as fast as possible" });
  await page.getByLabel("Run for").selectOption({ label: "24 hours" });
  const from = (await page.evaluate("performance.now()")) as number;
  await runButton(page).click();
  const reached = untilHandles(page, handles).then(() => "reached" as const);
  const finished = page
    .getByTestId("run-status")
    .filter({ hasText: "finished" })
    .waitFor({ timeout: 120_000 })
    .then(
      () => "finished" as const,
      () => "gone" as const, // the page closed after the handles were reached
    );
  const first = await Promise.race([reached, finished]);
  if (first !== "reached") throw new Error(`the run finished before showing ${handles} live handles`);
  const to = (await page.evaluate("performance.now()")) as number;
  const figures = (await page.evaluate(`({
    handles: document.querySelector('[data-testid="handle-count"]').textContent,
    clock: document.querySelector('[data-testid="sim-clock"]').textContent,
  })`)) as { handles: string; clock: string };
  const long = (await page.evaluate("window.__benchLong")) as { tasks: LongTask[]; frames: LongFrame[] };
  const inWindow = (entry: { startTime: number }) => entry.startTime >= from && entry.startTime <= to;
  return {
    wallMs: to - from,
    handlesShown: Number(figures.handles.replace(/,/g, "")),
    clockShown: figures.clock,
    tasks: long.tasks.filter(inWindow),
    frames: long.frames.filter(inWindow),
    window: { from, to },
  };
}

export async function measureLongTasks(context: BrowserContext, baseURL: string): Promise<FlatOutRun> {
  const page = await openLesson(context, baseURL);
  const result = await runFlatOutTo(page);
  await stop(page);
  await page.close();
  return result;
}
