/**
 * The production build served from a sub-path (issue 7): built with `LEAK_LAB_BASE=/workshops/leak-lab/` by
 * scripts/test-e2e.mjs and served here by its own `vite preview`. A deep link opens its lesson, links and
 * requests stay under the base, the run worker loads from it, and the service worker's scope and precache
 * follow it, so the lesson reloads and runs offline there too.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { budget, testBudget } from "./budgets.ts";
import { expect, test } from "./fixtures.ts";

/** The page's service worker container, in code passed to the browser (this file type-checks in Node). */
declare const navigator: { readonly serviceWorker: { readonly ready: Promise<{ readonly scope: string }> } };

const DIST = process.env.LEAK_LAB_SUBPATH_DIST;
const BASE = process.env.LEAK_LAB_SUBPATH_BASE ?? "/workshops/leak-lab/";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url: string, preview: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (preview.exitCode !== null) throw new Error(`vite preview exited with ${preview.exitCode}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite preview did not serve ${url}`);
}

test.describe("the build served from a sub-path", () => {
  test.describe.configure({ mode: "serial" });
  // The service worker's scope is part of what is tested; the rest of the suite blocks it (playwright.config.ts).
  test.use({ serviceWorkers: "allow" });
  test.skip(!DIST || !existsSync(`${DIST}/index.html`), "run through scripts/test-e2e.mjs, which builds it");

  let preview: ChildProcess | undefined;
  let origin = "";

  test.beforeAll(async () => {
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    preview = spawn(
      process.execPath,
      [
        "node_modules/vite/bin/vite.js",
        "preview",
        "--outDir",
        String(DIST),
        "--host",
        "127.0.0.1",
        "--port",
        String(port),
        "--strictPort",
      ],
      { env: { ...process.env, LEAK_LAB_BASE: BASE }, stdio: "ignore" },
    );
    await waitUntilServing(`${origin}${BASE}`, preview);
  });

  test.afterAll(() => {
    preview?.kill();
  });

  test("a deep link opens its lesson, with links, files and the workers under the base", async ({ page }) => {
    test.setTimeout(testBudget({ lesson: 2, hourFlatOut: 1 }));
    const outside: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (!path.startsWith(BASE)) outside.push(path);
    });
    await page.goto(`${origin}${BASE}lessons/upload`);
    await expect(page.getByRole("heading", { level: 1, name: "Fix the upload leak" })).toBeVisible();
    await expect(page.getByTestId("code-editor")).toContainText("export interface Notifier {");

    await page.getByLabel("Speed").selectOption({ label: "as fast as possible" });
    await page.getByLabel("Run for").selectOption({ label: "1 hour" });
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page.getByTestId("run-status")).toHaveText("finished", { timeout: budget("hourFlatOut") });
    const handles = Number((await page.getByTestId("handle-count").textContent())?.replace(/,/g, ""));
    expect(handles).toBeGreaterThan(100);

    await page.getByRole("link", { name: "Leak Lab" }).first().click();
    await expect(page).toHaveURL(`${origin}${BASE}`);
    const lessonLink = page.getByRole("navigation", { name: "Lessons" }).getByRole("link", {
      name: /Fix the upload leak/,
    });
    await expect(lessonLink).toHaveAttribute("href", `${BASE}lessons/upload`);
    await lessonLink.click();
    await expect(page).toHaveURL(`${origin}${BASE}lessons/upload`);
    await expect(page.getByRole("heading", { level: 1, name: "Fix the upload leak" })).toBeVisible();
    expect(outside).toEqual([]);
  });

  test("the service worker's scope is the base, and the lesson reloads and runs offline there", async ({
    page,
    context,
  }) => {
    await page.goto(`${origin}${BASE}lessons/upload`);
    await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${origin}${BASE}`);

    await context.setOffline(true);
    await context.route("**/*", (route) => route.abort("internetdisconnected"));
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Fix the upload leak" })).toBeVisible();
    await expect(page.getByTestId("code-editor")).toContainText("export interface Notifier {");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page.getByTestId("run-status")).toHaveText(/running|finished/);
    await expect
      .poll(async () => Number((await page.getByTestId("handle-count").textContent())?.replace(/,/g, "")))
      .toBeGreaterThan(0);
  });

  test("a static host without a single-page fallback finds 404.html, a copy of the app", async ({
    request,
  }) => {
    const index = await (await request.get(`${origin}${BASE}index.html`)).text();
    const fallback = await request.get(`${origin}${BASE}404.html`);
    expect(await fallback.text()).toBe(index);
    expect(index).toContain(`src="${BASE}assets/`);
  });
});
