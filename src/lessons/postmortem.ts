/**
 * The learner's postmortem as a Markdown document: the incident from the report, the three causes and their
 * fixes, the learner's answers to the report's questions, and the figures from their own runs before and after.
 * Pure: the page gathers the inputs, this writes the text.
 */
import { MITIGATIONS, QUESTIONS, TIMELINE } from "./incidentEvidence.ts";

export interface RunEnd {
  /** Virtual minutes the run covered. */
  readonly minutes: number;
  readonly handles: number;
  readonly memoryMiB: number;
}

export interface ServiceFix {
  readonly title: string;
  readonly fileName: string;
  /** What leaked and the idiom that fixes it, in one sentence each. */
  readonly cause: string;
  readonly idiom: string;
  /** Epoch ms the lesson's checks all passed, if they have. */
  readonly completedAt?: number;
  /** The end of the leaky run (the one the learner pinned, else the starter's latest) and of their own latest. */
  readonly before?: RunEnd;
  readonly after?: RunEnd;
  /** The learner's current code for the file. */
  readonly code?: string;
}

export interface PostmortemInput {
  /** Epoch ms the document is written. */
  readonly writtenAt: number;
  /** The learner's answers to the report's questions, in their order ("" for none). */
  readonly answers: readonly string[];
  readonly fixes: readonly ServiceFix[];
}

const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const figures = (run: RunEnd | undefined) =>
  run
    ? `${Math.round(run.handles).toLocaleString("en-US")} handles, ${run.memoryMiB.toFixed(0)} MiB after ${Math.round(run.minutes)} min`
    : "not recorded";

/** A fence longer than any run of backticks in the code, so the learner's code cannot end the block early. */
function fenced(code: string, language: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${code.trimEnd()}\n${fence}`;
}

export function postmortemMarkdown(input: PostmortemInput): string {
  const fixed = input.fixes.filter((fix) => fix.completedAt !== undefined).length;
  const lines: string[] = [
    "# Postmortem: CloudVault API out of memory, 2024-01-15",
    "",
    `Written with Leak Lab on ${date(input.writtenAt)}. Status: ${fixed} of ${input.fixes.length} services fixed and checked.`,
    "",
    "## Summary",
    "",
    "The cloudvault-api pods ran out of memory during the night because goroutines leaked in three services:",
    "every upload, every sync watcher and every config reload started a goroutine that could never end, and",
    "each held its stack and buffers. Memory grew with time, not with traffic, until Kubernetes OOM-killed the pods.",
    "",
    "## Timeline (from the incident report)",
    "",
    ...TIMELINE.map((entry) => `- **${entry.at}**: ${entry.what}`),
    "",
    "## Mitigations tried that night, and why they failed",
    "",
    ...MITIGATIONS.map((mitigation) => `- ${mitigation}`),
    "",
    "None of them touched the cause: a bigger limit or more pods only delay the same climb, and a restarted pod",
    "rebuilds its leaked goroutines from normal work.",
    "",
    "## Root causes and fixes",
    "",
    "| service | what leaked | the fix | checks | before (pinned or starter run) | after (latest run of your code) |",
    "| --- | --- | --- | --- | --- | --- |",
    ...input.fixes.map(
      (fix) =>
        `| ${fix.title} | ${fix.cause} | ${fix.idiom} | ${fix.completedAt === undefined ? "not yet passing" : `passed ${date(fix.completedAt)}`} | ${figures(fix.before)} | ${figures(fix.after)} |`,
    ),
    "",
    "## Questions for investigation",
    "",
  ];
  QUESTIONS.forEach((question, index) => {
    const answer = input.answers[index]?.trim();
    lines.push(
      `${index + 1}. **${question}**`,
      "",
      `   ${answer ? answer.replace(/\n/g, "\n   ") : "_No answer yet._"}`,
      "",
    );
  });
  lines.push(
    "## Action items",
    "",
    "- Alert on goroutine count (`go_goroutines`) rising steadily over hours, not only on memory.",
    "- Put the goroutine count and the heap profile's top sites on the service dashboard.",
    "- Add a leak test (goleak's `VerifyNone`) to each service's test suite, run in CI.",
    "- Review every `go` statement for its way to stop and its owner who waits for it.",
    "",
    "## The fixed code",
    "",
  );
  for (const fix of input.fixes) {
    lines.push(`### ${fix.title}: ${fix.fileName}`, "");
    lines.push(fix.code ? fenced(fix.code, "ts") : "_No saved code for this lesson._", "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
