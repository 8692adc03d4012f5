/** The page's clock, for tests that must know whether a timer of the page has fired yet. */
import type { Page } from "@playwright/test";

/**
 * Stops the page's clock where it is (it must have been installed with page.clock.install()): timers wait
 * until the test moves it on with page.clock.runFor. A jump forward would fire every timer due on the way at
 * once, which Monaco's own timers do not expect.
 */
export async function pauseClock(page: Page): Promise<void> {
  // A second ahead of the page's clock: it is still in the future when the pause lands.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
}
