import { describe, expect, it } from "vitest";
import { checkSummary } from "./checkSummary.ts";
import { fail, pass } from "./report.ts";

const passing = (count: number) => Array.from({ length: count }, (_, i) => pass(`check ${i}`, "ok"));

describe("checkSummary", () => {
  it("says both, not all 2, when a lesson's two checks pass", () => {
    expect(checkSummary({ status: "pass", tests: passing(2) })).toBe("Both checks pass. Lesson complete.");
  });

  it("counts three or more, and names a single check as the check", () => {
    expect(checkSummary({ status: "pass", tests: passing(7) })).toBe("All 7 checks pass. Lesson complete.");
    expect(checkSummary({ status: "pass", tests: passing(1) })).toBe("The check passes. Lesson complete.");
    expect(checkSummary({ status: "fail", tests: [fail("only", "no")] })).toBe("The check fails.");
  });

  it("says how many of the checks pass when some fail, and neither when both of two fail", () => {
    expect(checkSummary({ status: "fail", tests: [pass("a", "ok"), fail("b", "no")] })).toBe(
      "1 of 2 checks pass.",
    );
    expect(checkSummary({ status: "fail", tests: [fail("a", "no"), fail("b", "no")] })).toBe(
      "Neither check passes.",
    );
    expect(checkSummary({ status: "fail", tests: [...passing(2), fail("c", "no")] })).toBe(
      "2 of 3 checks pass.",
    );
  });
});
