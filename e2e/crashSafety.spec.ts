/**
 * The tab crashes (the renderer is killed through the DevTools protocol's Page.crash: no pagehide, no
 * visibilitychange, no unload, nothing of the page runs again) and a new tab on the same browser profile opens
 * the lesson. What survives is what autosave had written to localStorage before the crash:
 * - typing: every change is written SAVE_AFTER_MS (300 ms) after the first change not yet saved, so a crash
 *   loses at most the last 300 ms of typing, never anything older;
 * - Reset, Apply the solution: the code they replace is written as a write-ahead copy at the moment they are
 *   pressed, before the replacement can be saved over it, so it survives a crash at any moment after.
 * The page's clock is paused where a test must know whether the 300 ms have passed, so nothing depends on how
 * fast this machine types.
 */
import type { Page } from "@playwright/test";
import { openUpload, typeAtTop } from "./editorHelpers.ts";
import { expect, test } from "./fixtures.ts";
import { pauseClock } from "./pageClock.ts";

const CODE_KEY = "leak-lab:code:upload";
/** Autosave's delay (src/state/persist/watchEditorCode.ts SAVE_AFTER_MS). */
const SAVE_AFTER_MS = 300;
const FIXED = "The CloudVault storage service, fixed.";

/** The page's storage and events, for code passed to page.evaluate and addInitScript (they run in the browser). */
declare const localStorage: {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
};
declare const window: { addEventListener(type: string, listener: () => void): void };
declare const document: { addEventListener(type: string, listener: () => void): void };

interface StoredCode {
  readonly format: number;
  readonly versions: { readonly files: Record<string, string> }[];
  readonly beforeReplace: { readonly files: Record<string, string> }[];
}

function stored(page: Page): Promise<StoredCode | null> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? "null"), CODE_KEY);
}

/** The saved storage.ts, as the next tab would open it. */
async function savedText(page: Page): Promise<string | undefined> {
  return (await stored(page))?.versions[0]?.files["storage.ts"];
}

/**
 * Readies a crash of the tab: the returned function kills its renderer. The DevTools session is opened here, so a
 * test can open it before typing and crash the moment the typing ends. Page.crash gets no answer (what would
 * answer is gone), so only the crash event is awaited.
 */
async function armCrash(page: Page): Promise<() => Promise<void>> {
  const session = await page.context().newCDPSession(page);
  return async () => {
    const crashed = page.waitForEvent("crash");
    void session.send("Page.crash").catch(() => undefined);
    await crashed;
  };
}

async function crash(page: Page): Promise<void> {
  await (await armCrash(page))();
}

/** Records pagehide, visibilitychange and beforeunload, so a test can show none of them ran before the crash. */
async function recordExitEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    for (const [target, type] of [
      [window, "pagehide"],
      [window, "beforeunload"],
      [document, "visibilitychange"],
    ] as const) {
      target.addEventListener(type, () => {
        const seen = localStorage.getItem("crash-test:events") ?? "";
        localStorage.setItem("crash-test:events", `${seen}${type} `);
      });
    }
  });
}

/** A new tab on the same profile, after the crashed one is closed; its clock (if the test paused it) running. */
async function reopen(page: Page, clock: "paused" | "real" = "real"): Promise<Page> {
  const context = page.context();
  await page.close();
  if (clock === "paused") await context.clock.resume();
  const next = await context.newPage();
  await openUpload(next);
  return next;
}

test.describe("a tab that crashes", () => {
  test("in the middle of typing keeps everything saved before its last 300 ms", async ({ page }) => {
    await recordExitEvents(page);
    await page.clock.install();
    await openUpload(page);
    await pauseClock(page);

    await typeAtTop(page, "// typed, then saved");
    // The write is due SAVE_AFTER_MS after the first keystroke: not yet on a paused clock…
    expect(await savedText(page)).toBeUndefined();
    await page.clock.runFor(SAVE_AFTER_MS);
    // …and written once that time has passed.
    await expect.poll(() => savedText(page)).toContain("// typed, then saved");

    // Typed less than SAVE_AFTER_MS before the crash: its write was still waiting on the timer.
    await typeAtTop(page, "// typed in the last 300 ms");
    await crash(page);

    const next = await reopen(page, "paused");
    const editor = next.getByTestId("code-editor");
    await expect(editor).toContainText("// typed, then saved");
    await expect(editor).not.toContainText("// typed in the last 300 ms");
    // A real crash: the page was not told it was going.
    expect(await next.evaluate(() => localStorage.getItem("crash-test:events"))).toBeNull();
  });

  test("while typing at full speed keeps what the storage showed before the crash", async ({ page }) => {
    await openUpload(page);
    await typeAtTop(page, "// first line, saved");
    await expect.poll(() => savedText(page)).toContain("// first line, saved");
    const crashNow = await armCrash(page);
    await typeAtTop(page, "// second line");
    await crashNow();

    const next = await reopen(page);
    const editor = next.getByTestId("code-editor");
    await expect(editor).toContainText("// first line, saved");
    // Of the second line, what was typed up to SAVE_AFTER_MS after its first keystroke may have been written
    // (the write is timed from the first unsaved change): a beginning of it, from nothing to all of it.
    const text = (await savedText(next)) ?? "";
    const typedBefore = text.slice(0, text.indexOf("// first line, saved"));
    expect("// second line\n".startsWith(typedBefore)).toBe(true);
  });

  test("right after Reset, before the starter is saved, opens with the learner's code", async ({ page }) => {
    await openUpload(page);
    await typeAtTop(page, "// my attempt before Reset");
    await expect.poll(() => savedText(page)).toContain("// my attempt before Reset");
    // The fake clock goes in only now: Monaco times each keystroke with performance marks and measures, which a
    // fake clock running while it types can leave without entries (a TypeError on the page).
    await page.clock.install();
    await pauseClock(page);

    await page.getByRole("button", { name: "Reset to starter" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Reset" }).click();
    // The write-ahead copy is written at the click, not on a timer.
    await expect
      .poll(async () => (await stored(page))?.beforeReplace[0]?.files["storage.ts"])
      .toContain("// my attempt before Reset");
    await crash(page);

    const next = await reopen(page, "paused");
    await expect(next.getByTestId("code-editor")).toContainText("// my attempt before Reset");
  });

  test("after Reset has been saved keeps the learner's code in the read-only before/ tab", async ({
    page,
  }) => {
    await openUpload(page);
    await typeAtTop(page, "// my attempt before Reset");
    await expect.poll(() => savedText(page)).toContain("// my attempt before Reset");

    await page.getByRole("button", { name: "Reset to starter" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Reset" }).click();
    // The worst moment: the starter has been saved over the learner's code, and Ctrl+Z dies with the tab.
    await expect.poll(() => savedText(page)).not.toContain("// my attempt before Reset");
    await crash(page);

    const next = await reopen(page);
    const editor = next.getByTestId("code-editor");
    await expect(editor).not.toContainText("// my attempt before Reset");
    await expect(next.getByRole("status").filter({ hasText: "last replaced" })).toContainText("before/");
    await next.getByRole("tab", { name: /before\/storage\.ts/ }).click();
    await expect(editor).toContainText("// my attempt before Reset");
  });

  test("after Apply the solution has been saved keeps the learner's code in the before/ tab", async ({
    page,
  }) => {
    await openUpload(page);
    await typeAtTop(page, "// my attempt before Apply");
    await expect.poll(() => savedText(page)).toContain("// my attempt before Apply");

    await page.getByRole("button", { name: "Show solution" }).click();
    await page.getByRole("button", { name: "Apply the solution" }).click();
    await expect(page.getByRole("button", { name: "Undo: put my code back" })).toBeVisible();
    // Undo is on screen, but the solution is already what is saved: a crash now takes Undo with it.
    await expect.poll(() => savedText(page)).toContain(FIXED);
    await crash(page);

    const next = await reopen(page);
    const editor = next.getByTestId("code-editor");
    await expect(editor).toContainText(FIXED);
    await next.getByRole("tab", { name: /before\/storage\.ts/ }).click();
    await expect(editor).toContainText("// my attempt before Apply");
    await expect(editor).not.toContainText(FIXED);
  });
});
