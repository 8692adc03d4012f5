/**
 * The Content-Security-Policy (issue 9, build/cspPlugin.ts): `vite preview` sends it as a header and the built
 * index.html carries it as a meta tag; the run worker's script alone may eval (learner code runs there); and
 * with the policy on, a lesson, the editor, Run and Check my fix all work without a single violation.
 */
import { readdirSync } from "node:fs";
import { test as bare, type Page } from "@playwright/test";
import { DOCUMENT_POLICY, META_POLICY, SANDBOX_POLICY } from "../build/cspPlugin.ts";
import { budget, testBudget } from "./budgets.ts";
import { expect, test } from "./fixtures.ts";

/** The page's globals, in code passed to the browser (it runs there; this file type-checks in Node). */
interface ViolationEvent {
  readonly effectiveDirective: string;
  readonly blockedURI: string;
  readonly sourceFile: string;
}
declare const window: { __cspViolations?: string[]; __inlineRan?: boolean };
declare const document: {
  addEventListener(type: "securitypolicyviolation", listener: (event: ViolationEvent) => void): void;
  createElement(tag: "script"): { textContent: string };
  readonly head: { append(node: unknown): void };
};

const sandboxFile = readdirSync("dist/assets").find((file) => /^sandbox-[\w-]+\.js$/.test(file));

/** Records every `securitypolicyviolation` the page sees, from before its first script runs. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    window.__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile})`);
    });
  });
  return () => page.evaluate(() => window.__cspViolations ?? []);
}

test("the page, a deep link and every file are served with the policy, the run worker with eval", async ({
  request,
}) => {
  for (const path of ["/", "/lessons/upload", "/sw.js", "/favicon.svg"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-security-policy"], path).toBe(DOCUMENT_POLICY);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
  }
  expect(DOCUMENT_POLICY).toContain("default-src 'self'");
  expect(DOCUMENT_POLICY).toContain("frame-ancestors 'none'");
  expect(DOCUMENT_POLICY).not.toContain("unsafe-eval");
  expect(DOCUMENT_POLICY).not.toMatch(/https?:|\*/);

  expect(sandboxFile, "the run worker's file, assets/sandbox-<hash>.js").toBeDefined();
  const worker = await request.get(`/assets/${sandboxFile}`);
  expect(worker.headers()["content-security-policy"]).toBe(SANDBOX_POLICY);
  expect(SANDBOX_POLICY).toContain("script-src 'self' 'unsafe-eval'");
});

test("the built page carries the policy as a meta tag, without what a meta tag cannot set", async ({
  page,
}) => {
  await page.goto("/");
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  await expect(meta).toHaveAttribute("content", META_POLICY);
  expect(META_POLICY).not.toContain("frame-ancestors");
  expect(META_POLICY).not.toContain("unsafe-eval");
});

test("a lesson, the editor, Run and Check my fix work under the policy with no violation", async ({
  page,
}) => {
  test.setTimeout(testBudget({ lesson: 1, hourFlatOut: 1, check: 1 }));
  const violations = await recordViolations(page);
  await page.goto("/lessons/upload");
  await expect(page.getByRole("heading", { level: 1, name: "Fix the upload leak" })).toBeVisible();
  await expect(page.getByTestId("code-editor")).toContainText("export interface Notifier {");

  await page.getByLabel("Speed").selectOption({ label: "as fast as possible" });
  await page.getByLabel("Run for").selectOption({ label: "1 hour" });
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveText("finished", { timeout: budget("hourFlatOut") });
  const handles = Number((await page.getByTestId("handle-count").textContent())?.replace(/,/g, ""));
  expect(handles).toBeGreaterThan(100);
  await expect(page.locator(".run-error")).toHaveCount(0);

  const panel = page.getByRole("region", { name: "Check my fix" });
  await panel.getByRole("button", { name: "Check my fix" }).click();
  await expect(panel.locator(".check-summary")).toContainText(/\d+ of \d+ checks pass/, {
    timeout: budget("check"),
  });
  await expect(panel.getByRole("button", { name: /created by StorageService\.upload/ })).toBeVisible();

  expect(await violations()).toEqual([]);
});

// Its own guards: a blocked script is exactly the console error the shared fixture forbids.
bare("the policy is enforced: the page may not run an inline script", async ({ page, context }) => {
  await context.route("**/*", (route) =>
    /^http:\/\/127\.0\.0\.1[:/]/.test(route.request().url()) ? route.continue() : route.abort(),
  );
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  const violations = await recordViolations(page);
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Lessons" })).toBeVisible();
  const ran = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__inlineRan = true;";
    document.head.append(script);
    return "__inlineRan" in window;
  });
  expect(ran).toBe(false);
  // Once per policy in force: the header's and the meta tag's.
  const blocked = expect.stringMatching(/^script-src(-elem)? blocked inline/);
  await expect.poll(violations).toEqual([blocked, blocked]);
  expect(consoleErrors.length).toBeGreaterThan(0);
  for (const error of consoleErrors) expect(error).toContain("Content Security Policy");
});
