/**
 * The guards in fixtures.ts are what make "no network at run time" and "no console errors" hold for every
 * other browser test, so they get tests of their own; so do the switches every test's browser is launched with
 * (chromiumArgs.ts), which a Playwright upgrade could quietly undo.
 */
import { readFileSync } from "node:fs";
import { OMNIBOX_POPUP_FEATURES } from "./chromiumArgs.ts";
import { expect, expectNoViolations, test } from "./fixtures.ts";

test.describe("the guards around every browser test", () => {
  // The built page's Content-Security-Policy (build/cspPlugin.ts) already refuses a fetch to another host; the
  // guard is the second line behind it, so it is tested with the policy out of the way.
  test.use({ bypassCSP: true });

  test("block and record a request beyond 127.0.0.1, and fail the test for it", async ({ page, guards }) => {
    await page.goto("/");
    const outcome = await page.evaluate(() =>
      fetch("http://192.0.2.1/tracker.gif").then(
        () => "reached",
        () => "blocked",
      ),
    );
    expect(outcome).toBe("blocked");
    expect(guards.offsiteRequests).toEqual(["http://192.0.2.1/tracker.gif"]);
    expect(() => expectNoViolations(guards)).toThrow(/requests that left 127\.0\.0\.1/);
    // Cleared so that this test, having shown the failure, ends green.
    guards.offsiteRequests.length = 0;
    guards.pageErrors.length = 0;
  });

  test("record a console error on the page, and fail the test for it", async ({ page, guards }) => {
    await page.goto("/");
    await page.evaluate(() => console.error("something broke"));
    await expect.poll(() => guards.pageErrors).toEqual(["console.error: something broke"]);
    expect(() => expectNoViolations(guards)).toThrow(/console errors on the page/);
    guards.pageErrors.length = 0;
  });

  test("record a console error on a second tab the test opens", async ({ context, guards }) => {
    const second = await context.newPage();
    await second.goto("/");
    await second.evaluate(() => console.error("broke in the second tab"));
    await expect.poll(() => guards.pageErrors).toEqual(["console.error: broke in the second tab"]);
    guards.pageErrors.length = 0;
  });
});

test.describe("the browser the tests drive", () => {
  test("draws no address-bar pop-up, which cost each test's context a renderer of its own", async ({
    browser,
    page,
  }) => {
    await page.goto("about:blank");
    const session = await browser.newBrowserCDPSession();
    const { targetInfos } = await session.send("Target.getTargets");
    const browserUi = targetInfos
      .filter((target) => target.type === "browser_ui")
      .map((target) => target.url);
    expect(browserUi).toEqual([]);
    await session.detach();
  });

  test("keeps every feature Playwright turns off turned off, though Chromium reads only our list", async ({
    browser,
  }) => {
    const session = await browser.newBrowserCDPSession();
    const { processInfo } = await session.send("SystemInfo.getProcessInfo");
    await session.detach();
    const browserProcess = processInfo.find((process) => process.type === "browser");
    expect(browserProcess, "the browser's own process").toBeDefined();
    const switches = readFileSync(`/proc/${browserProcess?.id}/cmdline`, "utf8").split("\0");
    const lists = switches
      .filter((value) => value.startsWith("--disable-features="))
      .map((value) => value.slice("--disable-features=".length).split(","));
    // Chromium obeys the last list alone; a name in an earlier list (Playwright's) and missing from it is on.
    const obeyed = new Set(lists.at(-1));
    const switchedBackOn = lists.slice(0, -1).flatMap((list) => list.filter((name) => !obeyed.has(name)));
    expect(switchedBackOn).toEqual([]);
    expect([...obeyed]).toEqual(expect.arrayContaining(OMNIBOX_POPUP_FEATURES));
  });
});
