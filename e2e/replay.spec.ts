/**
 * The incident replay in the page (lessons 2 and 7): the night as it was pages pod 1 and OOM-kills it while its
 * handles climb, its events listed in clock order; a 4 GiB limit moves the kill out of the two hours; the fixed
 * services stay level with no alert; a fixed service runs the learner's own saved code, and one they have not
 * fixed says it runs the solution. Each replay's wall time is logged, to keep the windows chosen here honest.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { budget, testBudget } from "./budgets.ts";
import { expect, test } from "./fixtures.ts";

async function openReplay(page: Page): Promise<Locator> {
  await page.goto("/lessons/dashboards");
  const panel = page.getByRole("region", { name: "Incident replay" });
  await expect(panel.getByRole("button", { name: "Start replay" })).toBeVisible();
  return panel;
}

/**
 * Starts the replay of `hours` of the night and waits for its end; returns the status line ("Replayed … in
 * 4.2 s of real time.").
 */
async function replay(panel: Locator, label: string, hours: number): Promise<string> {
  await panel.getByRole("button", { name: "Start replay" }).click();
  const status = panel.getByTestId("replay-status");
  await expect(status).toHaveAttribute("data-state", "running");
  await expect(status).toHaveAttribute("data-state", "done", { timeout: budget("replayHour", hours) });
  const text = (await status.textContent()) ?? "";
  console.log(`replay ${label}: ${text}`);
  return text;
}

/** Kept with the test's results for a person to look at, as the facilitator spec does. */
async function shoot(page: Page, near: Locator, testInfo: TestInfo, name: string): Promise<void> {
  const shot = testInfo.outputPath(`checks-${name}.png`);
  await near.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot });
  await testInfo.attach(name, { path: shot, contentType: "image/png" });
}

async function growth(panel: Locator, pod: number): Promise<number> {
  const text = (await panel.getByTestId(`replay-pod-${pod}-growth`).textContent()) ?? "";
  return Number(text.replace("/min", ""));
}

test("the night as it was: pod 1 pages at 03:43 and is OOM-killed at 04:17, its handles climbing", async ({
  page,
}, testInfo) => {
  test.setTimeout(testBudget({ replayHour: 2, axeScan: 1 }));
  const panel = await openReplay(page);
  await replay(panel, "2 h, 3 pods, 2 GiB", 2);
  const events = panel.getByTestId("replay-events");
  await expect(events).toContainText("03:43 pod 1 alert");
  await expect(events).toContainText("04:17 pod 1 OOM kill, exit code 137");
  await expect(events).toContainText("04:24 pod 1 restart: back with 412 handles");
  // In clock order, as the report's timeline: the three pods' alerts first, not pod 1's whole night.
  const lines = await events.locator("li").allTextContents();
  expect(lines.slice(0, 3).map((line) => line.slice(0, 16))).toEqual([
    "03:43 pod 1 aler",
    "03:49 pod 2 aler",
    "03:56 pod 3 aler",
  ]);
  const clocks = lines.map((line) => line.slice(0, 5));
  expect(clocks).toEqual([...clocks].sort());
  await shoot(page, events, testInfo, "replay-events-in-clock-order");
  expect(await growth(panel, 1)).toBeGreaterThan(35);
  await expect(panel.getByTestId("replay-pod-1")).toContainText("1,261");
  await expect(panel.getByTestId("replay-memory-chart").locator("canvas")).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).include(".replay-panel").analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => v.id);
  expect(serious, "serious or critical axe violations in the replay panel").toEqual([]);
});

test("a 4 GiB limit: no OOM kill in the two hours, and the same climb", async ({ page }) => {
  test.setTimeout(testBudget({ replayHour: 2 }));
  const panel = await openReplay(page);
  await panel.getByRole("radio", { name: "4 GiB" }).check();
  await replay(panel, "2 h, 3 pods, 4 GiB", 2);
  await expect(panel.getByTestId("replay-no-events")).toContainText("no alert, no OOM kill");
  expect(await growth(panel, 1)).toBeGreaterThan(35);
});

test("the three services fixed with the solutions: no alert, handles level for hours", async ({ page }) => {
  test.setTimeout(testBudget({ replayHour: 3 }));
  const panel = await openReplay(page);
  await panel.getByLabel("Fixed services").selectOption("all");
  await panel.getByRole("radio", { name: "the solutions" }).check();
  await panel.getByLabel("Replay for").selectOption("180");
  await replay(panel, "3 h, 3 pods, all fixed", 3);
  await expect(panel.getByTestId("replay-code")).toContainText(
    "upload the solution, sync the solution, rate limiter the solution",
  );
  await expect(panel.getByTestId("replay-no-events")).toContainText("no alert, no OOM kill");
  for (const pod of [1, 2, 3]) expect(Math.abs(await growth(panel, pod)), `pod ${pod}`).toBeLessThan(1);
  // Level pods of ~430 handles are drawn on an axis from zero, so they read as flat lines, not a jagged band;
  // and with nothing hovered the legend is a key, with no dash for a value.
  const handlesChart = panel.getByTestId("replay-handles-chart");
  await expect(handlesChart).toHaveAttribute("data-y-min", "0");
  expect(Number(await handlesChart.getAttribute("data-y-max"))).toBeLessThan(600);
  await expect(handlesChart.locator(".u-legend")).not.toContainText("–");
});

test("a fixed service runs the learner's own saved code: a 'fix' that still leaks still climbs", async ({
  page,
}) => {
  test.setTimeout(testBudget({ lesson: 1, replayHour: 1 }));
  await page.goto("/lessons/sync");
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
  await page.getByRole("textbox", { name: "Code editor" }).focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("\n// my fix, not done yet\n");
  const panel = await openReplay(page);
  await panel.getByLabel("Fixed services").selectOption("sync");
  const notes = panel.getByTestId("replay-code-notes");
  await expect(notes).toHaveText(/^sync runs your code, saved /);
  await panel.getByLabel("Replay for").selectOption("60");
  await replay(panel, "1 h, 3 pods, sync 'fixed' with the learner's code", 1);
  await expect(panel.getByTestId("replay-code")).toContainText(
    "upload as that night, sync your fix, rate limiter as that night",
  );
  expect(await growth(panel, 1)).toBeGreaterThan(35);
});

test("lesson 7 with no saved code: each fixed service says it runs the solution and where to fix it", async ({
  page,
}, testInfo) => {
  await page.goto("/lessons/prove-it");
  const panel = page.getByRole("region", { name: "Incident replay" });
  await expect(panel.getByRole("radio", { name: "yours" })).toBeChecked();
  const notes = panel.getByTestId("replay-code-notes");
  await expect(notes.locator("li")).toHaveText([
    "upload runs the solution: you haven't fixed upload yet (lesson 4).",
    "sync runs the solution: you haven't fixed sync yet (lesson 5).",
    "rate limiter runs the solution: you haven't fixed rate limiter yet (lesson 6).",
  ]);
  await shoot(page, panel, testInfo, "prove-it-code-notes");
  await notes.getByRole("link", { name: "lesson 5" }).click();
  await expect(page.getByRole("heading", { name: "Fix the sync leak", level: 1 })).toBeVisible();
});
