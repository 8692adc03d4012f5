/**
 * How long the browser tests wait for the app's slow steps, and how long a whole test may take: the sum of the
 * steps it takes. Not guesses: each step's budget is the CPU it costs the browser, measured, times how much
 * slower it may run where `npm test` must still pass.
 *
 * That is a two-core machine with a CPU-bound process beside the suite's two browsers. There a browser gets a
 * third of a core or so when all are busy, and a step takes about three times the CPU time it needs; the
 * budgets give it twice that (SLOWDOWN), for a shared machine's noise. A step slower than its budget there is
 * a regression worth a failure, and the failure names the step.
 */

/** How much longer than its CPU time a step may take (three for a third of a core, two for noise). */
const SLOWDOWN = 6;

/**
 * Seconds of CPU each step costs the browser's processes, measured with Debian's Chromium 156 against the
 * production build on a two-core machine (the largest of several tries, rounded up).
 */
const CPU_SECONDS = {
  /** A fresh browser context and its first page (the test's own, before it does anything). */
  context: 2,
  /** A lesson opened or reloaded until its editor shows the file: Monaco's ~3.5 MB of script compiled. */
  lesson: 5,
  /** The editor's TypeScript worker's first answer: its 7 MB of script, the file and the runtime's types. */
  typescript: 4,
  /** Check my fix: the lesson's checks on the learner's code, in a fresh worker. */
  check: 4,
  /** A live run of ten minutes of virtual time, as fast as possible. */
  tenMinutesFlatOut: 3,
  /** A live run of an hour of virtual time, as fast as possible. */
  hourFlatOut: 5,
  /** A live run of a day of virtual time, as fast as possible (the pod OOM-killed and restarted on the way). */
  dayFlatOut: 34,
  /** An incident replay of an hour of the three pods. */
  replayHour: 5,
  /** An axe-core scan of a whole lesson page. */
  axeScan: 8,
  /** A Go build in a fresh worker: its chunk and the grammar's WebAssembly fetched and compiled, one file built. */
  goBuild: 2,
} as const;

export type Step = keyof typeof CPU_SECONDS;

/** How long a test waits for one step, in ms. */
export function budget(step: Step, times = 1): number {
  return CPU_SECONDS[step] * times * SLOWDOWN * 1000;
}

/**
 * The rest of a test, in ms: clicks, key presses and typing, page navigations without Monaco, each quick alone
 * but tens of them in a test, each a round trip to a busy browser.
 */
const QUICK_STEPS = 30_000;

/**
 * How long a test may take in all, in ms: its context, the slow steps it waits for (each list adds to the
 * others), and its quick ones.
 */
export function testBudget(...steps: Partial<Record<Step, number>>[]): number {
  let total = budget("context") + QUICK_STEPS;
  for (const list of steps) {
    for (const [step, times] of Object.entries(list) as [Step, number][]) total += budget(step, times);
  }
  return total;
}
