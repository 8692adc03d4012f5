import { describe, expect, it } from "vitest";
import { formatTime } from "./timeFormat.ts";

describe("Time.Format on the virtual clock", () => {
  it("starts where the Go playground's clock starts, in UTC", () => {
    expect(formatTime(0, "2006-01-02 15:04:05 MST")).toBe("2009-11-10 23:00:00 UTC");
  });

  it("reads the layout as Go does: long tokens first, 12-hour clocks, fractions, zones", () => {
    const later = 90 * 60_000 + 1.5; // 1 h 30 min and 1.5 ms after the start
    expect(formatTime(later, "Mon Jan _2 3:04PM .000000 Z07:00")).toBe("Wed Nov 11 12:30AM .001500 Z");
    expect(formatTime(later, "January 2, 2006 (Monday) 06/1/2 -0700")).toBe(
      "November 11, 2009 (Wednesday) 09/11/11 +0000",
    );
    expect(formatTime(later, "2006-01-02T15:04:05.000Z07:00")).toBe("2009-11-11T00:30:00.001Z");
  });

  it("takes fractions of any length, and words only where Go's layout parser does", () => {
    const later = 1000 + 7e-6; // one second and 7 ns after the start
    expect(formatTime(later, "05.999999999 05.000 05,00 05.9")).toBe("01.000000007 01.000 01,00 01");
    expect(formatTime(0, "Month: Janet, Monday, Mon.")).toBe("Month: Janet, Tuesday, Tue.");
  });
});
