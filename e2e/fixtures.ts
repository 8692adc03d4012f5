/**
 * The `test` every browser test uses. Two guards run around each test, automatically:
 * - no request may leave 127.0.0.1: each one is recorded (page, workers and all) and the test fails listing
 *   them; the browser itself cannot send them anywhere (playwright.config.ts gives every context a proxy
 *   that refuses them);
 * - no console error or uncaught exception may happen on any page the test opens.
 */
import { test as base, expect, type Page } from "@playwright/test";

const LOCAL_ORIGIN = /^(https?|wss?):\/\/127\.0\.0\.1(:\d+)?\//;
const LOCAL_SCHEMES = /^(data|blob|about):/;

interface Guards {
  /** Requests that tried to leave 127.0.0.1 so far. */
  readonly offsiteRequests: string[];
  /** Console errors and uncaught exceptions so far. */
  readonly pageErrors: string[];
}

/** What fails a test at its end; exported so the guards' own tests can show that it does. */
export function expectNoViolations(guards: Guards): void {
  expect(guards.offsiteRequests, "requests that left 127.0.0.1").toEqual([]);
  expect(guards.pageErrors, "console errors on the page").toEqual([]);
}

export const test = base.extend<{ guards: Guards }>({
  guards: [
    async ({ context, page }, use) => {
      const guards: Guards = { offsiteRequests: [], pageErrors: [] };
      const isLocal = (url: string) => LOCAL_ORIGIN.test(url) || LOCAL_SCHEMES.test(url);
      const record = (url: string) => {
        if (!isLocal(url) && !guards.offsiteRequests.includes(url)) guards.offsiteRequests.push(url);
      };
      // Every request of the context, the page's, its workers' and service worker's; WebSockets below.
      context.on("request", (request) => record(request.url()));
      // Every page of the test: the one it starts with and any it opens (a second tab, a tab reopened after a crash).
      const watch = (watched: Page) => {
        watched.on("websocket", (socket) => record(socket.url()));
        watched.on("console", (message) => {
          if (message.type() === "error") guards.pageErrors.push(`console.error: ${message.text()}`);
        });
        watched.on("pageerror", (error) => guards.pageErrors.push(`uncaught: ${error.message}`));
      };
      watch(page);
      context.on("page", watch);

      await use(guards);
      expectNoViolations(guards);
    },
    { auto: true },
  ],
});

export { expect };
