/**
 * Sharing code by link: the link opens with a banner and the shared code in a read-only tab, nothing runs, and
 * the learner's saved code stays theirs until they choose to use the shared code (which they can undo); the link
 * itself shows in a bar across the editor that Escape closes.
 */
import type { Page } from "@playwright/test";
import { startRealTimeRun } from "./editorHelpers.ts";
import { expect, test } from "./fixtures.ts";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** The page's storage, in code passed to page.evaluate (it runs in the browser; this file type-checks in Node). */
declare const localStorage: { getItem(key: string): string | null };

const savedCode = (page: Page) => page.evaluate(() => localStorage.getItem("leak-lab:code:upload"));

async function replaceEditorText(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Code editor" }).focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
}

/**
 * Opens the upload lesson, shares "// the shared attempt" and returns the link, then types "// my own work" as
 * the learner's saved code.
 */
async function shareThenWorkOn(page: Page): Promise<string> {
  await page.goto("/lessons/upload");
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
  await replaceEditorText(page, "// the shared attempt\n");
  await page.getByRole("button", { name: "Share" }).click();
  const link = await page.getByRole("textbox", { name: "Share link" }).inputValue();
  await replaceEditorText(page, "// my own work\n");
  await expect.poll(() => savedCode(page)).toContain("// my own work");
  return link;
}

test("a shared link opens with a banner, runs nothing, and leaves the saved code alone until asked", async ({
  page,
}) => {
  const link = await shareThenWorkOn(page);
  expect(link).toMatch(/\/lessons\/upload#share=1\./);
  const editor = page.getByTestId("code-editor");

  await page.goto(link);
  const banner = page.getByRole("region", { name: "Shared code" });
  await expect(banner).toContainText("It has not run");
  await expect(page.getByRole("tab", { name: /shared\/storage\.ts/ })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(editor).toContainText("// the shared attempt");
  await expect(page.getByTestId("run-status")).toHaveText("idle");
  expect(await savedCode(page)).toContain("// my own work");
  await page.getByRole("tab", { name: "storage.ts", exact: true }).click();
  await expect(editor).toContainText("// my own work");

  await banner.getByRole("button", { name: "Use it as my storage.ts" }).click();
  await expect(editor).toContainText("// the shared attempt");
  await expect.poll(() => savedCode(page)).toContain("// the shared attempt");
  expect(page.url()).not.toContain("#share=");
  await page.getByRole("button", { name: "Undo: put my code back" }).click();
  await expect(editor).toContainText("// my own work");
});

test("a damaged share link gets a notice and opens the lesson as usual", async ({ page }) => {
  await page.goto("/lessons/upload#share=1.AAAA-not-deflate");
  await expect(page.getByRole("alert").filter({ hasText: "shared code is damaged" })).toBeVisible();
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
  await expect(page.getByRole("region", { name: "Shared code" })).toHaveCount(0);
});

test.describe("Use it pressed while the editor's code is still loading", () => {
  // The service worker would serve the editor's code from its cache, past the route that holds it back.
  test.use({ serviceWorkers: "block" });

  test("puts the shared code in once the editor is there, and Undo brings the learner's code back", async ({
    page,
  }) => {
    const link = await shareThenWorkOn(page);
    const editor = page.getByTestId("code-editor");

    // The editor's chunk is held back until the learner has pressed Use it.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/assets\/CodeEditor-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("about:blank");
    await page.goto(link);
    await expect(page.getByText("Loading the editor…")).toBeVisible();
    await page.getByRole("button", { name: "Use it as my storage.ts" }).click();
    release();

    await page.getByRole("tab", { name: "storage.ts", exact: true }).click();
    await expect(editor).toContainText("// the shared attempt");
    await expect.poll(() => savedCode(page)).toContain("// the shared attempt");
    await page.getByRole("button", { name: "Undo: put my code back" }).click();
    await expect(editor).toContainText("// my own work");
    await expect(editor).not.toContainText("// the shared attempt");
  });
});

test("Share's link and Reset's question open in a bar across the editor, and Escape closes them without stopping the run", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const status = await startRealTimeRun(page);

  const toolbar = page.locator(".file-bar");
  const toolbarHeight = (await toolbar.boundingBox())?.height;
  const workspace = await page.getByRole("region", { name: "Code" }).boundingBox();
  /** Whether all of the element lies inside the workspace, left to right. */
  const inWorkspace = async (locator: ReturnType<typeof page.locator>) => {
    const box = await locator.boundingBox();
    return (
      box !== null &&
      workspace !== null &&
      box.x >= workspace.x &&
      box.x + box.width <= workspace.x + workspace.width
    );
  };

  const share = page.getByRole("button", { name: "Share" });
  await share.click();
  const link = page.getByRole("textbox", { name: "Share link" });
  await expect(link).toBeFocused();
  await expect(link).toHaveValue(/#share=1\./);
  const shareBar = page.getByRole("status").filter({ has: link });
  expect(await inWorkspace(shareBar.getByRole("button", { name: "Done" }))).toBe(true);
  // The link has most of the editor's width, and the toolbar keeps its one row of buttons.
  expect((await link.boundingBox())?.width ?? 0).toBeGreaterThan((workspace?.width ?? 0) / 2);
  expect((await toolbar.boundingBox())?.height).toBe(toolbarHeight);
  await page.keyboard.press("Escape");
  await expect(link).toHaveCount(0);
  await expect(share).toBeFocused();
  await expect(status).toHaveText("running");

  await page.getByRole("button", { name: "Reset to starter" }).click();
  const question = page.getByRole("alertdialog");
  await expect(question.getByRole("button", { name: "Cancel" })).toBeFocused();
  expect(await inWorkspace(question.getByRole("button", { name: "Cancel" }))).toBe(true);
  expect((await toolbar.boundingBox())?.height).toBe(toolbarHeight);
  await page.keyboard.press("Escape");
  await expect(question).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reset to starter" })).toBeFocused();
  await expect(status).toHaveText("running");

  // With nothing left to close, Escape stops the run as before.
  await page.keyboard.press("Escape");
  await expect(status).toHaveText("finished");
});
