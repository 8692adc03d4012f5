/**
 * Bad input for the Node grader (issue 9's matrix, the twin of e2e/hostileInput.spec.ts): `npm run check` on
 * each kind of broken or hostile upload file exits 2 (could not run) or 1 (checks fail) with a message that
 * names the file, and its line where there is one, and never a stack trace of ours. The files are in
 * fixtures/broken/ (the 5 MB one is written at test time); docs/security-cases.md lists the cases.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_LOG_TEXT } from "../src/runtime/clipText.ts";
import { MAX_THROWN_TEXT } from "../src/sim/learnerCode.ts";

const repoRoot = resolve(import.meta.dirname, "..");
const BROKEN = "cli/fixtures/broken";

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run check -- upload <file>`, without npm's own output. */
function runCheck(file: string, env: Readonly<Record<string, string>> = {}): Promise<Run> {
  const { LEAK_LAB_CHECK_TIME_LIMIT_MS: _, ...inherited } = process.env;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "cli/check.ts", "upload", file], {
      cwd: repoRoot,
      env: { ...inherited, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** The 1-based line of the one line of `path` that contains `snippet`. */
function lineOf(path: string, snippet: string): number {
  const lines = readFileSync(resolve(repoRoot, path), "utf8").split("\n");
  const matches = lines.flatMap((line, index) => (line.includes(snippet) ? [index + 1] : []));
  if (matches.length !== 1) throw new Error(`${path} has ${matches.length} lines with ${snippet}, not one`);
  return matches[0] ?? 0;
}

function columnOf(path: string, line: number, snippet: string): number {
  const text = readFileSync(resolve(repoRoot, path), "utf8").split("\n")[line - 1] ?? "";
  return text.indexOf(snippet) + 1;
}

const STARTER = readFileSync(resolve(repoRoot, "lessons/04-upload/storage.ts"), "utf8");
const hugeDir = mkdtempSync(join(tmpdir(), "leak-lab-huge-"));
const HUGE = join(hugeDir, "storage.ts");
const PADDING = `// ${"padding ".repeat(9)}\n`;
writeFileSync(HUGE, `${STARTER}${PADDING.repeat(Math.ceil((5 * 1024 * 1024) / PADDING.length))}`);
afterAll(() => rmSync(hugeDir, { recursive: true, force: true }));

const broken = (name: string) => `${BROKEN}/${name}.ts`;
/** The grader's limit for a whole check, shortened for files that never end. */
const SHORT_LIMIT = { LEAK_LAB_CHECK_TIME_LIMIT_MS: "4000" };
const neverEnds = (name: string) =>
  `${name}.ts: the checks did not finish within 4 s; does a loop run forever without waiting on anything?\n`;

interface Case {
  readonly name: string;
  readonly file: string;
  readonly env?: Readonly<Record<string, string>>;
  /** 2: the file could not be run (the message alone on stderr); 1: it ran and checks failed (the report). */
  readonly exit: 1 | 2;
  /** The whole of stderr, for exit 2. */
  readonly stderr?: () => string;
  /** What the report on stdout says, for exit 1. */
  readonly report?: (stdout: string) => void;
}

const CASES: readonly Case[] = [
  {
    name: "a syntax error",
    file: broken("syntax"),
    exit: 2,
    stderr: () => {
      const line = lineOf(broken("syntax"), "chan<number>(16;");
      const column = columnOf(broken("syntax"), line, ";");
      return `syntax.ts:${line}:${column} - error TS1005: ')' expected.\n`;
    },
  },
  {
    name: "a type error",
    file: broken("types"),
    exit: 2,
    stderr: () => {
      const line = lineOf(broken("types"), "chunk.length");
      const column = columnOf(broken("types"), line, "length");
      return `types.ts:${line}:${column} - error TS2339: Property 'length' does not exist on type 'Bytes'.\n`;
    },
  },
  {
    name: "a throw at load",
    file: broken("throws-at-load"),
    exit: 2,
    stderr: () =>
      `throws-at-load.ts:${lineOf(broken("throws-at-load"), "throw new Error(")}: threw while loading: a progress frame must fit under the threshold\n`,
  },
  {
    name: "a throw inside a task",
    file: broken("throws-in-task"),
    exit: 1,
    report: (stdout) =>
      expect(stdout).toContain(
        `FAIL the service runs under traffic: panic: refused in a task (throws-in-task.ts:${lineOf(broken("throws-in-task"), "refused in a task")})`,
      ),
  },
  {
    name: "an unhandled rejection",
    file: broken("unhandled-rejection"),
    exit: 2,
    stderr: () =>
      `unhandled-rejection.ts:${lineOf(broken("unhandled-rejection"), "Promise.reject(")}: nobody waits for me\n`,
  },
  {
    name: "while (true) {} at load",
    file: broken("loop-at-load"),
    env: SHORT_LIMIT,
    exit: 2,
    stderr: () => neverEnds("loop-at-load"),
  },
  {
    name: "while (true) {} inside a task",
    file: broken("endless-loop"),
    env: SHORT_LIMIT,
    exit: 2,
    stderr: () => neverEnds("endless-loop"),
  },
  {
    name: "an endless microtask loop",
    file: broken("microtask-loop"),
    env: SHORT_LIMIT,
    exit: 2,
    stderr: () => neverEnds("microtask-loop"),
  },
  {
    // Clipped like a log line in the browser: the message's start, and how much was left out.
    name: "a 5 MB error message",
    file: broken("huge-error"),
    exit: 2,
    stderr: () =>
      `huge-error.ts:${lineOf(broken("huge-error"), "throw new Error(")}: threw while loading: ${"x".repeat(MAX_LOG_TEXT)}… (4,998,000 more characters)\n`,
  },
  {
    // The message is cut before the report's own words go round it, so the line it panicked at survives.
    name: "a 5 MB panic in a task",
    file: broken("huge-panic"),
    exit: 1,
    report: (stdout) => {
      expect(stdout).toContain(
        `panic: ${"x".repeat(MAX_THROWN_TEXT)}… (4,998,500 more characters) (huge-panic.ts:${lineOf(broken("huge-panic"), "5_000_000")})`,
      );
      expect(stdout.length).toBeLessThan(20_000);
    },
  },
  {
    name: "unbounded recursion",
    file: broken("recursion"),
    exit: 2,
    stderr: () =>
      `recursion.ts:${lineOf(broken("recursion"), "deeper(0)")}: threw while loading: Maximum call stack size exceeded\n`,
  },
  {
    // The grader's worker has a 2 GB heap: the file fills it and the grader says so.
    name: "an allocation bomb",
    file: broken("allocation-bomb"),
    exit: 2,
    stderr: () => "allocation-bomb.ts: ran out of memory while the checks ran\n",
  },
  {
    // The learner's log is the checks' evidence, not the grader's output: the report is as long as ever.
    name: "a log flood of a million lines",
    file: broken("log-flood"),
    exit: 1,
    report: (stdout) => {
      expect(stdout).not.toMatch(/flood \d/);
      expect(stdout.length).toBeLessThan(20_000);
      expect(stdout.trimEnd().split("\n").at(-1)).toMatch(/^\d+ of \d+ checks failed\.$/);
    },
  },
  {
    // Made at load, once per check, a million tasks take longer than the grader allows.
    name: "a million go(...) calls",
    file: broken("million-goroutines"),
    env: SHORT_LIMIT,
    exit: 2,
    stderr: () => neverEnds("million-goroutines"),
  },
  {
    // A task that locks a mutex it holds: the leak check names it by the line that started it and its state.
    name: "a deadlock",
    file: broken("deadlock"),
    exit: 1,
    report: (stdout) =>
      expect(stdout).toMatch(
        new RegExp(
          `^ {2}\\d+ × deadlock\\.ts:${lineOf(broken("deadlock"), "new Mutex()") + 1} {2}StorageService\\.upload {2}\\[sync\\.Mutex\\.Lock\\]$`,
          "m",
        ),
      ),
  },
  {
    name: "a wrong export",
    file: broken("missing-export"),
    exit: 2,
    stderr: () =>
      "missing-export.ts must export the class StorageService (it is missing; it exports StorageSvc)\n",
  },
  {
    name: "a missing export",
    file: broken("not-exported"),
    exit: 2,
    stderr: () =>
      "not-exported.ts must export the class StorageService (it is missing; it exports CHUNKED_IDLE_TIMEOUT)\n",
  },
  {
    name: "an empty file",
    file: broken("empty"),
    exit: 2,
    stderr: () => "empty.ts must export the class StorageService (it is missing)\n",
  },
  {
    // Graded like the starter it holds: the leak at its line, the report the usual length.
    name: "a 5 MB file",
    file: HUGE,
    exit: 1,
    report: (stdout) => {
      expect(stdout).toMatch(/^ {2}\d+ × storage\.ts:\d+ {2}StorageService\.upload {2}\[chan receive\]$/m);
      expect(stdout).not.toContain("padding");
      expect(stdout.length).toBeLessThan(20_000);
    },
  },
];

describe.concurrent("npm run check on bad input", () => {
  it.each(CASES)(
    "$name: exits $exit with a clear message",
    async (testCase) => {
      const run = await runCheck(testCase.file, testCase.env);
      const output = `${run.stdout}\n${run.stderr}`;
      // Our own failures would show as a stack trace or an "internal error"; learners must never see either.
      expect(output).not.toMatch(/^ {4}at /m);
      expect(output).not.toContain("node_modules");
      expect(output).not.toContain("internal error");
      expect(run.code).toBe(testCase.exit);
      if (testCase.exit === 2) {
        expect(run.stdout).toBe("");
        expect(run.stderr).toBe(testCase.stderr?.());
      } else {
        expect(run.stderr).toBe("");
        expect(run.stdout.split("\n")[0]).toBe(`Checking ${testCase.file}`);
        testCase.report?.(run.stdout);
      }
    },
    120_000,
  );
});
