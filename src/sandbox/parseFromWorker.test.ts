/**
 * Each job's protocol against hostile input (issue 9): whatever a worker posts, the page gets a well-formed
 * message of the current run or nothing, so garbage from learner code cannot reach the stores or crash the page.
 */
import { describe, expect, it } from "vitest";
import { checkProtocol } from "./protocol/check.ts";
import { goBuildProtocol } from "./protocol/goBuild.ts";
import { replayProtocol } from "./protocol/replay.ts";
import { runProtocol } from "./protocol/run.ts";

const PROTOCOLS = [runProtocol, checkProtocol, replayProtocol, goBuildProtocol];

const REPORT = { status: "pass", tests: [], leaks: [], leakReport: "" };

describe("a job's protocol", () => {
  it.each([
    ["undefined", undefined],
    ["a string", "checked"],
    ["an array", [{ type: "checked", runId: 1, report: REPORT }]],
    ["a message with no type", { runId: 1 }],
    ["an unknown type", { type: "complete", runId: 1 }],
    ["Object.prototype's constructor as the type", { type: "constructor", runId: 1 }],
    ["Object.prototype's toString as the type", { type: "toString", runId: 1 }],
    ["__proto__ as the type", { type: "__proto__", runId: 1 }],
    ["another run's message", { type: "checked", runId: 2, report: REPORT }],
    [
      "a report with a status it cannot have",
      { type: "checked", runId: 1, report: { ...REPORT, status: "ok" } },
    ],
    [
      "a report with too many tests",
      {
        type: "checked",
        runId: 1,
        report: { ...REPORT, tests: Array(101).fill({ name: "t", status: "pass", message: "" }) },
      },
    ],
    ["samples that are not rows", { type: "samples", runId: 1, samples: [{ t: "garbage" }, null, 42] }],
    [
      "a log line a megabyte long",
      {
        type: "logs",
        runId: 1,
        dropped: 0,
        logs: [{ t: 0, level: "info", message: "x".repeat(1 << 20), fields: "" }],
      },
    ],
    ["an error of a kind it cannot have", { type: "error", runId: 1, error: { kind: "pwned", message: "" } }],
  ])("refuses %s", (_, data) => {
    for (const protocol of PROTOCOLS) expect(protocol.parse(data, 1)).toBeUndefined();
  });

  it("accepts a well-formed report of the current run", () => {
    const message = { type: "checked", runId: 1, report: REPORT };
    expect(checkProtocol.parse(message, 1)).toBe(message);
  });
});
