/**
 * axe-core scans of the pages a learner uses, in the light and the dark theme: no serious or critical
 * violations on the lesson list, on a lesson before and after a run and a check, or with the solution open.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { budget, testBudget } from "./budgets.ts";
import { expect, test } from "./fixtures.ts";

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
  expect(serious, `serious or critical axe violations on ${where}`).toEqual([]);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test("the lesson list has no serious accessibility violations", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { name: "Leak Lab", level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page, "the lesson list");
    });

    test("a lesson, after a run and a check, has no serious accessibility violations", async ({ page }) => {
      test.setTimeout(testBudget({ lesson: 1, tenMinutesFlatOut: 1, check: 1, axeScan: 3 }));
      await page.goto("/lessons/upload");
      await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
      await expectNoSeriousViolations(page, "the upload lesson");

      await page.getByLabel("Speed").selectOption({ label: "as fast as possible" });
      await page.getByLabel("Run for").selectOption({ label: "10 minutes" });
      await page.getByRole("button", { name: "Run", exact: true }).click();
      await expect(page.getByTestId("run-status")).toHaveText("finished", {
        timeout: budget("tenMinutesFlatOut"),
      });
      await page.getByRole("button", { name: "Take a dump" }).isDisabled();
      const check = page.getByRole("region", { name: "Check my fix" });
      await check.getByRole("button", { name: "Check my fix" }).click();
      await expect(check.locator(".check-summary")).toBeVisible({ timeout: budget("check") });
      await page.getByRole("region", { name: "Stuck?" }).getByRole("button").click();
      await expectNoSeriousViolations(page, "the upload lesson after a run and a check");

      await page.getByRole("button", { name: "Show solution" }).click();
      await expect(page.getByTestId("solution-diff")).toBeVisible();
      await expectNoSeriousViolations(page, "the upload lesson with the solution open");
    });
  });
}
