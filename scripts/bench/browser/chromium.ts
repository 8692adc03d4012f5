/**
 * Debian's Chromium for the browser bench, launched as the browser tests launch it (playwright.config.ts), in a
 * context that blocks and records every request leaving 127.0.0.1 and every console error, as e2e/fixtures.ts
 * does: a figure measured while the page phoned home or threw would not be the product's.
 */
import { accessSync, constants } from "node:fs";
import { type Browser, type BrowserContext, chromium } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../../e2e/chromiumArgs.ts";

/** CHROME_PATH, else /usr/bin/chromium; `missing` names the path when it is not an executable. */
export function findChromium(): { path: string } | { missing: string } {
  const path = process.env.CHROME_PATH || "/usr/bin/chromium";
  try {
    accessSync(path, constants.X_OK);
    return { path };
  } catch {
    return { missing: path };
  }
}

const LOCAL_ORIGIN = /^(https?|wss?):\/\/127\.0\.0\.1(:\d+)?\//;
const LOCAL_SCHEMES = /^(data|blob|about):/;

/** What went wrong on the page while measuring; the bench refuses figures taken with any. */
export interface Violations {
  readonly offsiteRequests: string[];
  readonly pageErrors: string[];
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A fresh context whose pages are guarded; `violations` fills as things happen. */
export async function guardedContext(
  browser: Browser,
): Promise<{ context: BrowserContext; violations: Violations }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const violations: Violations = { offsiteRequests: [], pageErrors: [] };
  const isLocal = (url: string) => LOCAL_ORIGIN.test(url) || LOCAL_SCHEMES.test(url);
  const record = (url: string) => {
    if (!isLocal(url) && !violations.offsiteRequests.includes(url)) violations.offsiteRequests.push(url);
  };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    record(url);
    return route.abort("blockedbyclient");
  });
  context.on("request", (request) => record(request.url()));
  context.on("page", (page) => {
    page.on("websocket", (socket) => record(socket.url()));
    page.on("console", (message) => {
      if (message.type() === "error") violations.pageErrors.push(`console.error: ${message.text()}`);
    });
    page.on("pageerror", (error) => violations.pageErrors.push(`uncaught: ${error.message}`));
  });
  return { context, violations };
}

export function assertNoViolations(violations: Violations): void {
  const problems = [
    ...violations.offsiteRequests.map((url) => `request left 127.0.0.1: ${url}`),
    ...violations.pageErrors,
  ];
  if (problems.length > 0) throw new Error(`browser bench: the page misbehaved:\n  ${problems.join("\n  ")}`);
}
