/**
 * The learner's work is never lost: code autosaves and comes back after a reload, a damaged or outdated saved
 * entry gets a notice (and the rest still loads), and progress moves between browsers as one exported file.
 */
import type { Page } from "@playwright/test";
import { testBudget } from "./budgets.ts";
import { openUpload, typeAtTop } from "./editorHelpers.ts";
import { expect, test } from "./fixtures.ts";
import { pauseClock } from "./pageClock.ts";

const CODE_KEY = "leak-lab:code:upload";

/** The page's storage, for code passed to page.evaluate (it runs in the browser; this file type-checks in Node). */
declare const localStorage: {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  clear(): void;
};

function savedCode(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), CODE_KEY);
}

test("a change typed in the editor is saved within a second and is there after a reload", async ({
  page,
}) => {
  // "Within a second" of the page's own time, on a paused clock: how long this machine takes to type and to
  // read the storage back is no part of it.
  await page.clock.install();
  await openUpload(page);
  await pauseClock(page);
  await typeAtTop(page, "// my change survives");
  await page.clock.runFor(1000);
  await expect.poll(() => savedCode(page)).toContain("// my change survives");
  await page.clock.resume();
  await page.reload();
  await expect(page.getByTestId("code-editor")).toContainText("// my change survives");
});

test("a damaged saved entry shows a notice, the starter opens, and other lessons' code still loads", async ({
  page,
}) => {
  // Three lessons opened: sync, upload, and sync again.
  test.setTimeout(testBudget({ lesson: 3 }));
  await page.goto("/lessons/sync");
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
  await typeAtTop(page, "// sync work");
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem("leak-lab:code:sync")))
    .toContain("// sync work");
  await page.evaluate((key) => localStorage.setItem(key, "{this is not json"), CODE_KEY);

  await openUpload(page);
  await expect(page.getByRole("alert").filter({ hasText: "could not be read" })).toBeVisible();
  await typeAtTop(page, "// fresh start");
  await expect.poll(() => savedCode(page)).toContain("// fresh start");
  // The damaged text is kept aside, not destroyed.
  expect(await page.evaluate((key) => localStorage.getItem(`${key}:unreadable`), CODE_KEY)).toBe(
    "{this is not json",
  );

  await page.goto("/lessons/sync");
  await expect(page.getByTestId("code-editor")).toContainText("// sync work");
});

test("code saved against an earlier starter is not loaded over the new one but stays reachable", async ({
  page,
}) => {
  await page.goto("/");
  const earlier = {
    format: 1,
    versions: [
      { starter: "00000000", files: { "storage.ts": "// written for last month's lesson" }, savedAt: 0 },
    ],
  };
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
    key: CODE_KEY,
    value: JSON.stringify(earlier),
  });
  await openUpload(page);
  await expect(page.getByRole("status").filter({ hasText: "starter has changed" })).toBeVisible();
  await expect(page.getByTestId("code-editor")).not.toContainText("last month's lesson");
  await page.getByRole("tab", { name: /earlier\/storage\.ts/ }).click();
  await expect(page.getByTestId("code-editor")).toContainText("// written for last month's lesson");
});

test("progress exports to one file and imports into a fresh browser, after a question", async ({ page }) => {
  await openUpload(page);
  await typeAtTop(page, "// exported work");
  await expect.poll(() => savedCode(page)).toContain("// exported work");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export progress" }).click(),
  ]);
  const exported = await download.path();

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByTestId("code-editor")).not.toContainText("// exported work");

  await page.getByTestId("import-progress-file").setInputFiles(exported);
  const question = page.getByRole("alertdialog").filter({ hasText: "Replace the progress" });
  await question.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("code-editor")).toContainText("// exported work");
});

test("a file that is not a progress export is refused with a reason", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("import-progress-file").setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"hello": "world"}'),
  });
  await expect(page.getByRole("alert").filter({ hasText: "not a Leak Lab progress file" })).toBeVisible();
});
