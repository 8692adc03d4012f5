/**
 * The switches Debian's Chromium is launched with, by the browser tests (playwright.config.ts) and by the
 * browser bench (scripts/bench/browser/chromium.ts), so that a figure the bench measures is one of the browser
 * the tests drive.
 */

/**
 * Chromium features Playwright 1.65 turns off itself (its `chromiumSwitches`), repeated because Chromium keeps
 * only the last `--disable-features` switch it is given: a list of ours alone would switch theirs back on.
 * e2e/guards.spec.ts fails if a later Playwright turns off a feature this list lacks.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * The address bar's drop-down, which Chromium 156 draws as a web page of its own (a WebUI renderer) for every
 * window, headless or not: each test's fresh context paid about 1.2 s of that renderer's CPU and 0.3 s of the
 * browser's for a pop-up no test can open. Measured on two cores: 1.5 of the 6.6 CPU seconds a lesson opened in
 * a fresh context costs.
 */
export const OMNIBOX_POPUP_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  // Without the background-networking switches Chromium phones home at start, which this machine refuses.
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OMNIBOX_POPUP_FEATURES].join(",")}`,
];
