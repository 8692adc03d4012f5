/**
 * Check my fix, as a learner uses it: the starter fails with the leak named at its go(...) line, the solution
 * passes every check and completes the lesson (still complete after a reload), and a loop that never yields
 * is stopped with a clear message.
 */
import { readFileSync } from "node:fs";
import { budget, testBudget } from "./budgets.ts";
import { pasteIntoEditor } from "./editorHelpers.ts";
import { expect, test } from "./fixtures.ts";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const SOLUTION = readFileSync("solutions/04-upload/storage.ts", "utf8");

test("the starter fails its checks and names the leak; the solution passes and completes the lesson", async ({
  page,
}) => {
  // Two checks, and the lesson opened twice (the reload shows the lesson still complete).
  test.setTimeout(testBudget({ lesson: 2, check: 2 }));
  await page.goto("/lessons/upload");
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
  const panel = page.getByRole("region", { name: "Check my fix" });
  await panel.getByRole("button", { name: "Check my fix" }).click();
  await expect(panel.locator(".check-summary")).toContainText(/\d+ of \d+ checks pass/, {
    timeout: budget("check"),
  });
  const leak = panel.getByRole("button", { name: /created by StorageService\.upload at storage\.ts:59/ });
  await expect(leak).toBeVisible();
  await leak.click();
  await expect(page.locator(".code-editor .line-numbers.active-line-number")).toHaveText("59");
  await expect(page.getByText("(0 of")).toHaveCount(1);

  await pasteIntoEditor(page, SOLUTION, "private reclaimAbandoned(");
  await panel.getByRole("button", { name: "Check my fix" }).click();
  await expect(panel.locator(".check-summary")).toContainText(/^All \d+ checks pass/, {
    timeout: budget("check"),
  });
  await expect(panel.getByText("✓ Lesson complete")).toBeVisible();

  await page.reload();
  const nav = page.getByRole("navigation", { name: "Course" });
  await page.getByText(/All lessons \(1 of \d+ complete\)/).click();
  await expect(nav.getByRole("listitem").filter({ hasText: "Fix the upload leak" })).toContainText(
    "✓ complete",
  );
});

test("a check of code that never yields is stopped with a clear message, and the editor keeps the code", async ({
  page,
}) => {
  await page.goto("/lessons/upload");
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
  await page.getByRole("textbox", { name: "Code editor" }).focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("\nwhile (true) {}\n");
  const panel = page.getByRole("region", { name: "Check my fix" });
  await panel.getByRole("button", { name: "Check my fix" }).click();
  // The check's fresh worker starts, then the watchdog's three seconds of silence.
  await expect(panel.getByRole("alert")).toContainText("without waiting on anything", {
    timeout: budget("check"),
  });
  await expect(page.getByTestId("code-editor")).toContainText("while (true) {}");
});
