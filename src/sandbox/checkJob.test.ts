/**
 * The worker's check job on a Go file, driven in Node with Node's Go toolchain standing in for the worker's: the
 * lesson's service compiled from the learner's Go and graded by the same checks, a compile error reported at
 * its line in Go's words, and a lesson that does not take Go saying so.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { goStarterWithTypo } from "../../cli/brokenGoStarter.ts";
import { nodeGoParser } from "../../cli/go.ts";
import { type GoServiceLoader, goServiceModule } from "./goServiceModule.ts";
import type { StartCheck } from "./protocol/check.ts";
import { type CheckHost, runCheckJob } from "./worker/checkJob.ts";

const STARTER = readFileSync("lessons/04-upload/storage.go", "utf8");
const SOLUTION = readFileSync("solutions/04-upload/storage.go", "utf8");

const job = (source: string, lesson = "upload"): StartCheck => ({
  type: "check",
  runId: 1,
  lesson,
  fileName: "storage.go",
  source,
});

/** A check of lesson 4 takes about two seconds, more on a busy machine. */
const CHECK_MS = 60_000;

describe("a check of a Go file in the worker", () => {
  let host: CheckHost;
  beforeAll(async () => {
    const parser = await nodeGoParser();
    const goServices: GoServiceLoader = (service, source, fileName) =>
      goServiceModule(parser, service, source, fileName);
    // No TypeScript is checked here: a Go file never reaches evaluate.
    host = { evaluate: () => ({}), goServices };
  }, CHECK_MS);

  it(
    "grades the Go starter as the lesson's service and names the leak at its Go line",
    async () => {
      const report = await runCheckJob(job(STARTER), host);
      expect(report.status).toBe("fail");
      expect(report.leaks.map(({ site, function: fn, state }) => ({ site, fn, state }))).toEqual([
        { site: "storage.go:67", fn: "storage.(*Service).Upload", state: "chan receive" },
      ]);
      expect(report.leakReport).toContain("storage.(*Service).Upload.func1()\n\tstorage.go:69\n");
    },
    CHECK_MS,
  );

  it(
    "passes the Go fix",
    async () => {
      const report = await runCheckJob(job(SOLUTION), host);
      expect(report.tests.filter((test) => test.status === "fail")).toEqual([]);
      expect(report.status).toBe("pass");
    },
    CHECK_MS,
  );

  it(
    "reports a compile error at its line, in the Go compiler's words",
    async () => {
      const { source, line, column } = goStarterWithTypo();
      const report = await runCheckJob(job(source), host);
      expect(report).toMatchObject({
        status: "error",
        error: { message: `./storage.go:${line}:${column}: undefined: writen`, file: "storage.go", line },
      });
    },
    CHECK_MS,
  );

  it(
    "says so when the lesson does not run Go, or the host cannot compile it",
    async () => {
      const neverAgain = await runCheckJob(job(STARTER, "never-again"), host);
      expect(neverAgain.error?.message).toBe("storage.go: this lesson does not run Go");
      const noToolchain = await runCheckJob(job(STARTER), { evaluate: host.evaluate });
      expect(noToolchain.error?.message).toBe("storage.go: Go cannot be checked here.");
    },
    CHECK_MS,
  );
});
