/**
 * Lesson 8 in the browser: the learner's leak test is run against lesson 4's leaky starter and its fix. The
 * starter test catches nothing, and is told why without being told the line; the finished test fails on the leak
 * with goleak's whole report (in a disclosure) and passes on the fix.
 */
import { readFileSync } from "node:fs";
import type { Page, TestInfo } from "@playwright/test";
import { budget, testBudget } from "./budgets.ts";
import { pasteIntoEditor } from "./editorHelpers.ts";
import { expect, test } from "./fixtures.ts";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("a leak test that catches nothing is nudged, not told the line; one that catches the leak shows goleak's whole report", async ({
  page,
}, testInfo) => {
  test.setTimeout(testBudget({ lesson: 1, check: 2 }));
  await page.goto("/lessons/never-again");
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
  const check = page.getByRole("region", { name: "Check my fix" });
  await check.getByRole("button", { name: "Check my fix" }).click();
  await expect(check.locator(".check-summary")).toContainText("1 of 2 checks pass", {
    timeout: budget("check"),
  });
  const nudge = check.locator(".check-list li.fail");
  await expect(nudge).toContainText("your test passed on the leaky version, so it would not catch the leak");
  await expect(nudge).toContainText("after the service is closed");
  // Writing that line is the exercise: the check says what failed, hint 1 says how.
  await expect(nudge).not.toContainText("verifyNone");
  await shoot(page, testInfo, "never-again-starter-checked");

  await pasteIntoEditor(page, readFileSync("solutions/08-never-again/leak.test.ts", "utf8"), "verifyNone");
  await check.getByRole("button", { name: "Check my fix" }).click();
  await expect(check.locator(".check-summary")).toHaveText("Both checks pass. Lesson complete.", {
    timeout: budget("check"),
  });
  const caught = check.locator(".check-list li.pass").first();
  await expect(caught).toContainText("it fails on the leak with goleak's report");
  const report = caught.getByRole("group");
  await caught.getByText("The whole report").click();
  // The report whole, past its first line: the stack, and the go(...) line that started the reporter.
  const text = report.locator("pre");
  await expect(text).toContainText("found unexpected goroutines:");
  await expect(text).toContainText("StorageService.upload.func1()");
  await expect(text).toContainText(/created by StorageService\.upload( in goroutine \d+)?\s+storage\.ts:\d+/);
  await expect(text).toHaveCSS("font-family", /mono/i);
  await shoot(page, testInfo, "never-again-check-result");
});

/** Kept with the test's results for a person to look at, as the facilitator spec does. */
async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const shot = testInfo.outputPath(`checks-${name}.png`);
  await page.getByRole("region", { name: "Check my fix" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot });
  await testInfo.attach(name, { path: shot, contentType: "image/png" });
}
