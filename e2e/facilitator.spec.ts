/**
 * Facilitator mode: notes on every lesson, and a presenter view readable on a 1280×720 projector that keeps
 * solutions and hints off screen until the facilitator shows them. The presenter view's screenshot is saved
 * with the test results to be looked at.
 */
import { readdirSync } from "node:fs";
import { budget, testBudget } from "./budgets.ts";
import { expect, test } from "./fixtures.ts";

const SLUGS = readdirSync("lessons").map((folder) => folder.replace(/^\d{2}-/, ""));

test("facilitator mode shows the notes on every lesson", async ({ page }) => {
  // Every lesson opened in turn, Monaco with each of the four that have code.
  test.setTimeout(testBudget({ lesson: 4 }));
  await page.goto("/?facilitator");
  await expect(page.getByLabel("Facilitator mode")).toBeChecked();
  for (const slug of SLUGS) {
    await page.goto(`/lessons/${slug}`);
    const notes = page.getByRole("region", { name: "Facilitator notes" });
    await expect(notes, slug).toContainText("Timing:");
    await expect(notes, slug).toContainText("Answer");
  }
  // The choice is remembered; switching it off hides the notes.
  await page.reload();
  await page.getByLabel("Facilitator mode").uncheck();
  await expect(page.getByRole("region", { name: "Facilitator notes" })).toHaveCount(0);
});

test.describe("the presenter view", () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test("is large, hides the notes and the solution until asked, and fits a 1280×720 projector", async ({
    page,
  }, testInfo) => {
    test.setTimeout(testBudget({ lesson: 1, hourFlatOut: 1 }));
    await page.goto("/lessons/upload?facilitator");
    await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
    await page.getByRole("button", { name: "Present this lesson" }).click();
    const bar = page.getByRole("region", { name: "Presenter view" });
    await expect(bar).toBeVisible();
    await expect(page.getByRole("region", { name: "Facilitator notes" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Show solution" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Stuck?" })).toHaveCount(0);
    const bodySize = await page.evaluate(() => getComputedStyle(document.body).fontSize);
    expect(Number.parseFloat(bodySize)).toBeGreaterThanOrEqual(19);
    await expect(page.locator(".code-editor .view-line").first()).toHaveCSS("font-size", "20px");

    await page.getByLabel("Speed").selectOption({ label: "as fast as possible" });
    await page.getByLabel("Run for").selectOption({ label: "1 hour" });
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page.getByTestId("run-status")).toHaveText("finished", { timeout: budget("hourFlatOut") });
    await page.getByTestId("handles-chart").scrollIntoViewIfNeeded();
    // The charts' axes (drawn on a canvas, out of CSS's reach) take the large type too.
    const chart = page.getByTestId("handles-chart");
    await expect(chart).toHaveAttribute("data-axis-font-px", "14");
    // Kept with the test's results (test-results/…/presenter-view-1280x720.png) for a person to look at.
    const shot = testInfo.outputPath("presenter-view-1280x720.png");
    await page.screenshot({ path: shot });
    await testInfo.attach("presenter-view-1280x720", { path: shot, contentType: "image/png" });

    await bar.getByLabel("Show solutions and hints").check();
    await expect(page.getByRole("button", { name: "Show solution" })).toBeVisible();
    await bar.getByRole("button", { name: "Leave presenter view" }).click();
    await expect(page.getByRole("region", { name: "Facilitator notes" })).toBeVisible();
    await expect(chart).toHaveAttribute("data-axis-font-px", "12");
  });

  test("keeps a completed lesson's answer to the report's question folded until the solutions are shown", async ({
    page,
  }) => {
    await page.goto("/lessons/evidence?facilitator");
    await page.getByRole("button", { name: "I have finished this lesson" }).click();
    const answer = page.getByText(/not growing with load but with time/);
    await expect(answer).toBeVisible();
    await page.getByRole("button", { name: "Present this lesson" }).click();
    await expect(answer).toBeHidden();
    await page.getByRole("region", { name: "Presenter view" }).getByLabel("Show solutions and hints").check();
    await expect(answer).toBeVisible();
  });

  test("lasts a reload of the projector's tab, solutions hidden again, and stays out of other tabs", async ({
    page,
    context,
  }) => {
    // The lesson opened four times: twice by reloads, once in a second tab.
    test.setTimeout(testBudget({ lesson: 4 }));
    await page.goto("/lessons/sync?facilitator");
    await page.getByRole("button", { name: "Present this lesson" }).click();
    const bar = page.getByRole("region", { name: "Presenter view" });
    await bar.getByLabel("Show solutions and hints").check();
    await page.reload();
    await expect(bar).toBeVisible();
    await expect(bar.getByLabel("Show solutions and hints")).not.toBeChecked();
    // The notes hold the answers: a reload in front of the room must not bring them up.
    await expect(page.getByRole("region", { name: "Facilitator notes" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Show solution" })).toHaveCount(0);

    const other = await context.newPage();
    await other.goto("/lessons/sync");
    await expect(other.getByRole("region", { name: "Facilitator notes" })).toBeVisible();
    await expect(other.getByRole("region", { name: "Presenter view" })).toHaveCount(0);

    await bar.getByRole("button", { name: "Leave presenter view" }).click();
    await page.reload();
    await expect(page.getByRole("region", { name: "Facilitator notes" })).toBeVisible();
    await expect(bar).toHaveCount(0);
  });
});

/** The page's document, in code passed to page.evaluate (it runs in the browser; this file type-checks in Node). */
declare const document: { body: object };
declare function getComputedStyle(element: object): { fontSize: string };
