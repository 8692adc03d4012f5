/**
 * Where things happen in the learner's code. The runtime captures a stack when a task, timer or ticker is
 * created, keeps the raw capture (cheap: V8 formats it only when read), and turns it into a Site only when a
 * view or a sample asks. Sites name the learner's file and line (`storage.ts:67`) and the calling function.
 */

export interface Site {
  /** The calling function as the engine names it, e.g. `StorageService.upload`. */
  readonly fn: string;
  /** File name without folders or query, e.g. `storage.ts`. */
  readonly file: string;
  readonly line: number;
  /** `file:line`, the key sites are grouped by. */
  readonly key: string;
}

export const UNKNOWN_SITE: Site = { fn: "(unknown)", file: "(unknown)", line: 0, key: "(unknown)" };

/** A stack capture not yet formatted. */
export interface StackCapture {
  stack?: string;
  /** Set on engines without Error.captureStackTrace: frames up to this function's are the runtime's. */
  skipThrough?: string;
}

type CaptureStackTrace = (target: object, constructorOpt?: (...args: never[]) => unknown) => void;
const ErrorWithV8 = Error as unknown as { captureStackTrace?: CaptureStackTrace; stackTraceLimit?: number };

/**
 * Captures the stack of whoever called `entry` (frames of `entry` and above are left out on V8), at most
 * `depth` frames deep. Elsewhere it falls back to a plain Error, whose first frames are the runtime's own;
 * parseSite skips those by name.
 */
export function captureStack(entry: (...args: never[]) => unknown, depth = 3): StackCapture {
  const previousLimit = ErrorWithV8.stackTraceLimit ?? 10;
  const capture: StackCapture = {};
  if (ErrorWithV8.captureStackTrace) {
    ErrorWithV8.stackTraceLimit = depth;
    ErrorWithV8.captureStackTrace(capture, entry);
    ErrorWithV8.stackTraceLimit = previousLimit;
    return capture;
  }
  const fallback: StackCapture = new Error();
  fallback.skipThrough = entry.name;
  return fallback;
}

// V8: "    at fn (file:line:col)", "    at async fn (file:line:col)", "    at file:line:col".
const V8_FRAME = /^\s*at (?:async )?(?:(.+?) \()?(.+?):(\d+):(\d+)\)?\s*$/;
// SpiderMonkey and JavaScriptCore: "fn@file:line:col".
const GECKO_FRAME = /^(.*?)@(.+?):(\d+):(\d+)$/;

interface Frame {
  readonly fn: string;
  readonly url: string;
  readonly line: number;
}

/**
 * Characters of a function's name kept: the learner names their functions, and a computed name can be a
 * megabyte, which every dump row and check report that names the site would carry to the page.
 */
export const MAX_FUNCTION_NAME = 200;

function parseFrame(line: string): Frame | undefined {
  const match = V8_FRAME.exec(line) ?? GECKO_FRAME.exec(line);
  if (!match) return undefined;
  const [, fn, url, lineNumber] = match;
  const name = fn?.trim() || "(anonymous)";
  const shown = name.length > MAX_FUNCTION_NAME ? `${name.slice(0, MAX_FUNCTION_NAME)}…` : name;
  return { fn: shown, url: url ?? "", line: Number(lineNumber) };
}

/** The file name of a URL or path: no folders, no query or hash. */
export function fileName(url: string): string {
  const path = url.replace(/[?#].*$/, "");
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The first frame outside the runtime, as a Site. */
export function parseSite(capture: StackCapture | undefined): Site {
  if (!capture) return UNKNOWN_SITE;
  // Handles created from the same capture (the host's request tasks share one) are parsed once.
  let site = parsedSites.get(capture);
  if (!site) {
    site = parseCapture(capture);
    parsedSites.set(capture, site);
  }
  return site;
}

const parsedSites = new WeakMap<StackCapture, Site>();

function parseCapture(capture: StackCapture): Site {
  const stack = capture.stack;
  if (!stack) return UNKNOWN_SITE;
  let skipping = capture.skipThrough !== undefined;
  for (const line of stack.split("\n")) {
    const frame = parseFrame(line);
    if (!frame) continue;
    if (skipping) {
      skipping = !frame.fn.endsWith(capture.skipThrough ?? "");
      continue;
    }
    const file = fileName(frame.url);
    return { fn: frame.fn, file, line: frame.line, key: `${file}:${frame.line}` };
  }
  return UNKNOWN_SITE;
}

/** The first line of `fileName` in an error's stack, if any. */
export function lineInFile(error: unknown, fileName: string): number | undefined {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}:(\\d+)(?::\\d+)?`).exec(stack);
  return match ? Number(match[1]) : undefined;
}
