/**
 * The whole course as a new learner walks it: from the lesson list through every lesson by its "next" link,
 * answering the questions, fixing each service with its solution (Show solution, Apply, Check my fix), writing
 * the leak test, proving the fixes with a day-long replay, and ending with a downloaded postmortem; every lesson
 * ends completed.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { budget, testBudget } from "./budgets.ts";
import { expect, test } from "./fixtures.ts";

const LESSON_COUNT = readdirSync("lessons").length;

async function applySolutionAndCheck(page: Page): Promise<void> {
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
  await page.getByRole("button", { name: "Show solution" }).click();
  await page.getByRole("button", { name: "Apply the solution" }).click();
  await page.getByRole("button", { name: "Keep it" }).click();
  const check = page.getByRole("region", { name: "Check my fix" });
  await check.getByRole("button", { name: "Check my fix" }).click();
  await expect(check.locator(".check-summary")).toContainText(/^(All \d+|Both) checks pass/, {
    timeout: budget("check"),
  });
  await expect(check.getByText("✓ Lesson complete")).toBeVisible();
}

async function finishReading(page: Page): Promise<void> {
  await page.getByRole("button", { name: "I have finished this lesson" }).click();
  await expect(page.getByText("✓ You have completed this lesson.")).toBeVisible();
}

async function next(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Lesson pages" }).locator('a[rel="next"]').click();
}

test("a new learner walks the whole course and every lesson ends completed", async ({ page }) => {
  // Four checks and a day of the three pods replayed; Monaco opened with the first lesson that has code, again
  // by the reload at the end, and the lesson list once more.
  test.setTimeout(testBudget({ lesson: 3, check: 4, replayHour: 24 }));
  await page.goto("/");
  await page.getByRole("link", { name: /The page/ }).click();

  // 1. The page
  await page.getByLabel(/keeps growing with time/).check();
  await finishReading(page);
  await next(page);
  // 2. Read the dashboards
  await expect(page.getByRole("heading", { name: "Read the dashboards", level: 1 })).toBeVisible();
  await finishReading(page);
  await next(page);
  // 3. Follow the evidence
  await page.getByLabel(/never exit/).check();
  await finishReading(page);
  await next(page);
  // 4–6. The three services, fixed with their solutions
  for (const title of ["Fix the upload leak", "Fix the sync leak", "Fix the rate limiter"]) {
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    await applySolutionAndCheck(page);
    await next(page);
  }
  // 7. Prove it (when the course has it)
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/Prove it|Never again/);
  if ((await heading.textContent()) === "Prove it") {
    // The day replayed with the learner's own three fixes: no alert, no OOM kill, level lines.
    const replay = page.getByRole("region", { name: "Incident replay" });
    await replay.getByRole("button", { name: "Start replay" }).click();
    const status = replay.getByTestId("replay-status");
    await expect(status).toHaveAttribute("data-state", "done", { timeout: budget("replayHour", 24) });
    await expect(replay.getByTestId("replay-no-events")).toContainText("no alert, no OOM kill");
    await finishReading(page);
    await next(page);
  }
  // 8. Never again: the leak test
  await expect(page.getByRole("heading", { name: "Never again", level: 1 })).toBeVisible();
  await applySolutionAndCheck(page);
  await next(page);
  // 9. The postmortem
  await expect(page.getByRole("heading", { name: "The postmortem", level: 1 })).toBeVisible();
  const answers = [
    "Goroutines started by normal work never exit.",
    "storage.go:67 and sync.go:213 start a goroutine per upload and per device.",
    "Nothing closes the reporter's channel or tells the watcher its device left.",
    "Yes: a close in finally, ctx.Done() in the select, sync.Once and a stop channel.",
  ];
  for (const [index, answer] of answers.entries()) {
    await page.getByLabel(new RegExp(`^${index + 1}\\. `)).fill(answer);
  }
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the postmortem (Markdown)" }).click(),
  ]);
  const postmortem = readFileSync(await download.path(), "utf8");
  expect(postmortem).toContain("Status: 3 of 3 services fixed and checked.");
  for (const answer of answers) expect(postmortem).toContain(answer);
  await finishReading(page);

  // Every lesson ends completed, and says so after a reload.
  await page.reload();
  await expect(page.getByText(`All lessons (${LESSON_COUNT} of ${LESSON_COUNT} complete)`)).toBeVisible();
  await page.goto("/");
  await expect(page.locator(".lesson-done")).toHaveCount(LESSON_COUNT);
});
