/**
 * The editor knows `leak-lab/runtime`: hovers show the runtime's own JSDoc, type errors are marked while typing
 * (before any Run), the lessons' starters and solutions have no problems at all, and the Tab-trap escape is
 * shown. Markers are read as a learner sees them: squiggles, hovers, and F8's "1 of N problems".
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { budget } from "./budgets.ts";
import { expect, test } from "./fixtures.ts";

/** A line with one type error, so "the only problem is this one" proves the rest of the file has none. */
const PROBE = 'const leakLabProbe: number = "x";';
const PROBE_MESSAGE = "Type 'string' is not assignable to type 'number'.";

const LESSONS = [
  { slug: "upload", folder: "04-upload", file: "storage.ts" },
  { slug: "sync", folder: "05-sync", file: "sync.ts" },
  { slug: "ratelimit", folder: "06-ratelimit", file: "ratelimit.ts" },
] as const;

/** The first sentence of an exported function's JSDoc in the runtime's source, as a hover renders it. */
function runtimeDoc(sourceFile: string, name: string): string {
  const source = readFileSync(`src/runtime/${sourceFile}`, "utf8");
  const before = source.slice(0, source.search(new RegExp(`export function ${name}\\b`)));
  const doc = /^\/\*\*([\s\S]*?)\*\/\s*$/.exec(before.slice(before.lastIndexOf("/**")))?.[1];
  if (!doc) throw new Error(`no JSDoc right above ${name} in src/runtime/${sourceFile}`);
  const text = doc
    .replace(/^\s*\* ?/gm, " ")
    .replaceAll("`", "")
    .replace(/\s+/g, " ")
    .trim();
  return text.split(". ")[0] ?? text;
}

interface ClipboardWindow {
  readonly navigator: { readonly clipboard: { writeText(text: string): Promise<void> } };
}

async function openLesson(page: Page, slug: string): Promise<void> {
  await page.goto(`/lessons/${slug}`);
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
}

/** Hovers a word of the code until Monaco's hover shows `text` (the TypeScript worker may still be starting). */
async function expectHover(page: Page, word: string, text: string): Promise<void> {
  const token = page.locator(".code-editor .view-line span span").getByText(word, { exact: true }).first();
  const hover = page.locator(".code-editor .monaco-hover:not(.hidden)");
  await expect(async () => {
    await page.mouse.move(0, 0);
    await token.hover();
    await expect(hover).toContainText(text, { timeout: 2_000 });
  }).toPass({ timeout: budget("typescript") });
}

/**
 * Puts `text` on the clipboard and focuses the editor, for a paste. A paste is one edit: no half-typed line
 * can leave markers of its own behind for the assertions to read.
 */
async function copyAndFocus(page: Page, text: string): Promise<void> {
  await page.evaluate(
    (value) => (globalThis as unknown as ClipboardWindow).navigator.clipboard.writeText(value),
    text,
  );
  await page.getByRole("textbox", { name: "Code editor" }).focus();
}

/** Asks F8 for the file's problems once the probe is marked: the probe must be the only one. */
async function expectOnlyTheProbe(page: Page): Promise<void> {
  const problems = page.locator(".code-editor .zone-widget").filter({ has: page.locator(".marker-widget") });
  // F8 shows nothing until the TypeScript worker has marked the file. It marks all of a version's problems at
  // once, so the probe's squiggle means the file's problems are all known (the starters have none before it).
  await expect(page.locator(".code-editor .view-overlays .squiggly-error").first()).toBeVisible({
    timeout: budget("typescript"),
  });
  await page.keyboard.press("F8");
  await expect(problems.locator(".marker-widget")).toContainText(PROBE_MESSAGE);
  await expect(problems.locator(".peekview-title")).toContainText(/\d+ of \d+ problems?/);
  await expect(problems.locator(".peekview-title")).toContainText("1 of 1 problem");
}

test("hovering a runtime function shows its documentation from the runtime's JSDoc", async ({ page }) => {
  await openLesson(page, "upload");
  await expectHover(page, "chan", runtimeDoc("chan.ts", "chan"));
  await expectHover(page, "go", runtimeDoc("index.ts", "go"));
});

test("a type error is underlined while typing, before any Run, with the compiler's message on hover", async ({
  page,
}) => {
  await openLesson(page, "upload");
  await page.getByRole("textbox", { name: "Code editor" }).focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(PROBE);
  await expect(page.getByTestId("code-editor")).toContainText(PROBE);
  const squiggle = page.locator(".code-editor .view-overlays .squiggly-error");
  await expect(squiggle.first()).toBeVisible({ timeout: budget("typescript") });
  await expect(page.getByTestId("run-status")).not.toHaveText(/running|finished/);
  // A hover keeps what it found when the mouse arrived; half-typed text had other problems, so hover anew.
  const hover = page.locator(".code-editor .monaco-hover:not(.hidden)");
  await expect(async () => {
    await page.mouse.move(0, 0);
    const box = await squiggle.last().boundingBox();
    if (!box) throw new Error("the squiggle has no box");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(hover).toContainText(PROBE_MESSAGE, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
});

for (const lesson of LESSONS) {
  test(`the ${lesson.slug} starter has no problems in the editor`, async ({ page }) => {
    await openLesson(page, lesson.slug);
    await copyAndFocus(page, `\n${PROBE}\n`);
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.press("ControlOrMeta+V");
    await expect(page.getByTestId("code-editor")).toContainText(PROBE);
    await expectOnlyTheProbe(page);
  });

  test(`the ${lesson.slug} solution has no problems in the editor`, async ({ page }) => {
    const solution = readFileSync(`solutions/${lesson.folder}/${lesson.file}`, "utf8");
    await openLesson(page, lesson.slug);
    // Pasted, as a learner copying a fix would; typed, auto-indent and auto-closing would change it.
    await copyAndFocus(page, `${solution.trimEnd()}\n${PROBE}\n`);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("ControlOrMeta+V");
    await expect(page.getByTestId("code-editor")).toContainText(PROBE);
    await expectOnlyTheProbe(page);
  });
}

test("the Tab-trap escape is shown, follows Ctrl+M, and can be switched from the keyboard", async ({
  page,
}) => {
  await openLesson(page, "upload");
  const tabSwitch = page.getByRole("switch", { name: /Tab moves focus/ });
  await expect(tabSwitch).toBeVisible();
  await expect(tabSwitch).toHaveAttribute("aria-checked", "false");
  await expect(tabSwitch).toContainText("Ctrl+M");

  const code = page.getByRole("textbox", { name: "Code editor" });
  await code.focus();
  await page.keyboard.press("Control+M");
  await expect(tabSwitch).toHaveAttribute("aria-checked", "true");
  await expect(tabSwitch).toContainText("on");
  // With the trap off, Tab leaves the editor for the switch right under it.
  await page.keyboard.press("Tab");
  await expect(tabSwitch).toBeFocused();
  await page.keyboard.press("Space");
  await expect(tabSwitch).toHaveAttribute("aria-checked", "false");
  await expect(tabSwitch).toContainText("Tab indents");
});
