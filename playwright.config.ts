/**
 * Browser tests: Debian's Chromium against the production build served by `vite preview` on 127.0.0.1.
 * Started through scripts/test-e2e.mjs, which finds the browser and a free port.
 */
import { defineConfig } from "@playwright/test";
import { budget, testBudget } from "./e2e/budgets.ts";
import { CHROMIUM_ARGS } from "./e2e/chromiumArgs.ts";

const port = Number(process.env.LEAK_LAB_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Every request not for 127.0.0.1 goes to a proxy on a loopback port nothing listens on, so the browser fails
 * it at once and nothing leaves the machine; e2e/fixtures.ts records each one and fails the test for it. A
 * proxy rather than a route that aborts them: a route pauses every request of the page for Playwright to look
 * at and turns the browser's cache off, which made each page load seconds slower on two cores (a reload
 * fetched and compiled Monaco again, each Run its worker's script).
 */
const OFFSITE_PROXY = { server: "http://127.0.0.1:9", bypass: "127.0.0.1" };

/**
 * Specs whose tests keep the browser busy for long stretches: runs of an hour or a day flat out, replays of the
 * night, the whole course with its checks, axe scans after a run. Two of them side by side on two cores starve
 * each other (and the app's watchdog, which counts real seconds, may then stop a healthy run), so they run one
 * at a time, each beside the light specs, which share the other worker.
 */
const BUSY_SPECS = [
  "courseWalk.spec.ts",
  "longRun.spec.ts",
  "liveRun.spec.ts",
  "replay.spec.ts",
  "accessibility.spec.ts",
  "readingLessons.spec.ts",
];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  // A test that opens a lesson and opens it again (a reload, a second tab); tests that do more say so with
  // test.setTimeout(testBudget(...)). Any one wait: a lesson's editor showing, the slowest step not budgeted on
  // its own (e2e/budgets.ts).
  timeout: testBudget({ lesson: 2 }),
  expect: { timeout: budget("lesson") },
  // The busy specs first, so the longest tests start at once and the light ones fill the other worker.
  projects: [
    { name: "busy", testMatch: BUSY_SPECS, workers: 1 },
    { name: "light", testIgnore: BUSY_SPECS },
  ],
  use: {
    baseURL,
    // A failed test keeps its trace (each step, its timing, the console and the network) and a screenshot of
    // where it stopped. Neither the film strip nor the DOM before and after each step: encoding a frame whenever
    // the page paints cost each test seconds of CPU, and copying Monaco's DOM at every step made the bad-input
    // spec a quarter slower (2.4 min against 1.8 min), recorded for every test to be kept for a failed one.
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: false },
    screenshot: "only-on-failure",
    // `vite preview` gzips every response as it sends it, the whole build (~13 MB) for each test's fresh
    // context: 0.4 s of the server's CPU per lesson opened, taken from the browser on two cores, to spare a
    // loopback nothing. The app does not depend on how its files travel.
    extraHTTPHeaders: { "Accept-Encoding": "identity" },
    proxy: OFFSITE_PROXY,
    // The app's service worker precaches the whole build (~13 MB, Monaco and its TypeScript worker) in every
    // test's fresh context: over a second of CPU per test for what only the offline specs look at. They allow
    // it (e2e/offline.spec.ts, e2e/subpath.spec.ts); the app carries on without one, as it must.
    serviceWorkers: "block",
    launchOptions: {
      executablePath: process.env.LEAK_LAB_CHROME ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
