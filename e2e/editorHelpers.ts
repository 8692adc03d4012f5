/** What browser tests do to the editor, as a learner would. */
import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures.ts";

interface ClipboardWindow {
  navigator: { clipboard: { writeText(text: string): Promise<void> } };
}

/** Replaces the editor's text through the clipboard, as a learner pasting a fix would. */
export async function pasteIntoEditor(page: Page, text: string, visibleAfter: string): Promise<void> {
  await page.evaluate(
    (value) => (globalThis as unknown as ClipboardWindow).navigator.clipboard.writeText(value),
    text,
  );
  await page.getByRole("textbox", { name: "Code editor" }).focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
  await expect(page.getByTestId("code-editor")).toContainText(visibleAfter);
}

/** Opens the upload lesson and waits for its starter in the editor. */
export async function openUpload(page: Page): Promise<void> {
  await page.goto("/lessons/upload");
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
}

/**
 * Opens the upload lesson and starts its starter in real time, so the run is still going for whatever the test
 * does next; returns the run's status figure.
 */
export async function startRealTimeRun(page: Page): Promise<Locator> {
  await openUpload(page);
  const status = page.getByTestId("run-status");
  await page.getByLabel("Speed").selectOption({ label: "real time" });
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status).toHaveText("running");
  return status;
}

/** Types a line at the top of the file, as a learner would, key by key. */
export async function typeAtTop(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Code editor" }).focus();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.type(`${text}\n`);
}
