/**
 * Structured logs from learner code, stamped with virtual time and the task that wrote them, so that "Upload
 * progress after Upload complete" (evidence E7) can be read off a run. The host decides where they go.
 */
import { currentRuntime } from "./runtime.ts";

export type LogLevel = "info" | "warn" | "error";

export interface LogEntry {
  /** Virtual ms. */
  readonly t: number;
  readonly level: LogLevel;
  readonly message: string;
  readonly fields: Readonly<Record<string, unknown>> | undefined;
  /** The task that logged, if any. */
  readonly task: number | undefined;
}

function write(level: LogLevel, message: string, fields?: Record<string, unknown>): void {
  const runtime = currentRuntime();
  runtime.onLog?.({ t: runtime.now, level, message: String(message), fields, task: runtime.running?.id });
}

export const info = (message: string, fields?: Record<string, unknown>): void =>
  write("info", message, fields);
export const warn = (message: string, fields?: Record<string, unknown>): void =>
  write("warn", message, fields);
export const error = (message: string, fields?: Record<string, unknown>): void =>
  write("error", message, fields);
