/**
 * On a phone-sized screen the workspace uses a plain text editor instead of Monaco: typing, autosave, a run,
 * a check and the solution all work without Monaco ever loading, and the run panel fits the screen's width.
 */

import { budget, testBudget } from "./budgets.ts";
import { expect, test } from "./fixtures.ts";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** The page's storage, in code passed to page.evaluate (it runs in the browser; this file type-checks in Node). */
declare const localStorage: { getItem(key: string): string | null };
declare const document: { documentElement: { scrollWidth: number } };
/** The DOM elements the panel check reads, as far as it reads them. */
interface Laid {
  readonly tagName: string;
  readonly className: unknown;
  readonly textContent: string | null;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  getBoundingClientRect(): { readonly right: number };
  querySelectorAll(selector: string): Iterable<Laid>;
}

test("a phone gets the plain editor, and the lesson works end to end without Monaco", async ({ page }) => {
  // No Monaco, but the lesson opened twice (a reload), a run and a check.
  test.setTimeout(testBudget({ lesson: 2, tenMinutesFlatOut: 1, check: 1 }));
  const monacoRequests: string[] = [];
  page.on("request", (request) => {
    if (/editor\.api|ts\.worker|CodeEditor/.test(request.url())) monacoRequests.push(request.url());
  });
  await page.goto("/lessons/upload");
  const editor = page.getByRole("textbox", { name: "Code editor" });
  await expect(editor).toHaveValue(/leak-lab\/runtime/);
  await expect(page.locator(".monaco-editor")).toHaveCount(0);

  await editor.focus();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.type("// typed on a phone\n");
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem("leak-lab:code:upload")))
    .toContain("typed on a phone");
  await page.reload();
  await expect(editor).toHaveValue(/typed on a phone/);

  await page.getByLabel("Speed").selectOption({ label: "as fast as possible" });
  await page.getByLabel("Run for").selectOption({ label: "10 minutes" });
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveText("finished", {
    timeout: budget("tenMinutesFlatOut"),
  });
  expect(Number((await page.getByTestId("handle-count").textContent())?.replace(/,/g, ""))).toBeGreaterThan(
    10,
  );

  await page.getByRole("button", { name: "Show solution" }).click();
  await expect(page.getByRole("textbox", { name: "The solution, read-only" })).toHaveValue(/fixed\./);
  await page.getByRole("button", { name: "Apply the solution" }).click();
  await expect(editor).toHaveValue(/The CloudVault storage service, fixed\./);
  const check = page.getByRole("region", { name: "Check my fix" });
  await check.getByRole("button", { name: "Check my fix" }).click();
  await expect(check.locator(".check-summary")).toContainText(/^All \d+ checks pass/, {
    timeout: budget("check"),
  });

  expect(monacoRequests, "Monaco's files requested on a phone").toEqual([]);
});

test("on a phone the whole run panel fits the screen: figures side by side without overlapping, charts, pin, dump and logs", async ({
  page,
}) => {
  await page.goto("/lessons/upload");
  await expect(page.getByRole("textbox", { name: "Code editor" })).toHaveValue(/leak-lab\/runtime/);
  const panel = page.getByRole("region", { name: "Live run" });
  /** What sticks out of the panel, or out of its own box (a figure wider than its card): none is the answer. */
  const clipped = () =>
    panel.evaluate((element) => {
      const root = element as unknown as Laid;
      const right = root.getBoundingClientRect().right;
      const out = [...root.querySelectorAll("*")]
        .filter((element) => element.getBoundingClientRect().right > right + 0.5)
        .map((element) => `${element.tagName}.${String(element.className)}`);
      const figures = [...root.querySelectorAll(".run-figures dd")]
        .filter((figure) => figure.scrollWidth > figure.clientWidth)
        .map((figure) => `figure ${figure.textContent}`);
      const panelScrolls = root.scrollWidth > root.clientWidth ? ["the panel"] : [];
      return [...panelScrolls, ...out, ...figures];
    });
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

  await expect(page.getByTestId("sim-clock")).toHaveText("00:00:00");
  expect(await clipped()).toEqual([]);
  // The four figures are two by two: Live handles beside Virtual time, Pod memory below it.
  const clock = await page.getByTestId("sim-clock").boundingBox();
  const handles = await page.getByTestId("handle-count").boundingBox();
  const memory = await page.getByTestId("memory-mib").boundingBox();
  expect(clock && handles && memory).toBeTruthy();
  if (clock && handles && memory) {
    expect(clock.x + clock.width).toBeLessThanOrEqual(handles.x);
    expect(memory.y).toBeGreaterThanOrEqual(clock.y + clock.height);
  }

  await page.getByLabel("Speed").selectOption({ label: "as fast as possible" });
  await page.getByLabel("Run for").selectOption({ label: "10 minutes" });
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveText("finished", {
    timeout: budget("tenMinutesFlatOut"),
  });
  await expect(page.getByRole("table")).toBeVisible();
  expect(await clipped()).toEqual([]);
  expect(await pageWidth()).toBeLessThanOrEqual(390);

  await panel.getByRole("button", { name: "Pin this run" }).click();
  await expect(panel.getByRole("button", { name: /^Unpin/ })).toBeVisible();
  await page.getByLabel("Filter").fill("Upload complete");
  await expect(page.getByRole("list", { name: "Log lines" })).toContainText("Upload complete");
  expect(await clipped()).toEqual([]);
});
