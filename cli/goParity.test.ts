/**
 * The parity suite: every program under parity/ is built and run by a real Go 1.23 toolchain and run by Leak
 * Lab in the same test, and what a user sees must match: stdout, the exit status and the first line Go writes
 * to stderr (for a compile error, every error's line, column and message). The expected output is what real Go
 * printed in this run, never a file of ours. Without Go 1.23 the suite says SKIPPED, except under CI=true.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGoFile } from "./go.ts";
import { findGo, goEnv } from "./goToolchain.ts";

const CORPUS = resolve("parity");
const PROGRAMS = readdirSync(CORPUS, { withFileTypes: true })
  // A folder without main.go is a package the programs share (profile/).
  .filter((entry) => entry.isDirectory() && existsSync(join(CORPUS, entry.name, "main.go")))
  .map((entry) => entry.name)
  .sort();

interface Result {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

const go = findGo();
const inCi = Boolean(process.env.CI) && process.env.CI !== "false";
if (!go) {
  const why = "no Go 1.23 (install it with .ci/install-go, or set GO_BIN)";
  if (inCi) throw new Error(`FAILED go parity: ${why}`);
  console.warn(`\n*** SKIPPED go parity: ${why}. ***\n`);
}

/** What one go command (a build, a vet, a program's run) may take: vet and build compile, slowly on a busy machine. */
const GO_COMMAND_MS = 60_000;

function run(command: string, args: string[], cwd: string): Promise<Result> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: goEnv(), timeout: GO_COMMAND_MS });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("close", (code) => done({ stdout, stderr, exitCode: code ?? -1 }));
  });
}

/** Builds and runs every program with real Go, two at a time (the machine's cores). */
async function runAllWithGo(goBin: string, out: string): Promise<Map<string, Result>> {
  const results = new Map<string, Result>();
  const queue = [...PROGRAMS];
  const workers = [0, 1].map(async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const binary = join(out, name);
      const build = await run(goBin, ["build", "-o", binary, `./${name}`], CORPUS);
      results.set(name, build.exitCode === 0 ? await run(binary, [], CORPUS) : build);
    }
  });
  await Promise.all(workers);
  return results;
}

/**
 * What a user reads on stderr: for a compile error, every error, each as `main.go:line:col: message` (the
 * header and the path before the file name differ between `go build` of a package and `npm run go`); for a
 * program that ran, the first line (a panic's value, a fatal error), since the goroutine traces after it name
 * Go's own runtime frames.
 */
function stderrSummary(stderr: string): string {
  const lines = stderr.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
  if (stderr.startsWith("#"))
    return lines.map((line) => line.replace(/^.*?main\.go:/, "main.go:")).join("\n");
  return lines[0] ?? "";
}

describe.runIf(go)("Go parity: real Go 1.23 and Leak Lab run the same programs", () => {
  let real: Map<string, Result>;
  const out = mkdtempSync(join(tmpdir(), "leak-lab-parity-"));

  beforeAll(async () => {
    real = await runAllWithGo(go as string, out);
  }, 300_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it(
    "the lessons' Go files and their solutions, under their drivers, are go vet clean",
    async () => {
      // The services' own files reach the corpus through symlinks: leak* runs a lesson's, fix* its solution's.
      const services = PROGRAMS.filter((name) => /^(leak|fix)(upload|sync|ratelimit)$/.test(name));
      expect(services).toHaveLength(6);
      const vet = await run(go as string, ["vet", ...services.map((name) => `./${name}/...`)], CORPUS);
      expect({ exitCode: vet.exitCode, stderr: vet.stderr }).toEqual({ exitCode: 0, stderr: "" });
    },
    GO_COMMAND_MS,
  );

  it.each(PROGRAMS)("%s", async (name) => {
    const expected = real.get(name) as Result;
    const actual = await runGoFile(join(CORPUS, name, "main.go"));
    expect({
      stdout: actual.stdout,
      exitCode: actual.exitCode,
      stderr: stderrSummary(actual.stderr),
    }).toEqual({
      stdout: expected.stdout,
      exitCode: expected.exitCode,
      stderr: stderrSummary(expected.stderr),
    });
  });
});
