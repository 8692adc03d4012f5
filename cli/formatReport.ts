/** The grader's two outputs: text for people and the JSON that README.md's "Scripts" promises. */
import type { CheckReport } from "../src/checks/report.ts";

export interface ReportJson {
  readonly status: "pass" | "fail" | "error";
  readonly tests: { readonly name: string; readonly status: "pass" | "fail"; readonly message: string }[];
  readonly leaks: {
    readonly site: string;
    readonly function: string;
    readonly state: string;
    readonly count: number;
  }[];
  readonly error?: { readonly message: string; readonly file?: string; readonly line?: number };
}

export function reportJson(report: CheckReport): ReportJson {
  return {
    status: report.status,
    tests: report.tests.map(({ name, status, message }) => ({ name, status, message })),
    leaks: report.leaks.map(({ site, function: fn, state, count }) => ({ site, function: fn, state, count })),
    ...(report.error ? { error: report.error } : {}),
  };
}

export function formatReport(report: CheckReport, file: string): string {
  const lines = [`Checking ${file}`, ""];
  for (const test of report.tests) {
    lines.push(`${test.status === "pass" ? "PASS" : "FAIL"} ${test.name}: ${test.message}`);
    // The text the line stands for (lesson 8: goleak's report on the learner's test), indented under it.
    if (test.detail) lines.push(...test.detail.split("\n").map((line) => `    ${line}`));
  }
  if (report.leaks.length > 0) {
    lines.push("", "Leaks by creation site:");
    for (const leak of report.leaks)
      lines.push(`  ${leak.count} × ${leak.site}  ${leak.function}  [${leak.state}]`);
  }
  if (report.leakReport) lines.push("", report.leakReport);
  const failed = report.tests.filter((test) => test.status === "fail").length;
  lines.push(
    "",
    failed === 0
      ? `All ${report.tests.length} checks pass.`
      : `${failed} of ${report.tests.length} checks failed.`,
  );
  return `${lines.join("\n")}\n`;
}
