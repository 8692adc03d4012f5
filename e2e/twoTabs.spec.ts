/**
 * Two tabs of the course in one browser share its progress: neither writes its copy over what the other saved,
 * and each shows the other's changes without a reload.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";

const ANSWER = "Goroutines started by every upload never exit.";

/** The page's storage, for code passed to page.evaluate (it runs in the browser; this file type-checks in Node). */
declare const localStorage: { getItem(key: string): string | null };

function savedProgress(page: Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem("leak-lab:progress"));
}

test("a tab opened earlier keeps the postmortem answers another tab saved, and each tab shows the other's changes", async ({
  page,
  context,
}) => {
  // The earlier tab: lesson 1, with a question and a finish button.
  await page.goto("/lessons/page");
  const finish = page.getByRole("button", { name: "I have finished this lesson" });
  await expect(finish).toBeVisible();

  // The later tab: the postmortem, answered.
  const later = await context.newPage();
  await later.goto("/lessons/postmortem");
  const answer = later.getByLabel("1. Why are goroutine counts growing unbounded?");
  await answer.fill(ANSWER);
  await expect.poll(() => savedProgress(later)).toContain(ANSWER);

  // Back in the earlier tab: a question answered and the lesson finished, saved after the postmortem's answer.
  const question = page.getByRole("group", { name: /quietest part of the night/ });
  await question.getByLabel(/keeps growing with time/).check();
  await finish.click();
  await expect(page.getByText("✓ You have completed this lesson.")).toBeVisible();

  // Each tab shows the other's change without a reload.
  await expect(later.getByText(/All lessons \(1 of \d+ complete\)/)).toBeVisible();
  await page.getByText(/All lessons \(1 of \d+ complete\)/).click();
  await page
    .getByRole("navigation", { name: "Course" })
    .getByRole("link", { name: /The postmortem/ })
    .click();
  await expect(page.getByLabel("1. Why are goroutine counts growing unbounded?")).toHaveValue(ANSWER);

  // And after a reload, both are kept, in both tabs.
  await later.reload();
  await expect(answer).toHaveValue(ANSWER);
  await expect(later.getByText(/All lessons \(1 of \d+ complete\)/)).toBeVisible();
  await page.goto("/lessons/page");
  await expect(question.getByLabel(/keeps growing with time/)).toBeChecked();
  await expect(page.getByText("✓ You have completed this lesson.")).toBeVisible();
});
