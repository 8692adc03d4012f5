/**
 * The worker's replay job, driven in Node with Node's evaluator standing in for the worker's: it streams the
 * same samples and events as `npm run replay` for the same code, every message passes the page's validation,
 * and broken code is an error naming its file and line.
 */
import { readFileSync } from "node:fs";
import { compileFunction } from "node:vm";
import { describe, expect, it } from "vitest";
import { serviceCode } from "../../cli/replayCode.ts";
import { MAX_LOG_TEXT } from "../runtime/clipText.ts";
import * as runtime from "../runtime/index.ts";
import { DEFAULT_REPLAY, replay } from "../sim/replay.ts";
import type { FromWorker } from "./protocol/index.ts";
import { type ReplayService, replayProtocol, type StartReplay } from "./protocol/replay.ts";
import { learnerGlobals } from "./virtualGlobals.ts";
import { runReplayJob } from "./worker/replayJob.ts";

function nodeEvaluate(code: string, fileName: string) {
  const factory = compileFunction(code, ["require", "exports", "module"], {
    filename: fileName,
    contextExtensions: [learnerGlobals],
  });
  const module = { exports: {} as Record<string, unknown> };
  factory((name: string) => (name === "leak-lab/runtime" ? runtime : undefined), module.exports, module);
  return module.exports;
}

const STARTERS: readonly ReplayService[] = (
  [
    {
      service: "upload",
      fileName: "storage.ts",
      source: readFileSync("lessons/04-upload/storage.ts", "utf8"),
    },
    { service: "sync", fileName: "sync.ts", source: readFileSync("lessons/05-sync/sync.ts", "utf8") },
    {
      service: "ratelimit",
      fileName: "ratelimit.ts",
      source: readFileSync("lessons/06-ratelimit/ratelimit.ts", "utf8"),
    },
  ] as const
).map((service) => ({ ...service, fixed: false }));

const job = (services: readonly ReplayService[], minutes = 3): StartReplay => ({
  type: "replay",
  runId: 7,
  minutes,
  pods: 3,
  limitMiB: 2048,
  restartAt: [],
  seed: 1,
  services,
});

async function messagesOf(request: StartReplay): Promise<FromWorker[]> {
  const messages: FromWorker[] = [];
  await runReplayJob(request, { evaluate: nodeEvaluate, send: (m) => messages.push(m), every: () => {} });
  return messages;
}

describe("runReplayJob", () => {
  it("streams what npm run replay computes for the same code, then ends with the profile and symptoms", async () => {
    const messages = await messagesOf(job(STARTERS));
    for (const message of messages) expect(replayProtocol.parse(message, 7)).toEqual(message);
    const streamed = messages.flatMap((m) => (m.type === "replayProgress" ? m.samples : []));
    const expected = await replay({ ...DEFAULT_REPLAY, minutes: 3 }, serviceCode);
    expect([...streamed].sort((a, b) => a.minute - b.minute || a.pod - b.pod)).toEqual(expected.samples);
    expect(streamed).toHaveLength(12);
    expect(messages.at(-1)).toEqual({
      type: "replayed",
      runId: 7,
      heapProfile: expected.heapProfile,
      symptoms: expected.symptoms,
    });
  }, 60_000);

  it("says where a service's code does not compile", async () => {
    const broken = STARTERS.map((s) => (s.service === "sync" ? { ...s, source: "export const x = ;\n" } : s));
    const messages = await messagesOf(job(broken));
    expect(messages.at(-1)).toMatchObject({
      type: "error",
      error: { kind: "syntax", message: expect.stringMatching(/^sync\.ts:1: syntax error/), line: 1 },
    });
  });

  it("says where a service threw while loading, and what is missing from it", async () => {
    const throwing = STARTERS.map((s) =>
      s.service === "ratelimit" ? { ...s, source: "\n\nthrow new Error('boom');\n" } : s,
    );
    expect((await messagesOf(job(throwing))).at(-1)).toMatchObject({
      type: "error",
      error: { kind: "load", message: "ratelimit.ts:3: threw while loading: boom", line: 3 },
    });
    const empty = STARTERS.map((s) => (s.service === "upload" ? { ...s, source: "export {};\n" } : s));
    expect((await messagesOf(job(empty))).at(-1)).toMatchObject({
      type: "error",
      error: {
        kind: "crash",
        message: expect.stringContaining("storage.ts must export the class StorageService"),
      },
    });
  });

  it("clips a 5,000,000-character error at load to what the page shows, at its line", async () => {
    const throwing = STARTERS.map((s) =>
      s.service === "sync" ? { ...s, source: '\nthrow new Error("x".repeat(5_000_000));\n' } : s,
    );
    const last = (await messagesOf(job(throwing))).at(-1);
    expect(last !== undefined && replayProtocol.parse(last, 7) !== undefined).toBe(true);
    const { kind, message, line } = last?.type === "error" ? last.error : { kind: "", message: "" };
    // Compared by length and ends: a failing toEqual would print five million characters.
    const start = "sync.ts:2: threw while loading: ";
    expect({ kind, line, start: message.slice(0, start.length + 5), end: message.slice(-34) }).toEqual({
      kind: "load",
      line: 2,
      start: `${start}xxxxx`,
      end: "xxxxx… (4,998,000 more characters)",
    });
    expect(message.length).toBeLessThanOrEqual(MAX_LOG_TEXT + 100);
  });

  it("refuses a replay without code for every service", async () => {
    expect((await messagesOf(job(STARTERS.slice(1)))).at(-1)).toMatchObject({
      type: "error",
      error: { kind: "crash", message: expect.stringContaining("upload, sync, ratelimit") },
    });
  });
});
