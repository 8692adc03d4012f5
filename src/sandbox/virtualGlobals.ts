/**
 * The globals learner code sees in place of the host's (declared for the editor in learnerGlobals.d.ts): timers
 * on the virtual clock and a console whose lines go to the run's log. DOM-free, so the Node grader hands learner
 * code the same ones as the browser worker, and a file behaves alike in both.
 */
import { error, info, warn } from "../runtime/log.ts";
import { virtualClearTimer, virtualSetInterval, virtualSetTimeout } from "../runtime/timers.ts";

export interface LearnerGlobals {
  readonly setTimeout: typeof virtualSetTimeout;
  readonly setInterval: typeof virtualSetInterval;
  readonly clearTimeout: typeof virtualClearTimer;
  readonly clearInterval: typeof virtualClearTimer;
  readonly console: Readonly<
    Record<"log" | "info" | "warn" | "error" | "debug", (...values: unknown[]) => void>
  >;
}

/** A value as one log line's text: strings as they are, objects as JSON where they can be. */
export function safeText(value: unknown): string {
  try {
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}

const toLog =
  (write: (message: string) => void) =>
  (...values: unknown[]): void =>
    write(values.map((value) => (typeof value === "string" ? value : safeText(value))).join(" "));

export const learnerGlobals: LearnerGlobals = {
  setTimeout: virtualSetTimeout,
  setInterval: virtualSetInterval,
  clearTimeout: virtualClearTimer,
  clearInterval: virtualClearTimer,
  console: Object.freeze({
    log: toLog(info),
    info: toLog(info),
    warn: toLog(warn),
    error: toLog(error),
    debug: toLog(info),
  }),
};
