/**
 * Lesson 8 in the browser: the learner's leak test is run against lesson 4's leaky starter and its fix. The
 * starter test catches nothing; the finished test fails on the leak with goleak's report and passes on the fix.
 */
import { readFileSync } from "node:fs";
import { pasteIntoEditor } from "./editorHelpers.ts";
import { expect, test } from "./fixtures.ts";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("a leak test that catches nothing fails the lesson's check; one that calls verifyNone passes", async ({
  page,
}) => {
  await page.goto("/lessons/never-again");
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
  const check = page.getByRole("region", { name: "Check my fix" });
  await check.getByRole("button", { name: "Check my fix" }).click();
  await expect(check.locator(".check-summary")).toContainText("1 of 2 checks pass", { timeout: 30_000 });
  await expect(check.locator(".check-list li.fail")).toContainText("your test passes on the leaky service");

  await pasteIntoEditor(page, readFileSync("solutions/08-never-again/leak.test.ts", "utf8"), "verifyNone");
  await check.getByRole("button", { name: "Check my fix" }).click();
  await expect(check.locator(".check-summary")).toContainText("All 2 checks pass", { timeout: 30_000 });
  await expect(check.locator(".check-list")).toContainText("found unexpected goroutines");
});
