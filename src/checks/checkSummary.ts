/**
 * The one line above a report's checks, in words that fit the count: "Both checks pass" for lesson 8's two,
 * "All 7 checks pass" for more, "Neither check passes" rather than "0 of 2".
 */
import type { CheckReport } from "./report.ts";

export function checkSummary(report: Pick<CheckReport, "status" | "tests">): string {
  const total = report.tests.length;
  const passed = report.tests.filter((test) => test.status === "pass").length;
  if (report.status === "pass") {
    const all =
      total === 1 ? "The check passes" : total === 2 ? "Both checks pass" : `All ${total} checks pass`;
    return `${all}. Lesson complete.`;
  }
  if (total === 1) return "The check fails.";
  if (total === 2 && passed === 0) return "Neither check passes.";
  return `${passed} of ${total} checks pass.`;
}
