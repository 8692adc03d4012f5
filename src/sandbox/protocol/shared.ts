/**
 * What every job's protocol shares (docs/ARCHITECTURE.md#protocol): the checks a field of a message passes,
 * the heartbeat and the error every job may send, and how a job's union of messages becomes its JobProtocol.
 * One zod schema per job gives both the type the page handles (`Wire`, from z.infer) and the check it trusts
 * (safeParse), so the two cannot drift apart. The page trusts nothing from a worker: a message is checked
 * before it touches any state, so code running in the worker cannot forge its way into the page.
 */
import * as z from "zod/mini";
import { MAX_LOG_TEXT } from "../../runtime/clipText.ts";
import { LOG_TEXT_SLACK, MAX_NAME } from "./limits.ts";

// The page's Content-Security-Policy has no 'unsafe-eval'. Unless told not to, zod's first parse probes
// `new Function`, which the browser reports as a policy violation even though zod catches the throw.
z.config({ jitless: true });

/** A message's type as the page sees it: what the schema accepts, read-only all the way down. */
export type Wire<Schema extends z.ZodMiniType> = Frozen<z.output<Schema>>;

type Frozen<T> = T extends readonly (infer Item)[]
  ? readonly Frozen<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]: Frozen<T[Key]> }
    : T;

/** Any number but NaN. Infinity passes, as it always has (z.number() would refuse it). */
export const figure = z.custom<number>((value) => typeof value === "number" && !Number.isNaN(value));
export const runId = z.number();
/** See MAX_NAME. */
export const name = z.string().check(z.maxLength(MAX_NAME));
/**
 * Learner-made text: a log line or its fields, the message of a throw or a panic, a check's verdict. One 5 MB
 * string in the log list or an editor marker stalls the page, so too long is refused. Not cut here: the worker
 * clips them (clipText), so a longer one is not a message the worker sends, and the page only says yes or no,
 * never rewrites.
 */
export const logText = z.string().check(z.maxLength(MAX_LOG_TEXT + LOG_TEXT_SLACK));
export const listOf = <Item extends z.ZodMiniType>(item: Item, max: number) =>
  z.array(item).check(z.maxLength(max));

const runError = z.object({
  kind: z.enum(["syntax", "load", "panic", "deadlock", "timeout", "crash"]),
  message: logText,
  /** The line in the learner's file, when known. */
  line: z.exactOptional(figure),
});
export type RunError = Wire<typeof runError>;
export type RunErrorKind = RunError["kind"];

/** The job failed (the learner's code, or the job itself); a check's or a replay's last word. */
export const errorMessage = z.object({ type: z.literal("error"), runId, error: runError });
/** Sent on a real-time interval while a job works: silence means the worker is stuck in a loop. */
export const heartbeat = z.object({ type: z.literal("heartbeat"), runId });

/** How the page reads one job's messages. */
export interface JobProtocol<Message extends { readonly type: string }> {
  /** The message, if `data` is a well-formed message of this job's run `runId`; else undefined. */
  parse(data: unknown, runId: number): Message | undefined;
  /**
   * Whether `data`, which parse refused, was meant to end run `runId` (its error, its report, its replay).
   * Heartbeats keep coming after it, so the watchdog would never step in: the page ends the job itself.
   */
  isRefusedEnding(data: unknown, runId: number): boolean;
  /** Whether an accepted message is the job's last word. */
  isLast(message: Message): boolean;
}

/** What the learner is told when the worker's last word was refused: the alternative is waiting for ever. */
export const REFUSED_ENDING =
  "The worker's answer was too large or malformed for the page to take, so it was dropped. Your code is untouched.";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/**
 * A job's protocol from its union of messages: `endings` are the kinds that, refused, end the job; `isLast`
 * says which accepted message is its last (default: one of the `endings`; a run ends on `finished` instead). The discriminated union looks the type up among its own options
 * only ("constructor" or "toString" find nothing), and an accepted message is passed on as it came.
 */
export function jobProtocol<Schema extends z.ZodMiniType<{ readonly type: string }>>(
  schema: Schema,
  endings: readonly Wire<Schema>["type"][],
  isLast: (message: Wire<Schema>) => boolean = (message) => endings.includes(message.type),
): JobProtocol<Wire<Schema>> {
  const ofRun = (data: unknown, runId: number): data is Record<string, unknown> =>
    isRecord(data) && data.runId === runId && typeof data.type === "string";
  const parse = (data: unknown, runId: number) =>
    ofRun(data, runId) && schema.safeParse(data).success ? (data as Wire<Schema>) : undefined;
  return {
    parse,
    isRefusedEnding: (data, runId) =>
      ofRun(data, runId) &&
      (endings as readonly string[]).includes(data.type as string) &&
      parse(data, runId) === undefined,
    isLast,
  };
}
