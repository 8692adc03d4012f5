/**
 * Offline after one visit (issue 7): the service worker precaches the build, so with the browser offline and
 * the server unreachable a reload still opens a lesson, loads the editor and its workers, and runs the service.
 */
import type { BrowserContext, Page } from "@playwright/test";
import { budget, testBudget } from "./budgets.ts";
import { expect, test } from "./fixtures.ts";

/** The page's service worker container, in code passed to the browser (this file type-checks in Node). */
declare const navigator: { readonly serviceWorker: { readonly ready: Promise<unknown> } };

// What these tests are about: the rest of the suite blocks the service worker (playwright.config.ts).
test.use({ serviceWorkers: "allow" });

/** Waits until the service worker has precached the build and controls the page. */
async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/**
 * Takes the browser offline and makes the server unreachable as well (Chromium's offline switch may not cover
 * a service worker's own requests): returns the requests that still tried the network.
 */
async function goOffline(context: BrowserContext): Promise<string[]> {
  const attempts: string[] = [];
  await context.setOffline(true);
  await context.route("**/*", (route) => {
    attempts.push(route.request().url());
    return route.abort("internetdisconnected");
  });
  return attempts;
}

test("after one visit, a reload with the browser offline opens the lesson and runs it", async ({
  page,
  context,
}) => {
  // The lesson opened twice (the second time from the service worker's cache), and a run.
  test.setTimeout(testBudget({ lesson: 2, hourFlatOut: 1 }));
  await page.goto("/lessons/upload");
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
  await waitForOfflineReady(page);

  const attempts = await goOffline(context);
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole("heading", { level: 1, name: "Fix the upload leak" })).toBeVisible();
  await expect(page.getByTestId("code-editor")).toContainText("export interface Notifier {");

  await page.getByLabel("Speed").selectOption({ label: "as fast as possible" });
  await page.getByLabel("Run for").selectOption({ label: "1 hour" });
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveText(/running|finished/);
  await expect(page.getByTestId("run-status")).toHaveText("finished", { timeout: budget("hourFlatOut") });
  const handles = Number((await page.getByTestId("handle-count").textContent())?.replace(/,/g, ""));
  expect(handles).toBeGreaterThan(100);

  // Only the navigation itself tried the network (network first); every file came from the cache.
  expect(attempts.filter((url) => !url.endsWith("/lessons/upload"))).toEqual([]);
});

test("offline, a deep link to a lesson never visited opens it from the cached app", async ({
  page,
  context,
}) => {
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Lessons" })).toBeVisible();
  await waitForOfflineReady(page);

  await goOffline(context);
  await page.goto("/lessons/sync");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No such lesson" })).toHaveCount(0);
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
});
