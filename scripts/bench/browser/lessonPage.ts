/**
 * Opening the upload lesson the way a learner meets it: the page loaded, the editor showing the starter, the
 * standby run worker started and its code evaluated (it has set its message handler), and the page idle.
 * Every wait is for a state, never a fixed time.
 */
import type { BrowserContext, Page, Worker } from "@playwright/test";
import { PAGE_PROBES } from "./pageProbes.ts";

export const LESSON_PATH = "/lessons/upload";

async function workerReady(worker: Worker): Promise<boolean> {
  try {
    return (await worker.evaluate("self.onmessage !== null")) === true;
  } catch {
    return false; // terminated, or not started yet
  }
}

/** Resolves once some worker of the page has its message handler installed. */
async function standbyReady(page: Page, workers: readonly Worker[]): Promise<void> {
  for (;;) {
    for (const worker of workers) if (await workerReady(worker)) return;
    await page.waitForEvent("worker", { timeout: 200 }).catch(() => undefined);
  }
}

/** A new page on the upload lesson, ready for Run; probes (pageProbes.ts) installed before any app code. */
export async function openLesson(context: BrowserContext, baseURL: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript({ content: PAGE_PROBES });
  const workers: Worker[] = [];
  page.on("worker", (worker) => workers.push(worker));
  await page.goto(`${baseURL}${LESSON_PATH}`);
  await page.getByTestId("code-editor").getByText("leak-lab/runtime").first().waitFor();
  await page.getByTestId("run-status").filter({ hasText: "idle" }).waitFor();
  await standbyReady(page, workers);
  await page.evaluate("new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }))");
  return page;
}

export function runButton(page: Page) {
  return page.getByRole("button", { name: "Run", exact: true });
}

/** Presses Stop and waits for the run to be over. */
export async function stop(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await page.getByTestId("run-status").filter({ hasText: "finished" }).waitFor();
}
