/**
 * Check results as data, the same in the browser and in `npm run check`: a status, one entry per check, and
 * the leaks grouped by creation site (goleak's "found unexpected goroutines", as numbers).
 */

import type { LeakGroup } from "../runtime/views/formatLeaks.ts";

export type { LeakGroup };

export interface CheckResult {
  readonly name: string;
  readonly status: "pass" | "fail";
  /** One line: why it passed or failed. */
  readonly message: string;
  /**
   * The text the line stands for, whole (goleak's report with its stacks), for a monospace disclosure below
   * it. Bounded like the message: the checks cut what they quote to MAX_THROWN_TEXT.
   */
  readonly detail?: string;
}

/** Where the learner's code could not run: a syntax error, a throw at load, a missing export. */
export interface CheckError {
  readonly message: string;
  /** The learner's file name and line, when known. */
  readonly file?: string;
  readonly line?: number;
}

export interface CheckReport {
  /** "pass" when every check passes; "error" when the code could not be run at all. */
  readonly status: "pass" | "fail" | "error";
  readonly tests: readonly CheckResult[];
  /** Tasks, timers and tickers still live after traffic stopped and the service was closed. */
  readonly leaks: readonly LeakGroup[];
  readonly error?: CheckError;
  /** The goleak-style text of the leaks, for people. */
  readonly leakReport: string;
}

export function pass(name: string, message: string, detail?: string): CheckResult {
  return { name, status: "pass", message, ...(detail ? { detail } : {}) };
}

export function fail(name: string, message: string, detail?: string): CheckResult {
  return { name, status: "fail", message, ...(detail ? { detail } : {}) };
}

export function check(name: string, ok: boolean, passMessage: string, failMessage: string): CheckResult {
  return ok ? pass(name, passMessage) : fail(name, failMessage);
}
