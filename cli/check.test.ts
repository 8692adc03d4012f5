/**
 * `npm run check` as learners and instructors meet it (the contract in README.md, "Scripts"): the real CLI in a
 * child process, graded on the lessons' starters and solutions and on the broken files in fixtures/broken/.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goStarterWithoutUploadChunk, goStarterWithTypo } from "./brokenGoStarter.ts";

const repoRoot = resolve(import.meta.dirname, "..");
const USAGE =
  "usage: npm run check -- <slug> [file] [--json]   (slugs: upload, sync, ratelimit, never-again)";
const BROKEN = "cli/fixtures/broken";

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run check -- ...args`, without npm's own output. */
function runCheck(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Run> {
  const { LEAK_LAB_CHECK_TIME_LIMIT_MS: _, ...inherited } = process.env;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "cli/check.ts", ...args], {
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

/**
 * Runs `jobs` at most `width` at a time, in order: the gradings are CPU-bound, and ten of them at once on a
 * two-core machine only make each one slower than the grader's own time limit allows.
 */
async function inTurns<T>(jobs: readonly (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await (jobs[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  return results;
}

/** Gradings side by side: one per core, as `npm run check` itself is single-threaded. */
const WIDTH = Math.max(1, availableParallelism());
/**
 * What a batch of gradings may take: each one stops itself at the grader's limit (cli/check.ts, 90 s), so
 * `count` of them in turns of WIDTH take at most that many limits, plus Node's start-up for each.
 */
const budgetFor = (count: number) => Math.ceil(count / WIDTH) * (90_000 + 10_000);

/** Files the tests make for one run (a Go starter broken on purpose), removed after it. */
const scratch = mkdtempSync(join(tmpdir(), "leak-lab-check-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes `text` to a file called `name` for this run; its path. */
function writeTemporary(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

function source(path: string): string[] {
  return readFileSync(resolve(repoRoot, path), "utf8").split("\n");
}

/** The 1-based line of the one line of `path` that contains `snippet`. */
function lineOf(path: string, snippet: string): number {
  const lines = source(path);
  const matches = lines.flatMap((line, index) => (line.includes(snippet) ? [index + 1] : []));
  if (matches.length !== 1) throw new Error(`${path} has ${matches.length} lines with ${snippet}, not one`);
  return matches[0] ?? 0;
}

/** The 1-based column of `snippet` on line `line` of `path`. */
function columnOf(path: string, line: number, snippet: string): number {
  return (source(path)[line - 1] ?? "").indexOf(snippet) + 1;
}

/** Our own failures would show as a stack trace or an "internal error"; learners must never see either. */
function expectNoStackTrace(run: Run): void {
  const output = `${run.stdout}\n${run.stderr}`;
  expect(output).not.toMatch(/^ {4}at /m);
  expect(output).not.toContain("node_modules");
  expect(output).not.toContain("internal error");
}

interface TextCheck {
  readonly name: string;
  readonly status: "pass" | "fail";
  readonly message: string;
}

interface TextLeak {
  readonly site: string;
  readonly function: string;
  readonly state: string;
  readonly count: number;
}

/** The per-check lines of the text report. */
function textChecks(stdout: string): TextCheck[] {
  return [...stdout.matchAll(/^(PASS|FAIL) (.+?): (.*)$/gm)].map(([, status, name = "", message = ""]) => ({
    name,
    status: status === "PASS" ? "pass" : "fail",
    message,
  }));
}

/** The lines of the text report's "Leaks by creation site:" section. */
function textLeaks(stdout: string): TextLeak[] {
  const section = stdout.split("Leaks by creation site:\n")[1]?.split("\n\n")[0] ?? "";
  return section.split("\n").map((line) => {
    const match = /^ {2}(\d+) × (\S+) {2}(\S+) {2}\[(.+)\]$/.exec(line);
    if (!match) throw new Error(`not a leak line: ${JSON.stringify(line)}`);
    const [, count, site = "", fn = "", state = ""] = match;
    return { site, function: fn, state, count: Number(count) };
  });
}

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function lastLine(text: string): string {
  return text.trimEnd().split("\n").at(-1) ?? "";
}

/** The contract's `--json` shape, key for key; returns the object for further assertions. */
function expectJsonReport(run: Run): Record<string, unknown> {
  expect(run.stderr).toBe("");
  // JSON.parse refuses a second object or any other text after the first.
  const report: unknown = JSON.parse(run.stdout);
  expect(report).toBeTypeOf("object");
  expect(Array.isArray(report)).toBe(false);
  const fields = report as Record<string, unknown>;
  expect(["pass", "fail", "error"]).toContain(fields.status);
  expect(Object.keys(fields).sort()).toEqual(
    fields.status === "error" ? ["error", "leaks", "status", "tests"] : ["leaks", "status", "tests"],
  );
  expect(fields.tests).toBeInstanceOf(Array);
  for (const test of fields.tests as unknown[]) {
    expect(test).toStrictEqual({
      name: expect.any(String),
      status: expect.stringMatching(/^(pass|fail)$/),
      message: expect.any(String),
    });
  }
  expect(fields.leaks).toBeInstanceOf(Array);
  for (const leak of fields.leaks as unknown[]) {
    expect(leak).toStrictEqual({
      site: expect.stringMatching(/^[\w.-]+\.(ts|go):\d+$/),
      function: expect.any(String),
      state: expect.any(String),
      count: expect.any(Number),
    });
    const { count } = leak as TextLeak;
    expect(Number.isInteger(count) && count > 0).toBe(true);
  }
  if (fields.status === "error") {
    const error = fields.error as Record<string, unknown>;
    expect(error.message).toBeTypeOf("string");
    expect(["file", "line", "message"]).toEqual(expect.arrayContaining(Object.keys(error)));
    if ("file" in error) expect(error.file).toBeTypeOf("string");
    if ("line" in error) expect(Number.isInteger(error.line)).toBe(true);
  }
  return fields;
}

interface Lesson {
  readonly slug: string;
  readonly starter: string;
  readonly solution: string;
  /** What the starter leaks: the function that creates it, its state, and the call at the creation site. */
  readonly leaks: readonly { readonly function: string; readonly state: string; readonly call: string }[];
}

const LESSONS: readonly Lesson[] = [
  {
    slug: "upload",
    starter: "lessons/04-upload/storage.ts",
    solution: "solutions/04-upload/storage.ts",
    leaks: [{ function: "StorageService.upload", state: "chan receive", call: "go(" }],
  },
  {
    slug: "sync",
    starter: "lessons/05-sync/sync.ts",
    solution: "solutions/05-sync/sync.ts",
    leaks: [{ function: "SyncService.watchChanges", state: "select", call: "go(" }],
  },
  {
    slug: "ratelimit",
    starter: "lessons/06-ratelimit/ratelimit.ts",
    solution: "solutions/06-ratelimit/ratelimit.ts",
    leaks: [
      { function: "RateLimiter.startCleanup", state: "ticker", call: "time.newTicker(" },
      { function: "RateLimiter.startCleanup", state: "chan receive", call: "go(" },
    ],
  },
];

/** The lessons whose service the course has in Go: their Go starter and solution, graded when given. */
const GO_LESSONS: readonly Lesson[] = [
  {
    slug: "upload",
    starter: "lessons/04-upload/storage.go",
    solution: "solutions/04-upload/storage.go",
    leaks: [{ function: "storage.(*Service).Upload", state: "chan receive", call: "go func() {" }],
  },
  {
    slug: "sync",
    starter: "lessons/05-sync/sync.go",
    solution: "solutions/05-sync/sync.go",
    leaks: [{ function: "sync.(*Service).WatchChanges", state: "select", call: "go func() {" }],
  },
  {
    slug: "ratelimit",
    starter: "lessons/06-ratelimit/ratelimit.go",
    solution: "solutions/06-ratelimit/ratelimit.go",
    leaks: [
      { function: "middleware.(*RateLimiter).StartCleanup", state: "ticker", call: "time.NewTicker(" },
      { function: "middleware.(*RateLimiter).StartCleanup", state: "chan receive", call: "go func() {" },
    ],
  },
];

/** Every starter and solution graded: the TypeScript ones as the lesson gives them, the Go ones by path. */
const GRADED = [...LESSONS, ...GO_LESSONS];

/** The leaks a lesson's starter must report, with the creation site's line read from the starter itself. */
function expectedLeaks(lesson: Lesson) {
  return lesson.leaks.map((leak) => ({
    site: `${basename(lesson.starter)}:${lineOf(lesson.starter, leak.call)}`,
    function: leak.function,
    state: leak.state,
  }));
}

describe("npm run check", () => {
  // Each lesson's starter and solution graded once, a core's worth at a time; the `it`s below read these runs.
  const starters = new Map<string, Run>();
  const solutions = new Map<string, Run>();
  let syncStarterJson: Run;
  let uploadSolutionJson: Run;

  const gradings: (() => Promise<Run>)[] = [
    ...LESSONS.map((lesson) => () => runCheck([lesson.slug])),
    ...GO_LESSONS.map((lesson) => () => runCheck([lesson.slug, lesson.starter])),
    ...GRADED.map((lesson) => () => runCheck([lesson.slug, lesson.solution])),
    () => runCheck(["sync", "--json"]),
    () => runCheck(["upload", "solutions/04-upload/storage.ts", "--json"]),
  ];
  beforeAll(async () => {
    const runs = await inTurns(gradings, WIDTH);
    GRADED.forEach((lesson, index) => {
      starters.set(lesson.starter, runs[index] as Run);
      solutions.set(lesson.solution, runs[GRADED.length + index] as Run);
    });
    syncStarterJson = runs[2 * GRADED.length] as Run;
    uploadSolutionJson = runs[2 * GRADED.length + 1] as Run;
  }, budgetFor(gradings.length));

  describe.each(GRADED)("on the $slug starter $starter", (lesson) => {
    const starter = () => starters.get(lesson.starter) as Run;

    it("exits 1 with the text report on stdout and nothing on stderr", () => {
      expect(starter().code).toBe(1);
      expect(starter().stderr).toBe("");
      expect(starter().stdout.split("\n")[0]).toBe(`Checking ${lesson.starter}`);
      expectNoStackTrace(starter());
    });

    it("lists each leak by its creation site in the starter, with its function and state", () => {
      const leaks = textLeaks(starter().stdout);
      expect(leaks.map(({ count: _, ...leak }) => leak)).toEqual(expectedLeaks(lesson));
      for (const leak of leaks) expect(leak.count).toBeGreaterThan(0);
    });

    it("fails the leak check naming the same sites and states", () => {
      const failed = textChecks(starter().stdout).filter((check) => check.status === "fail");
      for (const leak of expectedLeaks(lesson)) {
        expect(failed.map((check) => check.message)).toContainEqual(
          expect.stringContaining(`× ${leak.site} ${leak.function} [${leak.state}]`),
        );
      }
    });

    it("prints goleak's report with the stack that created each leaked task", () => {
      const { stdout } = starter();
      expect(stdout).toContain("\nfound unexpected goroutines:\n");
      for (const leak of expectedLeaks(lesson).filter((leak) => leak.state !== "ticker")) {
        const createdBy = `^created by ${literal(leak.function)}( in goroutine \\d+)?\\n\\t${literal(leak.site)}$`;
        expect(stdout).toMatch(new RegExp(createdBy, "m"));
      }
    });

    it("ends with how many of its checks failed", () => {
      const checks = textChecks(starter().stdout);
      const failed = checks.filter((check) => check.status === "fail").length;
      expect(failed).toBeGreaterThan(0);
      expect(lastLine(starter().stdout)).toBe(`${failed} of ${checks.length} checks failed.`);
    });
  });

  describe.each(GRADED)("on the $slug solution $solution", (lesson) => {
    const solution = () => solutions.get(lesson.solution) as Run;

    it("exits 0 and says all checks pass", () => {
      expect(solution().code).toBe(0);
      expect(solution().stderr).toBe("");
      const checks = textChecks(solution().stdout);
      expect(checks.length).toBeGreaterThan(0);
      expect(checks.filter((check) => check.status === "fail")).toEqual([]);
      expect(solution().stdout.split("\n")[0]).toBe(`Checking ${lesson.solution}`);
      expect(lastLine(solution().stdout)).toBe(`All ${checks.length} checks pass.`);
      expectNoStackTrace(solution());
    });

    it("reports no leaks", () => {
      expect(solution().stdout).not.toContain("Leaks by creation site:");
      expect(solution().stdout).not.toContain("found unexpected goroutines");
    });
  });

  describe("--json", () => {
    it("prints one report object for a failing starter, the same checks and leaks as the text", () => {
      expect(syncStarterJson.code).toBe(1);
      const report = expectJsonReport(syncStarterJson);
      expect(report.status).toBe("fail");
      const text = (starters.get("lessons/05-sync/sync.ts") as Run).stdout;
      expect(report.tests).toEqual(textChecks(text));
      expect(report.leaks).toEqual(textLeaks(text));
      const sync = LESSONS.find((lesson) => lesson.slug === "sync") as Lesson;
      expect((report.leaks as TextLeak[]).map(({ count: _, ...leak }) => leak)).toEqual(expectedLeaks(sync));
    });

    it("prints one passing report object for a solution, with no leaks", () => {
      expect(uploadSolutionJson.code).toBe(0);
      const report = expectJsonReport(uploadSolutionJson);
      expect(report.status).toBe("pass");
      expect(report.tests).toEqual(
        textChecks((solutions.get("solutions/04-upload/storage.ts") as Run).stdout),
      );
      expect((report.tests as TextCheck[]).every((check) => check.status === "pass")).toBe(true);
      expect(report.leaks).toEqual([]);
    });

    it(
      "prints one error report object, with the file and line, for a file it cannot run",
      async () => {
        const file = `${BROKEN}/syntax.ts`;
        const run = await runCheck(["upload", file, "--json"]);
        expect(run.code).toBe(2);
        const report = expectJsonReport(run);
        const line = lineOf(file, "chan<number>(16;");
        expect(report).toStrictEqual({
          status: "error",
          tests: [],
          leaks: [],
          error: {
            message: expect.stringMatching(new RegExp(`^syntax\\.ts:${line}:\\d+ - error TS1005: `)),
            file: "syntax.ts",
            line,
          },
        });
        expectNoStackTrace(run);
      },
      budgetFor(1),
    );

    it(
      "prints one error report object for a usage error",
      async () => {
        const run = await runCheck(["--json"]);
        expect(run.code).toBe(2);
        expect(expectJsonReport(run)).toStrictEqual({
          status: "error",
          tests: [],
          leaks: [],
          error: { message: USAGE },
        });
      },
      budgetFor(1),
    );
  });

  describe("on a leak test written in Go (never-again)", () => {
    const GO_TESTS = "cli/fixtures/never-again/go";

    it(
      "passes a test that fails on the leaky upload service with goleak's report and passes on the fix",
      async () => {
        const run = await runCheck(["never-again", `${GO_TESTS}/leak_test.go`]);
        expect(run.code).toBe(0);
        expect(textChecks(run.stdout).map((check) => check.status)).toEqual(["pass", "pass"]);
        // goleak's report, from the test's own t.Error, names the leaked reporter where Go would.
        expect(run.stdout).toMatch(
          /created by storage\.\(\*Service\)\.Upload in goroutine \d+\n\s+storage\.go:67\n/,
        );
        expectNoStackTrace(run);
      },
      budgetFor(1),
    );

    it(
      "fails a test that looks before Close, naming the fixed service's janitor",
      async () => {
        const run = await runCheck(["never-again", `${GO_TESTS}/wrong-verify-before-close_test.go`]);
        expect(run.code).toBe(1);
        const failed = textChecks(run.stdout).filter((check) => check.status === "fail");
        expect(failed.map((check) => check.name)).toEqual(["your test passes on lesson 4's fixed service"]);
        expect(run.stdout).toContain("storage.(*Service).reclaimAbandoned()");
      },
      budgetFor(1),
    );
  });

  describe("on input it cannot run", () => {
    /** Runs the check with `args`; expects exit 2, the message alone on stderr, and no stack trace. */
    async function rejected(
      args: readonly string[],
      env?: Readonly<Record<string, string>>,
    ): Promise<string> {
      const run = await runCheck(args, env);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expectNoStackTrace(run);
      return run.stderr;
    }

    it(
      "names file:line:column of a syntax error",
      async () => {
        const file = `${BROKEN}/syntax.ts`;
        const line = lineOf(file, "chan<number>(16;");
        const column = columnOf(file, line, ";");
        expect(await rejected(["upload", file])).toBe(
          `syntax.ts:${line}:${column} - error TS1005: ')' expected.\n`,
        );
      },
      budgetFor(1),
    );

    it(
      "names file:line:column of each Go compile error, in the Go compiler's words",
      async () => {
        const { source, line, column } = goStarterWithTypo();
        const file = writeTemporary("undefined-name.go", source);
        expect(await rejected(["upload", file])).toBe(
          `./undefined-name.go:${line}:${column}: undefined: writen\n`,
        );
      },
      budgetFor(1),
    );

    it(
      "says which method a Go service lacks that the lesson calls",
      async () => {
        const file = writeTemporary("missing-method.go", goStarterWithoutUploadChunk());
        expect(await rejected(["upload", file])).toBe(
          "missing-method.go must declare the method UploadChunk on *storage.Service: the simulation calls it\n",
        );
      },
      budgetFor(1),
    );

    it(
      "names file:line:column of a type error, with TypeScript's message",
      async () => {
        const file = `${BROKEN}/types.ts`;
        const line = lineOf(file, "chunk.length");
        const column = columnOf(file, line, "length");
        expect(await rejected(["upload", file])).toBe(
          `types.ts:${line}:${column} - error TS2339: Property 'length' does not exist on type 'Bytes'.\n`,
        );
      },
      budgetFor(1),
    );

    it(
      "names the line of a throw while the file loads, with the thrown message",
      async () => {
        const file = `${BROKEN}/throws-at-load.ts`;
        const line = lineOf(file, "throw new Error(");
        expect(await rejected(["upload", file])).toBe(
          `throws-at-load.ts:${line}: threw while loading: a progress frame must fit under the threshold\n`,
        );
      },
      budgetFor(1),
    );

    it(
      "names the line of a throw when the checks construct the service, with the thrown message",
      async () => {
        const file = `${BROKEN}/throws-in-constructor.ts`;
        const run = await runCheck(["upload", file]);
        // The contract leaves open whether this is a failed check (1, like a panic under traffic) or a crash (2).
        expect([1, 2]).toContain(run.code);
        expectNoStackTrace(run);
        const output = `${run.stdout}${run.stderr}`;
        expect(output).toContain(`throws-in-constructor.ts:${lineOf(file, "throw new Error(")}`);
        expect(output).toContain("a progress frame must stay under 1% of the threshold");
      },
      budgetFor(1),
    );

    it(
      "reports a string thrown when the checks construct the service as the file's error, not the grader's",
      async () => {
        const file = `${BROKEN}/throws-string-in-constructor.ts`;
        // A thrown string carries no stack, so no line can be named.
        expect(await rejected(["upload", file])).toBe(
          "throws-string-in-constructor.ts: threw: a progress frame must stay under 1% of the threshold\n",
        );
        const json = await runCheck(["upload", file, "--json"]);
        expect(expectJsonReport(json).error).toStrictEqual({
          message:
            "throws-string-in-constructor.ts: threw: a progress frame must stay under 1% of the threshold",
          file: "throws-string-in-constructor.ts",
        });
      },
      budgetFor(1),
    );

    it(
      "names the class the file must export when it exports another",
      async () => {
        expect(await rejected(["upload", `${BROKEN}/missing-export.ts`])).toBe(
          "missing-export.ts must export the class StorageService (it is missing; it exports StorageSvc)\n",
        );
      },
      budgetFor(1),
    );

    it(
      "names the class the file must export when the file is empty",
      async () => {
        expect(await rejected(["upload", `${BROKEN}/empty.ts`])).toBe(
          "empty.ts must export the class StorageService (it is missing)\n",
        );
      },
      budgetFor(1),
    );

    it(
      'names file:line of an import of anything but "leak-lab/runtime"',
      async () => {
        const file = `${BROKEN}/foreign-import.ts`;
        const line = lineOf(file, 'from "node:fs"');
        expect(await rejected(["upload", file])).toBe(
          `foreign-import.ts:${line}: cannot import "node:fs": only "leak-lab/runtime" is available\n`,
        );
      },
      budgetFor(1),
    );

    it(
      "stops a file that loops forever without waiting, and says it did not finish in time",
      async () => {
        const file = `${BROKEN}/endless-loop.ts`;
        expect(await rejected(["upload", file], { LEAK_LAB_CHECK_TIME_LIMIT_MS: "4000" })).toBe(
          "endless-loop.ts: the checks did not finish within 4 s; does a loop run forever without waiting on anything?\n",
        );
      },
      budgetFor(1),
    );

    it(
      "says which file does not exist",
      async () => {
        const file = `${BROKEN}/no-such-file.ts`;
        expect(await rejected(["upload", file])).toBe(`cannot read ${file}: no such file\n`);
      },
      budgetFor(1),
    );

    it(
      "says it cannot read a directory given as the file",
      async () => {
        expect(await rejected(["upload", BROKEN])).toMatch(
          new RegExp(`^cannot read ${literal(BROKEN)}: .+\\n$`),
        );
      },
      budgetFor(1),
    );

    it(
      "prints the usage, listing the slugs, for an unknown slug",
      async () => {
        expect(await rejected(["uploads"])).toBe(`no lesson with checks is called "uploads"\n${USAGE}\n`);
      },
      budgetFor(1),
    );

    it(
      "prints the usage, listing the slugs, when no slug is given",
      async () => {
        expect(await rejected([])).toBe(`${USAGE}\n`);
      },
      budgetFor(1),
    );
  });
});
