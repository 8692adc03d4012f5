/**
 * On a phone-sized screen the workspace uses a plain text editor instead of Monaco: typing, autosave, a run,
 * a check and the solution all work without Monaco ever loading.
 */
import { expect, test } from "./fixtures.ts";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** The page's storage, in code passed to page.evaluate (it runs in the browser; this file type-checks in Node). */
declare const localStorage: { getItem(key: string): string | null };

test("a phone gets the plain editor, and the lesson works end to end without Monaco", async ({ page }) => {
  const monacoRequests: string[] = [];
  page.on("request", (request) => {
    if (/editor\.api|ts\.worker|CodeEditor/.test(request.url())) monacoRequests.push(request.url());
  });
  await page.goto("/lessons/upload");
  const editor = page.getByRole("textbox", { name: "Code editor" });
  await expect(editor).toHaveValue(/leak-lab\/runtime/);
  await expect(page.locator(".monaco-editor")).toHaveCount(0);

  await editor.focus();
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.type("// typed on a phone\n");
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem("leak-lab:code:upload")))
    .toContain("typed on a phone");
  await page.reload();
  await expect(editor).toHaveValue(/typed on a phone/);

  await page.getByLabel("Speed").selectOption({ label: "as fast as possible" });
  await page.getByLabel("Run for").selectOption({ label: "10 minutes" });
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveText("finished", { timeout: 60_000 });
  expect(Number((await page.getByTestId("handle-count").textContent())?.replace(/,/g, ""))).toBeGreaterThan(
    10,
  );

  await page.getByRole("button", { name: "Show solution" }).click();
  await expect(page.getByRole("textbox", { name: "The solution, read-only" })).toHaveValue(/fixed\./);
  await page.getByRole("button", { name: "Apply the solution" }).click();
  await expect(editor).toHaveValue(/The CloudVault storage service, fixed\./);
  const check = page.getByRole("region", { name: "Check my fix" });
  await check.getByRole("button", { name: "Check my fix" }).click();
  await expect(check.locator(".check-summary")).toContainText(/^All \d+ checks pass/, { timeout: 30_000 });

  expect(monacoRequests, "Monaco's files requested on a phone").toEqual([]);
});
