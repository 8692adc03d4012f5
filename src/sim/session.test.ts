import { describe, expect, it } from "vitest";
import { summarizeLeaks } from "./session.ts";

describe("summarizeLeaks", () => {
  it("joins the groups on one line as count × site function [state], in the order given", () => {
    expect(
      summarizeLeaks([
        { count: 3, site: "storage.ts:52", function: "StorageService.upload", state: "chan receive" },
        { count: 1, site: "ratelimit.ts:40", function: "RateLimiter.startCleanup", state: "ticker" },
      ]),
    ).toBe(
      "3 × storage.ts:52 StorageService.upload [chan receive]; 1 × ratelimit.ts:40 RateLimiter.startCleanup [ticker]",
    );
  });

  it("says nothing when nothing leaked", () => {
    expect(summarizeLeaks([])).toBe("");
  });
});
