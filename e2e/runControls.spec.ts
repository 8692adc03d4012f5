/**
 * The run panel's controls beyond Run and Stop: Reset to the starter (asked first, undoable), the handles chart
 * by kind and by creation site, the pod memory chart with its limit, a pinned run overlaid on the next, and the
 * run's figures and error beside the Run button.
 */
import { readFileSync } from "node:fs";
import type { Locator } from "@playwright/test";
import { budget, testBudget } from "./budgets.ts";
import { openUpload, startRealTimeRun, typeAtTop } from "./editorHelpers.ts";
import { expect, test } from "./fixtures.ts";

/** The page's window and document, in code passed to page.evaluate (this file type-checks in Node). */
declare const window: { scrollTo(x: number, y: number): void };
declare const document: { querySelector(selector: string): { scrollTop: number } | null };
/** A scrolling box, as code passed to locator.evaluate sees it. */
interface Rect {
  readonly top: number;
  readonly bottom: number;
}
interface ScrollBox {
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  readonly lastElementChild: { getBoundingClientRect(): Rect } | null;
  getBoundingClientRect(): Rect;
}

const STARTER = readFileSync("lessons/04-upload/storage.ts", "utf8");

test("Reset asks first, puts the starter back, and Ctrl+Z in the editor brings the learner's code back", async ({
  page,
}) => {
  await page.goto("/lessons/upload");
  const editor = page.getByTestId("code-editor");
  await expect(editor).toContainText("leak-lab/runtime");
  await page.getByRole("textbox", { name: "Code editor" }).focus();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.type("// my attempt\n");
  await expect(editor).toContainText("// my attempt");

  await page.getByRole("button", { name: "Reset to starter" }).click();
  const question = page.getByRole("alertdialog");
  await expect(question).toContainText("Replace your storage.ts with the lesson's starter?");
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(question).toHaveCount(0);
  await expect(editor).toContainText("// my attempt");

  await page.getByRole("button", { name: "Reset to starter" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Reset" }).click();
  await expect(editor).not.toContainText("// my attempt");
  const firstLine = STARTER.split("\n")[0] ?? "";
  await expect(page.locator(".code-editor .view-line").first()).toHaveText(firstLine);

  await page.getByRole("textbox", { name: "Code editor" }).focus();
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(editor).toContainText("// my attempt");
});

test("the charts break handles down by kind and by site, draw the pod's limit, and overlay a pinned run", async ({
  page,
}) => {
  // Two runs, and the lesson opened three times (two reloads show the pin kept, then gone).
  test.setTimeout(testBudget({ lesson: 3, tenMinutesFlatOut: 2 }));
  await page.goto("/lessons/upload");
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
  // Before the first run the charts say how to fill them, rather than stand as blank boxes.
  const placeholder = page.getByTestId("handles-chart").getByText("Press Run to draw the charts");
  await expect(placeholder).toBeVisible();
  await page.getByLabel("Speed").selectOption({ label: "as fast as possible" });
  await page.getByLabel("Run for").selectOption({ label: "10 minutes" });
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(placeholder).toBeHidden();
  await expect(page.getByTestId("run-status")).toHaveText("finished", {
    timeout: budget("tenMinutesFlatOut"),
  });
  // With nothing hovered the legend is a key: no "minute:" row, no dash for a missing value…
  const handlesLegend = page.getByTestId("handles-chart").locator(".u-legend .u-series");
  await expect(handlesLegend.first()).toBeHidden();
  await expect(page.getByTestId("memory-chart").locator(".u-legend")).not.toContainText("–");
  // …and hovering the chart gives the figures at that minute.
  await page.getByTestId("handles-chart").locator(".u-over").hover();
  await expect(handlesLegend.first()).toBeVisible();
  await expect(handlesLegend.nth(1)).toContainText(/live handles\s*[\d,]+/);

  // The pod's memory is its modelled baseline (1,550 MiB) plus what the service holds.
  const memory = Number((await page.getByTestId("memory-mib").textContent())?.replace(/[^\d.]/g, ""));
  expect(memory).toBeGreaterThan(1550);
  await expect(page.getByTestId("memory-chart")).toContainText("limit 2,048");
  await expect(page.getByTestId("memory-chart")).toContainText("alert at 90%");

  const handles = page.getByTestId("handles-chart");
  await page.getByLabel("By kind").check();
  await expect(handles).toContainText("goroutines");
  await expect(handles).toContainText("tickers");
  await page.getByLabel("By site").check();
  // The leaking go(...) line of the starter is one of the bands, by name and line.
  await expect(handles).toContainText("StorageService.upload (storage.ts:59)");

  await page.getByRole("button", { name: "Pin this run" }).click();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveText("finished", {
    timeout: budget("tenMinutesFlatOut"),
  });
  await expect(handles).toContainText(/pinned: run \d+ \(00:10:00\)/);
  await expect(page.getByTestId("memory-chart")).toContainText(/pinned: run \d+/);
  // The pin is saved with the learner's progress: it is still there after a reload.
  await page.reload();
  await expect(handles).toContainText(/pinned: run \d+ \(00:10:00\)/);
  await page.getByRole("button", { name: /^Unpin/ }).click();
  await expect(handles).not.toContainText("pinned:");
  await page.reload();
  await expect(page.getByRole("button", { name: "Pin this run" })).toBeVisible();
  await expect(handles).not.toContainText("pinned:");
});

test("Escape stops a running or paused run, but not when it closes the editor's find widget", async ({
  page,
}) => {
  const status = await startRealTimeRun(page);

  await page.getByRole("textbox", { name: "Code editor" }).focus();
  await page.keyboard.press("ControlOrMeta+F");
  const find = page.locator(".code-editor .find-widget.visible");
  await expect(find).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(find).toHaveCount(0);
  await expect(status).toHaveText("running");
  await page.keyboard.press("Escape");
  await expect(status).toHaveText("finished");

  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status).toHaveText("running");
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(status).toHaveText("paused");
  await page.keyboard.press("Escape");
  await expect(status).toHaveText("finished");
});

test("a run's error shows at its line and is written to the run's console (the logs panel)", async ({
  page,
}) => {
  await page.goto("/lessons/upload");
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
  await page.getByRole("textbox", { name: "Code editor" }).focus();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.type('throw new Error("broken on purpose");\n');
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.locator(".run-error")).toContainText("storage.ts:1: broken on purpose");
  const logs = page.getByRole("list", { name: "Log lines" });
  await expect(logs).toContainText("broken on purpose");
  await expect(logs).toContainText("line=1");
});

test.describe("on a 1280×800 screen", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  /** Whether all of the element is inside the window, not below the fold nor scrolled away in the workspace. */
  const inWindow = async (locator: Locator) => {
    const box = await locator.boundingBox();
    return box !== null && box.y >= 0 && box.y + box.height <= 800;
  };

  test("Run shows the run's figures by the Run button, and a run's error, without the learner scrolling", async ({
    page,
  }) => {
    await openUpload(page);
    // A day at the usual 60×: the run is still going when the test presses Stop, however slow the machine.
    await page.getByLabel("Run for").selectOption({ label: "24 hours" });
    const run = page.getByRole("button", { name: "Run", exact: true });
    const strip = page.getByTestId("run-strip");
    await run.click();
    await expect(strip).toContainText("running");
    await expect.poll(() => inWindow(strip)).toBe(true);
    // The figures move where the learner is looking, and the focus stays on Run.
    const first = (await strip.textContent()) ?? "";
    await expect(strip).not.toHaveText(first);
    await expect(strip).toContainText(/\d handles/);
    await expect(strip).toContainText("MiB (modelled)");
    await expect(run).toBeFocused();
    await page.getByRole("button", { name: "Stop" }).click();
    await expect(strip).toContainText("finished");

    // A run that fails at once, started by Ctrl+Enter from the editor with the page and workspace at the top.
    await typeAtTop(page, "this is not code(");
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      const workspace = document.querySelector(".workspace");
      if (workspace) workspace.scrollTop = 0;
    });
    await page.keyboard.press("ControlOrMeta+Enter");
    const error = page.getByRole("alert").filter({ hasText: "storage.ts:1:" });
    await expect(error).toBeVisible();
    await expect.poll(() => inWindow(error)).toBe(true);
    await expect(page.getByRole("textbox", { name: "Code editor" })).toBeFocused();
  });
});

test("the logs follow the newest line, keep still while the learner scrolls up to read, and follow again at the bottom", async ({
  page,
}) => {
  await openUpload(page);
  // A day at the usual 60×: new lines keep coming for as long as the test reads them, however slow the machine.
  await page.getByLabel("Run for").selectOption({ label: "24 hours" });
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const logs = page.getByRole("list", { name: "Log lines" });
  // Full: from here each batch drops old rows from the top as it adds new ones at the bottom.
  await expect.poll(() => logs.locator("li").count(), { timeout: 30_000 }).toBe(300);
  const lastRowInView = () =>
    logs.evaluate((box: ScrollBox) => {
      const last = box.lastElementChild?.getBoundingClientRect();
      const frame = box.getBoundingClientRect();
      return last !== undefined && last.bottom <= frame.bottom + 1 && last.top >= frame.top;
    });
  const moreLines = async () => {
    const newest = await logs.locator("li").last().textContent();
    await expect(logs.locator("li").last()).not.toHaveText(newest ?? "");
  };
  await moreLines();
  await expect.poll(lastRowInView).toBe(true);

  // Up with the mouse wheel, as a learner reading an older line does.
  await logs.hover();
  await page.mouse.wheel(0, -600);
  await moreLines();
  await moreLines();
  const farFromBottom = () =>
    logs.evaluate((box: ScrollBox) => box.scrollHeight - box.scrollTop - box.clientHeight > box.clientHeight);
  expect(await farFromBottom()).toBe(true);
  expect(await lastRowInView()).toBe(false);

  // Back to the newest line with the keyboard.
  await logs.focus();
  await page.keyboard.press("End");
  await moreLines();
  await expect.poll(lastRowInView).toBe(true);
});
