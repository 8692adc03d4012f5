import { readFileSync } from "node:fs";
import type { BundleReport } from "../build/bundleReport.ts";
import { testBudget } from "./budgets.ts";
import { expect, test } from "./fixtures.ts";

const report: BundleReport = JSON.parse(readFileSync("dist/bundle-report.json", "utf8"));

test.describe("the lesson list", () => {
  test("shows the workshop and every lesson from lessons/", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Leak Lab" })).toBeVisible();
    const lessons = page.getByRole("navigation", { name: "Lessons" });
    await expect(lessons.getByRole("link", { name: /Fix the upload leak/ })).toBeVisible();
    await expect(lessons).toContainText("About 20 minutes");
    await expect(page).toHaveTitle("Leak Lab");
  });

  test("loads only the first page's chunks, without Monaco, until a lesson needs the editor", async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname.slice(1));
    });
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Lessons" })).toBeVisible();
    expect(report.initialPackages).not.toContain("monaco-editor");
    expect(scripts.sort()).toEqual([...report.initialChunks].sort());

    await page.getByRole("link", { name: /Fix the upload leak/ }).click();
    await expect(page.getByRole("textbox", { name: "Code editor" })).toBeAttached();
    expect(scripts.some((script) => script.includes("editor.api"))).toBe(true);
  });
});

test.describe("a lesson page", () => {
  test("opens from the list with its text and its starter file in the editor", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /Fix the upload leak/ }).click();
    await expect(page).toHaveURL(/\/lessons\/upload$/);
    await expect(page.getByRole("heading", { level: 1, name: "Fix the upload leak" })).toBeVisible();
    await expect(page.getByText("goroutine 15847 [chan receive]:")).toBeVisible();
    await expect(page).toHaveTitle("Fix the upload leak · Leak Lab");

    const editor = page.getByTestId("code-editor");
    await expect(page.getByRole("textbox", { name: "Code editor" })).toBeAttached();
    await expect(page.getByRole("tab", { name: "storage.ts" })).toHaveAttribute("aria-selected", "true");
    await expect(editor).toContainText("export interface Notifier {");
  });

  test("keeps the learner's typing and shows the Go reference read-only in its own tab", async ({ page }) => {
    await page.goto("/lessons/upload");
    const editor = page.getByTestId("code-editor");
    await expect(editor).toContainText("export interface Notifier {");
    await page.getByRole("textbox", { name: "Code editor" }).focus();
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("// my fix\n");
    await expect(editor).toContainText("// my fix");

    await page.getByRole("tab", { name: /storage\.go/ }).click();
    await expect(page.getByRole("tab", { name: /storage\.go/ })).toHaveAttribute("aria-selected", "true");
    await expect(editor).toContainText("package storage");
    await page.getByRole("textbox", { name: "Code editor" }).focus();
    await page.keyboard.type("x");
    await expect(editor.getByText("Cannot edit in read-only editor")).toBeVisible();

    await page.getByRole("tab", { name: "storage.ts" }).click();
    await expect(editor).toContainText("// my fix");
  });

  test("has its own URL that survives a reload", async ({ page }) => {
    // The lesson opened three times: a deep link, a reload, the deep link again.
    test.setTimeout(testBudget({ lesson: 3 }));
    await page.goto("/lessons/upload");
    await expect(page.getByRole("heading", { level: 1, name: "Fix the upload leak" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Fix the upload leak" })).toBeVisible();
    await page.goBack();
    await page.goto("/lessons/upload");
    await page.getByRole("link", { name: "Leak Lab" }).first().click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("navigation", { name: "Lessons" })).toBeVisible();
  });

  test("says so when the lesson does not exist", async ({ page }) => {
    await page.goto("/lessons/no-such-lesson");
    await expect(page.getByRole("heading", { name: "No such lesson" })).toBeVisible();
    await page.getByRole("link", { name: "Back to the lessons" }).click();
    await expect(page.getByRole("navigation", { name: "Lessons" })).toBeVisible();
  });
});
