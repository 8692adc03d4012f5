/**
 * The live run, for each service lesson: the leaky starter's handles climb over an hour of virtual time, the
 * solution's stay level, and the goroutine dump names the leaking go(...) line and takes the editor there.
 */
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { budget, testBudget } from "./budgets.ts";
import { pasteIntoEditor } from "./editorHelpers.ts";
import { expect, test } from "./fixtures.ts";

/** `fixed` is a line near the end of the solution, visible once it is pasted in. */
const LESSONS = [
  {
    slug: "upload",
    folder: "04-upload",
    file: "storage.ts",
    state: "chan receive",
    fixed: "private reclaimAbandoned(",
  },
  {
    slug: "sync",
    folder: "05-sync",
    file: "sync.ts",
    state: "select",
    fixed: "this.hub.unsubscribe(user, changes);",
  },
  {
    slug: "ratelimit",
    folder: "06-ratelimit",
    file: "ratelimit.ts",
    state: "chan receive",
    fixed: "if (!this.stopped.closed)",
  },
] as const;

/** The 1-based line of the first `go(` in a file. */
function goLine(text: string): number {
  return text.split("\n").findIndex((line) => /\bgo\(/.test(line)) + 1;
}

async function runFlatOut(page: Page): Promise<number> {
  await page.getByLabel("Speed").selectOption({ label: "as fast as possible" });
  await page.getByLabel("Run for").selectOption({ label: "1 hour" });
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveText("finished", { timeout: budget("hourFlatOut") });
  await expect(page.getByTestId("sim-clock")).toHaveText("01:00:00");
  return Number((await page.getByTestId("handle-count").textContent())?.replace(/,/g, ""));
}

for (const lesson of LESSONS) {
  test.describe(`the ${lesson.slug} lesson's live run`, () => {
    test.use({ permissions: ["clipboard-read", "clipboard-write"] });

    test("climbs with the starter, names the leaking go(...) line, and stays level with the fix", async ({
      page,
    }) => {
      test.setTimeout(testBudget({ lesson: 1, hourFlatOut: 2 }));
      const starter = readFileSync(`lessons/${lesson.folder}/${lesson.file}`, "utf8");
      const solution = readFileSync(`solutions/${lesson.folder}/${lesson.file}`, "utf8");
      await page.goto(`/lessons/${lesson.slug}`);
      await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");

      const leaky = await runFlatOut(page);
      expect(leaky).toBeGreaterThan(100);
      const site = `${lesson.file}:${goLine(starter)}`;
      const group = page.getByRole("button", {
        name: new RegExp(`\\[${lesson.state}\\].*${site.replace(".", "\\.")}`),
      });
      await expect(group.first()).toBeVisible();
      await group.first().click();
      // The cursor lands on the go(...) line: Monaco marks its number as the active one.
      await expect(page.locator(".code-editor .line-numbers.active-line-number")).toHaveText(
        String(goLine(starter)),
      );

      await pasteIntoEditor(page, solution, lesson.fixed);
      const fixed = await runFlatOut(page);
      expect(fixed).toBeLessThan(leaky / 4);
      await expect(page.locator(".run-error")).toHaveCount(0);
    });
  });
}

test("the traffic knobs shape the run: a tenth of the uploads leaks about a tenth of the reporters", async ({
  page,
}) => {
  test.setTimeout(testBudget({ lesson: 1, hourFlatOut: 2 }));
  await page.goto("/lessons/upload");
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
  const atDefault = await runFlatOut(page);
  await page.getByLabel("Uploads a minute", { exact: true }).fill("12");
  const atTenth = await runFlatOut(page);
  expect(atTenth).toBeLessThan(atDefault / 5);
  expect(atTenth).toBeGreaterThan(0);
});
