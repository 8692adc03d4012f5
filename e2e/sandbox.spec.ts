/**
 * The run sandbox holds: learner code cannot reach the network, storage, the page or the run's own messaging,
 * and a loop that never waits is stopped by the watchdog while the page stays responsive and the code stays.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

interface ClipboardWindow {
  navigator: { clipboard: { writeText(text: string): Promise<void> } };
}

/** What the page's code below uses of the DOM (this file type-checks in Node). */
interface TimingWindow {
  document: {
    body: unknown;
    addEventListener(type: "click", listener: (event: { target: unknown }) => void, capture: boolean): void;
    querySelector(selector: string): { textContent: string | null } | null;
  };
  MutationObserver: new (
    callback: () => void,
  ) => { observe(target: unknown, options: Readonly<Record<string, boolean>>): void };
  performance: { now(): number };
  watchdogTiming?: { clicked: number; stopped: number };
}

/**
 * Times, in the page, the click on Run and the moment the watchdog's message is on screen: what the learner
 * waits, without the test's own polling of the page or its round trips to a busy browser.
 */
async function timeTheWatchdog(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const { document, MutationObserver, performance } = globalThis as unknown as TimingWindow;
    const timing = { clicked: 0, stopped: 0 };
    (globalThis as unknown as TimingWindow).watchdogTiming = timing;
    document.addEventListener(
      "click",
      ({ target }) => {
        if ((target as { textContent?: string }).textContent === "Run") timing.clicked = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      const error = document.querySelector(".run-error")?.textContent ?? "";
      if (timing.stopped === 0 && error.includes("without waiting on anything"))
        timing.stopped = performance.now();
    }).observe(document.body, { childList: true, characterData: true, subtree: true });
  });
  return () =>
    page.evaluate(() => {
      const timing = (globalThis as unknown as TimingWindow).watchdogTiming;
      return timing ? timing.stopped - timing.clicked : Number.NaN;
    });
}

/** Puts `prelude` at the top of the upload starter's body (line 2) and runs it. */
async function runWithPrelude(
  page: Page,
  prelude: string,
  beforeRun: () => Promise<unknown> = async () => {},
): Promise<void> {
  await page.goto("/lessons/upload");
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
  await page.evaluate(
    (value) => (globalThis as unknown as ClipboardWindow).navigator.clipboard.writeText(value),
    `// probe\n${prelude}\nexport class StorageService {}\n`,
  );
  await page.getByRole("textbox", { name: "Code editor" }).focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  await expect(page.getByTestId("code-editor")).toContainText("// probe");
  await beforeRun();
  await page.getByRole("button", { name: "Run", exact: true }).click();
}

const attempts = [
  { name: "the network", code: "fetch('http://127.0.0.1:9/steal');", error: /fetch is not a function/ },
  { name: "XMLHttpRequest", code: "new XMLHttpRequest();", error: /XMLHttpRequest is not a constructor/ },
  {
    name: "the network through the prototype",
    code: "Object.getPrototypeOf(self).fetch('http://127.0.0.1:9/');",
    error: /is not a function/,
  },
  {
    name: "localStorage",
    code: "localStorage.setItem('progress', 'forged');",
    error: /localStorage is not defined/,
  },
  { name: "IndexedDB", code: "indexedDB.open('leak-lab');", error: /Cannot read properties of undefined/ },
  { name: "the page's DOM", code: "document.body.innerHTML = 'owned';", error: /document is not defined/ },
  {
    name: "the run's messaging, to forge results",
    code: "postMessage({ type: 'state', runId: 1, state: 'finished' });",
    error: /postMessage is not a function/,
  },
  { name: "new workers", code: "new Worker('x.js');", error: /Worker is not a constructor/ },
];

test.describe("the run sandbox", () => {
  for (const attempt of attempts) {
    test(`keeps learner code from ${attempt.name}, with an error at its line`, async ({ page }) => {
      await runWithPrelude(page, attempt.code);
      const error = page.locator(".run-error");
      await expect(error).toContainText(attempt.error);
      await expect(error).toContainText("storage.ts:2");
      // And in the editor, at that line, like a compiler's error.
      await expect(page.locator(".code-editor .squiggly-error")).toHaveCount(1);
      // Had the DOM probe reached the page, the body (heading and all) would be gone.
      await expect(page.getByRole("heading", { level: 1, name: "Fix the upload leak" })).toBeVisible();
    });
  }

  test("stops a loop that never waits within 3 seconds, keeping the page responsive and the code", async ({
    page,
  }) => {
    let stoppedAfter = async () => Number.NaN;
    await runWithPrelude(page, "while (true) {}", async () => {
      stoppedAfter = await timeTheWatchdog(page);
    });
    await expect(page.locator(".run-error")).toContainText("without waiting on anything");
    expect(await stoppedAfter()).toBeLessThan(4500);
    await expect(page.getByTestId("run-status")).toHaveText("finished");
    await expect(page.getByTestId("code-editor")).toContainText("while (true) {}");
    // The page still answers: typing goes into the editor.
    await page.getByRole("textbox", { name: "Code editor" }).focus();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type("// still here");
    await expect(page.getByTestId("code-editor")).toContainText("// still here");
  });
});
