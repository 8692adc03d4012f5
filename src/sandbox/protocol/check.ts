/**
 * "Check my fix"'s protocol: the page sends the learner's file (and any companions); the worker runs the
 * lesson's checks on it, with a heartbeat while they run, and answers with one report or one error.
 */
import * as z from "zod/mini";
import {
  errorMessage,
  figure,
  heartbeat,
  jobProtocol,
  listOf,
  logText,
  name,
  runId,
  type Wire,
} from "./shared.ts";

/** Runs the lesson's checks on the learner's file; the worker answers with one `checked` message. */
export interface StartCheck {
  readonly type: "check";
  readonly runId: number;
  readonly lesson: string;
  readonly fileName: string;
  readonly source: string;
  /** Other lessons' files the checks run the learner's code with (lesson 8's test runs against lesson 4's). */
  readonly companions?: readonly CompanionSource[];
}

export interface CompanionSource {
  /** The name the checks ask for it by (see src/checks/lessonsWithChecks.ts). */
  readonly name: string;
  readonly fileName: string;
  readonly source: string;
}

/** src/checks/report.ts's CheckReport, as the page takes it. */
const checkReport = z.object({
  status: z.enum(["pass", "fail", "error"]),
  tests: listOf(
    z.object({
      name,
      status: z.enum(["pass", "fail"]),
      message: logText,
      detail: z.exactOptional(logText),
    }),
    100,
  ),
  leaks: listOf(z.object({ site: name, function: name, state: name, count: figure }), 1000),
  leakReport: logText,
  error: z.exactOptional(
    z.object({ message: logText, file: z.exactOptional(z.string()), line: z.exactOptional(figure) }),
  ),
});

const checkMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("checked"), runId, report: checkReport }),
  errorMessage,
  heartbeat,
]);
/** What a check's worker may say. */
export type CheckMessage = Wire<typeof checkMessage>;

/** A check ends with its report or its error. */
export const checkProtocol = jobProtocol(checkMessage, ["checked", "error"]);
