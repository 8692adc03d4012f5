/**
 * The globals learner code sees in the sandbox and the grader: timers on the virtual clock, and a console
 * whose lines go to the run's log. Nothing else: no DOM, no network, no storage.
 */
declare function setTimeout(
  callback: (...args: unknown[]) => unknown,
  ms?: number,
  ...args: unknown[]
): number;
declare function setInterval(
  callback: (...args: unknown[]) => unknown,
  ms?: number,
  ...args: unknown[]
): number;
declare function clearTimeout(id: number | undefined): void;
declare function clearInterval(id: number | undefined): void;
declare const console: {
  log(...values: unknown[]): void;
  info(...values: unknown[]): void;
  warn(...values: unknown[]): void;
  error(...values: unknown[]): void;
};
