import { describe, expect, it } from "vitest";
import { QUESTIONS } from "./incidentEvidence.ts";
import { postmortemMarkdown, type ServiceFix } from "./postmortem.ts";

const upload: ServiceFix = {
  title: "Upload",
  fileName: "storage.ts",
  cause: "a progress reporter per upload",
  idiom: "close the channel in `finally`",
  completedAt: Date.UTC(2026, 10, 28),
  before: { minutes: 60, handles: 1450, memoryMiB: 1729.8 },
  after: { minutes: 60, handles: 5, memoryMiB: 1551.2 },
  code: "const fence = '```';\nexport class StorageService {}\n",
};

describe("postmortemMarkdown", () => {
  it("writes the learner's answers under the report's questions, and figures before and after", () => {
    const text = postmortemMarkdown({
      writtenAt: Date.UTC(2026, 10, 28),
      answers: ["Goroutines never exit.", "", "Nobody closes the channel.\nSecond line.", ""],
      fixes: [upload, { title: "Sync", fileName: "sync.ts", cause: upload.cause, idiom: upload.idiom }],
    });
    expect(text).toContain("Written with Leak Lab on 2026-11-28. Status: 1 of 2 services fixed and checked.");
    for (const question of QUESTIONS) expect(text).toContain(question);
    expect(text).toContain("1. **Why are goroutine counts growing unbounded?**\n\n   Goroutines never exit.");
    expect(text).toContain("_No answer yet._");
    expect(text).toContain("   Nobody closes the channel.\n   Second line.");
    expect(text).toContain("1,450 handles, 1730 MiB after 60 min");
    expect(text).toContain(
      "| Sync | a progress reporter per upload | close the channel in `finally` | not yet passing | not recorded | not recorded |",
    );
  });

  it("fences the learner's code so backticks in it cannot break the document", () => {
    const text = postmortemMarkdown({ writtenAt: 0, answers: [], fixes: [upload] });
    expect(text).toContain("````ts\nconst fence = '```';");
    expect(text.trimEnd().endsWith("````")).toBe(true);
  });
});
