/**
 * Check results as data, the same in the browser and in `npm run check`: a status, one entry per check, and
 * the leaks grouped by creation site (goleak's "found unexpected goroutines", as numbers).
 */

import { clipText } from "../runtime/clipText.ts";
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

/** A problem with the learner's module itself rather than with its behaviour. */
export class LearnerCodeError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = "LearnerCodeError";
  }
}

/**
 * Characters of a thrown message a check keeps: well under MAX_LOG_TEXT, so the words a check puts around it
 * (`panic: …`, and the line it happened at) still fit in what the page is sent.
 */
export const MAX_THROWN_TEXT = 1500;

/** What a thrown value says, cut to MAX_THROWN_TEXT: an Error's message, a thrown string, anything else as text. */
export function thrownMessage(value: unknown): string {
  return clipText(thrownText(value), MAX_THROWN_TEXT);
}

function thrownText(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
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
