/**
 * Figure (b): the page's long tasks (over 50 ms, as Chromium's PerformanceObserver reports them) while the leaky
 * upload starter runs "as fast as possible" for a whole virtual day: its handles climb to the pod's limit, the
 * pod is OOM-killed and restarted again and again (src/sim/livePod.ts), and the page draws all of it. With the
 * long animation frames of the same stretch, whose scripts say which callbacks the time went to.
 */
import type { BrowserContext, Page } from "@playwright/test";
import { openLesson, runButton } from "./lessonPage.ts";

/** The run's length, as the Run for menu names it. */
export const FLAT_OUT_FOR = "24 hours";

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
  /** Real ms from pressing Run to the run finished on screen. */
  readonly wallMs: number;
  /** The most live handles the page showed (polled every 100 ms, so a lower bound). */
  readonly peakHandles: number;
  readonly clockShown: string;
  /** OOM kills, as the run panel's notice counts its restarts. */
  readonly restarts: number;
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

/** Polls the handle count until the run is finished (a bench may poll; tests wait for states); the peak. */
async function peakUntilFinished(page: Page): Promise<number> {
  const deadline = Date.now() + 300_000;
  let peak = 0;
  while ((await page.getByTestId("run-status").textContent()) !== "finished") {
    if (Date.now() > deadline) throw new Error("the day-long run did not finish within 300 s");
    peak = Math.max(peak, await handlesShown(page));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return peak;
}

/** Presses Run flat out for FLAT_OUT_FOR on an open lesson page and waits for the run to finish. */
export async function runFlatOutDay(page: Page): Promise<FlatOutRun> {
  await page.getByLabel("Speed").selectOption({ label: "as fast as possible" });
  await page.getByLabel("Run for").selectOption({ label: FLAT_OUT_FOR });
  const from = (await page.evaluate("performance.now()")) as number;
  await runButton(page).click();
  const peakHandles = await peakUntilFinished(page);
  const to = (await page.evaluate("performance.now()")) as number;
  const figures = (await page.evaluate(`({
    clock: document.querySelector('[data-testid="sim-clock"]').textContent,
    notices: document.body.textContent,
  })`)) as { clock: string; notices: string };
  const long = (await page.evaluate("window.__benchLong")) as { tasks: LongTask[]; frames: LongFrame[] };
  const inWindow = (entry: { startTime: number }) => entry.startTime >= from && entry.startTime <= to;
  return {
    wallMs: to - from,
    peakHandles,
    clockShown: figures.clock,
    restarts: Number(/(\d+) restarts? so far/.exec(figures.notices)?.[1] ?? 0),
    tasks: long.tasks.filter(inWindow),
    frames: long.frames.filter(inWindow),
    window: { from, to },
  };
}

export async function measureLongTasks(context: BrowserContext, baseURL: string): Promise<FlatOutRun> {
  const page = await openLesson(context, baseURL);
  const result = await runFlatOutDay(page);
  await page.close();
  return result;
}
