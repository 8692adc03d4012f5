/**
 * Bad input in the editor (issue 9's matrix): for each kind of broken or hostile code pasted over the upload
 * starter, Run shows a clear message (at its line where there is one) in the run's error panel, the page stays
 * responsive (the editor takes typing after the failure), and saved work is untouched: the lesson's own entry
 * holds exactly what the learner pasted and typed, every other lesson's entry is as it was.
 * The same matrix for the Node grader is cli/hostileInput.test.ts; docs/security-cases.md lists both.
 */
import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { budget, type Step, testBudget } from "./budgets.ts";
import { pasteIntoEditor } from "./editorHelpers.ts";
import { expect, test } from "./fixtures.ts";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** The page's storage, for code passed to page.evaluate (it runs in the browser; this file type-checks in Node). */
declare const localStorage: {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
};

const STARTER = readFileSync("lessons/04-upload/storage.ts", "utf8");
const CODE_KEY = "leak-lab:code:upload";
/** Another lesson's saved work, which no run of the upload lesson may touch. */
const OTHER_KEY = "leak-lab:code:sync";
const OTHER_ENTRY = JSON.stringify({
  format: 1,
  versions: [{ starter: "00000000", files: { "sync.ts": "// my sync work" }, savedAt: 0 }],
});

const IMPORT = 'from "leak-lab/runtime";';
const UPLOAD_STARTS = 'log.info("Upload started", { session: sessionId });';

function lineIn(text: string, snippet: string): number {
  const index = text.indexOf(snippet);
  if (index < 0) throw new Error(`no ${snippet} in the code`);
  return text.slice(0, index).split("\n").length;
}

/** The starter with `code` on its own line right after the import: it runs while the module loads. */
function atLoad(code: string): { code: string; line: number } {
  const text = STARTER.replace(IMPORT, `${IMPORT}\n${code}`);
  return { code: text, line: lineIn(STARTER, IMPORT) + 1 };
}

/** The starter with `code` as the first statement of upload(): it runs in every upload's task. */
function inUpload(code: string): { code: string; line: number } {
  return { code: STARTER.replace(UPLOAD_STARTS, code), line: lineIn(STARTER, UPLOAD_STARTS) };
}

const STOPPED =
  "Stopped: your code ran for 3 seconds without waiting on anything (a loop that never awaits?). Your code is untouched.";
const NO_CLASS = "storage.ts must export the class StorageService";

const syntax = {
  code: STARTER.replace("chan<number>(16)", "chan<number>(16;"),
  line: lineIn(STARTER, "chan<number>(16)"),
};
const typeError = atLoad('const probe: number = "not a number";');
const throwAtLoad = atLoad('throw new Error("refused at load");');
const throwInTask = inUpload('go(async () => { throw new Error("refused in a task"); });');
const hugePanic = inUpload('go(async () => { throw new Error("x".repeat(5_000_000)); });');
const rejection = inUpload('void Promise.reject(new Error("nobody waits for me"));');
const hugeError = atLoad('throw new Error("x".repeat(5_000_000));');
const recursion = atLoad("const deeper = (n: number): number => deeper(n + 1) + 1; deeper(0);");
// Mutex joins the starter's import for this one.
const deadlock = inUpload("const mu = new Mutex(); go(async () => { await mu.lock(); await mu.lock(); });");
const PADDING = `// ${"padding ".repeat(9)}\n`;

interface Case {
  readonly name: string;
  readonly code: string;
  /** The run error panel's whole text; undefined: the run has no error (see `expectation`). */
  readonly error?: RegExp | string;
  /** What else shows the outcome, for cases whose answer is not (only) the error panel. */
  readonly expectation?: (page: Page) => Promise<void>;
  /** The file is too big for the browser's storage: a notice says it is not saved, and the entry is left alone. */
  readonly overQuota?: true;
  /** Slow steps the case waits for beyond opening the lesson and a ten-minute run (e2e/budgets.ts). */
  readonly work?: Partial<Record<Step, number>>;
}

/** Ten minutes of virtual time flat out: every case's run, unless its code stops it sooner. */
const RUN_ENDS = budget("tenMinutesFlatOut");

const CASES: readonly Case[] = [
  {
    name: "a syntax error",
    code: syntax.code,
    error: `storage.ts:${syntax.line}: syntax error: Unexpected token, expected ","`,
  },
  {
    name: "a type error",
    code: typeError.code,
    work: { typescript: 1 },
    expectation: async (page) => {
      // Types are the editor's business (Run strips them, like the TypeScript playground): marked at the line,
      // F8 goes to it and shows the compiler's message.
      await expect(page.getByTestId("run-status")).toHaveText("finished", { timeout: RUN_ENDS });
      await page.getByRole("textbox", { name: "Code editor" }).focus();
      // At the top of the file, where the squiggle under the line is drawn once the TypeScript worker has marked
      // it; F8 goes from there to the first problem, as it would from the end, where the paste left the cursor.
      await page.keyboard.press("ControlOrMeta+Home");
      await expect(page.locator(".code-editor .view-overlays .squiggly-error").first()).toBeVisible({
        timeout: budget("typescript"),
      });
      await page.keyboard.press("F8");
      const problem = page.locator(".code-editor .zone-widget .marker-widget");
      await expect(problem).toContainText("Type 'string' is not assignable to type 'number'.");
      await expect(page.locator(".code-editor .line-numbers.active-line-number")).toHaveText(
        String(typeError.line),
      );
      await page.keyboard.press("Escape");
    },
  },
  {
    name: "a throw at load",
    code: throwAtLoad.code,
    error: `storage.ts:${throwAtLoad.line}: refused at load`,
  },
  {
    // Clipped like a log line (MAX_LOG_TEXT in src/runtime/clipText.ts: 2,000 characters), saying how much was
    // left out; the same text goes to the log panel and the editor's marker.
    name: "a 5 MB error message",
    code: hugeError.code,
    error: `storage.ts:${hugeError.line}: ${"x".repeat(2000)}… (4,998,000 more characters)`,
  },
  {
    name: "a throw inside a task",
    code: throwInTask.code,
    error: `storage.ts:${throwInTask.line}: panic: refused in a task`,
  },
  {
    name: "a 5 MB panic in a task",
    code: hugePanic.code,
    error: `storage.ts:${hugePanic.line}: panic: ${"x".repeat(2000)}… (4,998,000 more characters)`,
  },
  {
    name: "an unhandled rejection",
    code: rejection.code,
    error: `storage.ts:${rejection.line}: panic: nobody waits for me (a promise rejected and nothing awaited it)`,
  },
  { name: "while (true) {} at load", code: atLoad("while (true) {}").code, error: STOPPED },
  { name: "while (true) {} inside a task", code: inUpload("while (true) {}").code, error: STOPPED },
  { name: "an endless microtask loop", code: inUpload("for (;;) await null;").code, error: STOPPED },
  {
    name: "unbounded recursion",
    code: recursion.code,
    error: `storage.ts:${recursion.line}: Maximum call stack size exceeded`,
  },
  {
    // Arrays until the worker dies: the watchdog hears nothing while the worker's heap thrashes and stops it
    // (if the worker ran out of memory first, its error event says it crashed).
    name: "an allocation bomb",
    code: atLoad(
      "go(async () => { const hoard: number[][] = []; for (;;) { hoard.push(new Array(1_000_000).fill(1)); await time.sleep(1); } });",
    ).code,
    error: new RegExp(`^(${STOPPED.replace(/[.()?]/g, "\\$&")}|The run's worker crashed\\.)$`),
  },
  {
    name: "a log flood of a million lines",
    code: atLoad(
      'go(async () => { for (let i = 0; i < 1_000_000; i++) { console.log("flood", i); if (i % 10_000 === 0) await time.sleep(1); } });',
    ).code,
    // A million lines made, clipped and dropped on top of the run: about twice a plain run's CPU.
    work: { tenMinutesFlatOut: 1 },
    expectation: async (page) => {
      await expect(page.getByTestId("run-status")).toHaveText("finished", {
        timeout: budget("tenMinutesFlatOut", 2),
      });
      const dropped = page.getByText(/[\d,]+ older lines dropped to keep the page fast/);
      await expect(dropped).toBeVisible();
      expect(Number((await dropped.textContent())?.replace(/\D/g, ""))).toBeGreaterThan(990_000);
    },
  },
  {
    // Made at load, a million tasks take longer than the watchdog allows.
    name: "a million go(...) calls",
    code: atLoad("for (let i = 0; i < 1_000_000; i++) go(async () => {});").code,
    error: STOPPED,
  },
  {
    // Within a live run the traffic's timers never let the whole program deadlock; the stuck task shows in
    // the dump, by the line that started it and the lock it waits for.
    name: "a deadlock",
    code: deadlock.code.replace("chan, go,", "chan, go, Mutex,"),
    expectation: async (page) => {
      await expect(page.getByTestId("run-status")).toHaveText("finished", { timeout: RUN_ENDS });
      await expect(
        page.getByRole("button", {
          name: `[sync.Mutex.Lock] created by StorageService.upload at storage.ts:${deadlock.line}`,
        }),
      ).toBeVisible();
    },
  },
  {
    name: "a wrong export",
    code: STARTER.replace("export class StorageService", "export class StorageSvc"),
    error: NO_CLASS,
  },
  {
    name: "a missing export",
    code: STARTER.replace("export class StorageService", "class StorageService"),
    error: NO_CLASS,
  },
  { name: "an empty file", code: "\n", error: NO_CLASS },
  {
    name: "a 5 MB file",
    code: `${STARTER}${PADDING.repeat(Math.ceil((5 * 1024 * 1024) / PADDING.length))}`,
    overQuota: true,
    // Monaco takes the 5 MB pasted in about as long as it takes to open the lesson.
    work: { lesson: 1 },
    expectation: async (page) => {
      await expect(page.getByTestId("run-status")).toHaveText("finished", { timeout: RUN_ENDS });
      await expect(page.getByTestId("handle-count")).not.toHaveText("0");
    },
  },
];

function savedCode(page: Page): Promise<string | undefined> {
  return page.evaluate((key) => {
    const entry = localStorage.getItem(key);
    return entry === null ? undefined : JSON.parse(entry).versions[0].files["storage.ts"];
  }, CODE_KEY);
}

function otherEntry(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), OTHER_KEY);
}

async function typeAtEnd(page: Page, editor: Locator, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Code editor" }).focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(text);
  await expect(editor).toContainText(text);
}

test.describe("bad input in the editor", () => {
  for (const testCase of CASES) {
    test(`${testCase.name}: a clear message, a responsive page, saved work untouched`, async ({ page }) => {
      test.setTimeout(testBudget({ lesson: 1, tenMinutesFlatOut: 1 }, testCase.work ?? {}));
      await page.goto("/");
      await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
        key: OTHER_KEY,
        value: OTHER_ENTRY,
      });
      await page.goto("/lessons/upload");
      const editor = page.getByTestId("code-editor");
      await expect(editor).toContainText("leak-lab/runtime");
      await page.getByLabel("Speed").selectOption({ label: "as fast as possible" });
      await page.getByLabel("Run for").selectOption({ label: "10 minutes" });

      const { code } = testCase;
      await pasteIntoEditor(page, code, code.trim().split("\n").at(-1)?.slice(0, 20) ?? "");
      if (testCase.overQuota) {
        await expect(
          page.getByRole("alert").filter({ hasText: "storage for this site is full" }),
        ).toBeVisible();
      } else {
        await expect.poll(() => savedCode(page)).toBe(code);
      }

      await page.getByRole("button", { name: "Run", exact: true }).click();
      const error = page.locator(".run-error");
      if (testCase.error !== undefined) await expect(error).toHaveText(testCase.error);
      await testCase.expectation?.(page);
      if (testCase.error === undefined) await expect(error).toHaveCount(0);

      // The page answers: typing goes into the editor and is saved as typed; the other lesson's work is as it was.
      const typed = "// still here";
      await typeAtEnd(page, editor, typed);
      if (!testCase.overQuota) await expect.poll(() => savedCode(page)).toBe(`${code}${typed}`);
      else expect(await savedCode(page)).toBeUndefined();
      expect(await otherEntry(page)).toBe(OTHER_ENTRY);
    });
  }
});
