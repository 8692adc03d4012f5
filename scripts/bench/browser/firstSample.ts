/**
 * Figure (a): from pressing Run to the first sample on screen, on the upload lesson at its default settings.
 * Two cases per round, on a fresh page each round: the learner's first Run on a lesson that has loaded (its
 * standby worker ready), and a second Run pressed right after Stop (on the worker started by the first Run).
 */
import type { BrowserContext, Page } from "@playwright/test";
import { openLesson, runButton, stop } from "./lessonPage.ts";
import { ARM_FIRST_SAMPLE } from "./pageProbes.ts";

export interface FirstSampleTiming {
  /** Press to the first sample's figures in the DOM, ms. */
  readonly toDomMs: number;
  /** Press to the end of the frame that painted them, ms: "on screen". */
  readonly toPaintMs: number;
  /** Press to the end of the click's own handlers (the page's share before the worker answers), ms. */
  readonly clickHandlersMs: number;
  /** The figures the first sample showed. */
  readonly shown: { clock: string; handles: string; memory: string };
}

interface ProbeState {
  clickAt: number | null;
  handlerDoneAt: number | null;
  domAt: number | null;
  paintAt: number | null;
  shown: FirstSampleTiming["shown"] | null;
}

/** Arms the probe, presses Run, and waits for the first sample to be painted. */
export async function timeRun(page: Page): Promise<FirstSampleTiming> {
  await page.evaluate(ARM_FIRST_SAMPLE);
  await runButton(page).click();
  await page.locator("html[data-bench-painted]").waitFor({ state: "attached" });
  const state = (await page.evaluate("window.__benchFirstSample")) as ProbeState;
  const { clickAt, handlerDoneAt, domAt, paintAt, shown } = state;
  if (clickAt === null || handlerDoneAt === null || domAt === null || paintAt === null || shown === null)
    throw new Error(`first-sample probe incomplete: ${JSON.stringify(state)}`);
  return {
    toDomMs: domAt - clickAt,
    toPaintMs: paintAt - clickAt,
    clickHandlersMs: handlerDoneAt - clickAt,
    shown,
  };
}

export interface FirstSampleRounds {
  readonly fresh: FirstSampleTiming[];
  readonly afterStop: FirstSampleTiming[];
}

export async function measureFirstSample(
  context: BrowserContext,
  baseURL: string,
  rounds: number,
): Promise<FirstSampleRounds> {
  const fresh: FirstSampleTiming[] = [];
  const afterStop: FirstSampleTiming[] = [];
  for (let round = 0; round < rounds; round++) {
    const page = await openLesson(context, baseURL);
    fresh.push(await timeRun(page));
    await stop(page);
    afterStop.push(await timeRun(page));
    await stop(page);
    await page.close();
  }
  return { fresh, afterStop };
}
