/**
 * What can go wrong with the learner's module itself, rather than with its behaviour, said the same way in the
 * live run, the checks and `npm run check`: one error type, which carries the file and line when known, and the
 * one wording for a missing export.
 */
import { clipText } from "../runtime/clipText.ts";

/** The learner's module could not be run: a syntax error, a throw at load, a missing export. */
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

/**
 * The exported class `name` of the learner's module, or a LearnerCodeError saying it must export it. The checks
 * also say what the module holds instead (`briefly: false`, the default): their report has room for it. A live
 * run's error line under Run keeps to the sentence (`briefly: true`).
 */
export function exportedClass<T>(
  exports: Readonly<Record<string, unknown>>,
  name: string,
  file: string,
  briefly = false,
): new (
  ...args: never[]
) => T {
  const value = exports[name];
  if (typeof value !== "function") {
    const others = Object.keys(exports).filter((key) => key !== "__esModule");
    const found = others.length > 0 ? `; it exports ${others.join(", ")}` : "";
    const why = briefly ? "" : ` (it is ${kindOf(value)}${found})`;
    throw new LearnerCodeError(`${file} must export the class ${name}${why}`, file);
  }
  return value as new (
    ...args: never[]
  ) => T;
}

function kindOf(value: unknown): string {
  if (value === undefined) return "missing";
  return value === null ? "null" : `a ${typeof value}`;
}
