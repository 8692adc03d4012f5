/**
 * The reading lessons: the report's exhibits on the page, questions that answer back and remember the answer,
 * and a lesson without checks completed by the learner.
 */
import { readFileSync } from "node:fs";
import { budget, testBudget } from "./budgets.ts";
import { expect, test } from "./fixtures.ts";

test("lesson 1 shows the page and the timeline, answers a question, and completes on request", async ({
  page,
}) => {
  await page.goto("/lessons/page");
  await expect(page.getByText("CRITICAL: cloudvault-api-prod-1 memory usage at 94%")).toBeVisible();
  const timeline = page.getByRole("list", { name: "Incident timeline" });
  await expect(timeline.getByRole("listitem")).toHaveCount(5);
  await expect(timeline).toContainText("exitCode: 137");

  const question = page.getByRole("group", { name: /quietest part of the night/ });
  await question.getByLabel(/A burst of uploads/).check();
  await expect(question.getByRole("status")).toContainText("Not quite.");
  await question.getByLabel(/keeps growing with time/).check();
  await expect(question.getByRole("status")).toContainText("Yes.");

  await page.getByRole("button", { name: "I have finished this lesson" }).click();
  await expect(page.getByText("✓ You have completed this lesson.")).toBeVisible();
  await page.reload();
  await expect(question.getByLabel(/keeps growing with time/)).toBeChecked();
  await expect(page.getByText("✓ You have completed this lesson.")).toBeVisible();
  await expect(page.getByText(/All lessons \(1 of \d+ complete\)/)).toBeVisible();
});

test("lesson 3 asks for a hypothesis that explains every exhibit", async ({ page }) => {
  await page.goto("/lessons/evidence");
  await expect(
    page.getByText("created by internal/services/storage.(*Service).Upload").first(),
  ).toBeVisible();
  const question = page.getByRole("group", { name: "Which hypothesis explains all three exhibits?" });
  await question.getByLabel(/never exit/).check();
  await expect(question.getByRole("status")).toContainText("Lessons 4 to 6");
});

test("a lesson keeps its answer to the report's question folded away until the lesson is completed", async ({
  page,
}) => {
  await page.goto("/lessons/evidence");
  const aside = page.getByRole("complementary", { name: "The report's question 1" });
  await expect(aside).toContainText("Why are goroutine counts growing unbounded?");
  const answer = aside.getByText(/not growing with load but with time/);
  await expect(answer).toBeHidden();
  await page.getByRole("button", { name: "I have finished this lesson" }).click();
  await expect(answer).toBeVisible();
  await page.reload();
  await expect(answer).toBeVisible();
  // A learner who wants it sooner opens it themselves.
  await page.goto("/lessons/upload");
  const upload = page.getByRole("complementary", { name: "The report's question 3" });
  await upload.getByText("Show the answer (try the lesson first)").click();
  await expect(upload.getByText(/nobody closes it/)).toBeVisible();
});

test("lesson 3 takes the heap profile, goroutine dump and logs from the replay and shows them beside the report's", async ({
  page,
}) => {
  await page.goto("/lessons/evidence");
  const replayHeap = page.getByTestId("replay-heap");
  await expect(page.getByText(/to see its heap profile here/)).toBeVisible();
  await page.getByRole("button", { name: "Take the evidence from the replay" }).click();
  // The replay of the night until pod 1's alert fires, three quarters of an hour in.
  await expect(page.getByRole("status").filter({ hasText: /alert fired at 03:4\d/ })).toBeVisible({
    timeout: budget("replayHour"),
  });
  // The same three sites in the report's order, each the `go` line of a service of the lessons.
  const sites = ((await replayHeap.textContent()) ?? "").match(/\S+\.ts:\d+/g);
  expect(sites?.map((site) => site.split(":")[0])).toEqual(["storage.ts", "sync.ts", "ratelimit.ts"]);
  await expect(page.locator('[data-exhibit="heap"]')).toContainText(
    /Shares of the three: 5\d% · 2\d% · 1\d%/,
  );
  // The report's two waits, from the replay's own goroutines.
  const dump = page.getByTestId("replay-goroutines");
  await expect(dump).toContainText(/\[chan receive, \d+ minutes\]:\nStorageService\.upload\.func1\(\)/);
  await expect(dump).toContainText(/\[select.*\]:\nSyncService\.watchChanges\.func1\(\)/);
  // A session's progress logged after its upload completed.
  const logs = ((await page.getByTestId("replay-logs").textContent()) ?? "").split("\n");
  const complete = logs.findIndex((line) => line.includes("Upload complete"));
  expect(complete).toBeGreaterThanOrEqual(0);
  expect(logs.slice(complete + 1).every((line) => line.includes("Upload progress"))).toBe(true);
  expect(logs.length).toBeGreaterThan(complete + 1);
});

test("the memory model page explains what the memory figure models, from the footer", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "How the memory figure is modelled" }).click();
  await expect(page.getByRole("heading", { name: "How Leak Lab counts memory", level: 1 })).toBeVisible();
  await expect(page.getByText("cannot weigh its own memory")).toBeVisible();
  await expect(page).toHaveTitle(/How Leak Lab counts memory/);
});

test("the postmortem keeps the learner's answers and downloads them with the report's questions", async ({
  page,
}) => {
  await page.goto("/lessons/postmortem");
  const first = page.getByLabel("1. Why are goroutine counts growing unbounded?");
  await first.fill("Goroutines started by normal work never exit.");
  await page
    .getByLabel("4. Is there a missing cancellation or cleanup mechanism?")
    .fill("Yes: ctx.Done() was missing.");
  await page.reload();
  await expect(first).toHaveValue("Goroutines started by normal work never exit.");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the postmortem (Markdown)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("cloudvault-postmortem.md");
  const text = readFileSync(await download.path(), "utf8");
  expect(text).toContain("# Postmortem: CloudVault API out of memory, 2024-01-15");
  expect(text).toContain(
    "1. **Why are goroutine counts growing unbounded?**\n\n   Goroutines started by normal work never exit.",
  );
  expect(text).toContain("Yes: ctx.Done() was missing.");
  expect(text).toContain("| Fix the upload leak |");
});

test("the postmortem's before is the learner's run of the starter and its after their run of the fix", async ({
  page,
}) => {
  test.setTimeout(testBudget({ lesson: 2, hourFlatOut: 2 }));
  await page.goto("/lessons/upload");
  await expect(page.getByTestId("code-editor")).toContainText("leak-lab/runtime");
  await page.getByLabel("Speed").selectOption({ label: "as fast as possible" });
  await page.getByLabel("Run for").selectOption({ label: "1 hour" });
  const status = page.getByTestId("run-status");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status).toHaveText("finished", { timeout: budget("hourFlatOut") });
  const leakyHandles = await page.getByTestId("handle-count").textContent();
  await page.getByRole("button", { name: "Show solution" }).click();
  await page.getByRole("button", { name: "Apply the solution" }).click();
  await page.getByRole("button", { name: "Keep it" }).click();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status).toHaveText("running");
  await expect(status).toHaveText("finished", { timeout: budget("hourFlatOut") });

  await page.goto("/lessons/postmortem");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download the postmortem (Markdown)" }).click(),
  ]);
  const text = readFileSync(await download.path(), "utf8");
  const row = text.split("\n").find((line) => line.startsWith("| Fix the upload leak |")) ?? "";
  const [before, after] = row
    .split("|")
    .slice(-3, -1)
    .map((cell) => cell.trim());
  expect(before).toMatch(new RegExp(`^${leakyHandles} handles, \\d+ MiB after 60 min$`));
  const handlesIn = (cell: string | undefined) => Number(cell?.split(" ")[0]?.replace(/,/g, ""));
  expect(handlesIn(after)).toBeLessThan(handlesIn(before) / 4);
  expect(after).toMatch(/ MiB after 60 min$/);
});

test("lesson 7 replays the night with the three fixes and asks what a level line means", async ({ page }) => {
  await page.goto("/lessons/prove-it");
  await expect(page.getByRole("heading", { name: "Prove it", level: 1 })).toBeVisible();
  await expect(page.getByText(/your saved code|solution/i).first()).toBeVisible();
  const question = page.getByRole("group", { name: /rose every morning/ });
  await question.getByLabel(/follow traffic/).check();
  await expect(question.getByRole("status")).toContainText("load and a leak");
});
