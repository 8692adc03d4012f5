import { readdirSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";
import {
  ALERT,
  CUSTOMER_IMPACT,
  GOROUTINE_DUMP,
  HEAP_PROFILE,
  HEAP_PROFILE_MB,
  LOGS,
  MITIGATIONS,
  QUESTIONS,
  TIMELINE,
} from "../src/lessons/incidentEvidence.ts";

// The case file, as the course received it (docs/incident-report.md is a verbatim copy).
const report = readFileSync(new URL("../docs/incident-report.md", import.meta.url), "utf8");

it("quotes the incident report word for word", () => {
  const quoted = [
    ...ALERT.details,
    `**Triggered**: ${ALERT.triggered}`,
    `**Acknowledged**: ${ALERT.acknowledged}`,
    `**Severity**: ${ALERT.severity}`,
    ...TIMELINE.flatMap((entry) => [`**${entry.at}** - ${entry.what}`, ...(entry.detail ?? [])]),
    ...CUSTOMER_IMPACT,
    ...MITIGATIONS,
    ...QUESTIONS,
  ];
  for (const text of quoted) expect(report, text).toContain(text);
  // The exhibits are quoted as blocks, line for line.
  for (const block of [HEAP_PROFILE, GOROUTINE_DUMP, LOGS]) expect(report).toContain(block.join("\n"));
  expect(
    HEAP_PROFILE_MB.map((mb) => `${mb}MB`).every((figure) => HEAP_PROFILE.join("").includes(figure)),
  ).toBe(true);
});

it("has all four of the report's questions, in order", () => {
  const section = report.slice(
    report.indexOf("## Questions for Investigation"),
    report.indexOf("## Relevant Logs"),
  );
  expect(
    QUESTIONS.map((question, i) => `${i + 1}. ${question}`).every((line) => section.includes(line)),
  ).toBe(true);
  expect(section.match(/^\d+\. /gm)).toHaveLength(QUESTIONS.length);
});

it("has every one of the report's questions answered by some lesson, which says so", () => {
  const lessons = readdirSync(new URL("../lessons/", import.meta.url)).map((folder) =>
    readFileSync(new URL(`../lessons/${folder}/lesson.mdx`, import.meta.url), "utf8"),
  );
  for (let n = 1; n <= QUESTIONS.length; n++) {
    const answered = lessons.some((text) =>
      new RegExp(`<ReportQuestion\\s+n=\\{${n}\\}\\s+answer="[^"]{40,}"`).test(text),
    );
    expect(answered, `no lesson answers the report's question ${n}`).toBe(true);
  }
});
