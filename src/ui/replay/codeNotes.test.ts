import { describe, expect, it } from "vitest";
import { codeNotes } from "./codeNotes.ts";
import { fixedServices } from "./replaySettings.ts";
import { serviceCode } from "./testServiceCode.ts";

const date = () => "29/11/2026";

describe("codeNotes", () => {
  it("says plainly which fixed service runs the solution because the learner has not fixed it, and where to", () => {
    const codes = [serviceCode("upload", "my upload"), serviceCode("sync"), serviceCode("ratelimit")];
    expect(codeNotes(codes, fixedServices("all"), date)).toEqual([
      { service: "upload", kind: "yours", text: "upload runs your code, saved 29/11/2026." },
      {
        service: "sync",
        kind: "solution",
        text: "sync runs the solution: you haven't fixed sync yet",
        lesson: { order: 5, slug: "sync" },
      },
      {
        service: "ratelimit",
        kind: "solution",
        text: "rate limiter runs the solution: you haven't fixed rate limiter yet",
        lesson: { order: 6, slug: "ratelimit" },
      },
    ]);
  });

  it("names only the services the replay fixes", () => {
    const codes = [serviceCode("upload"), serviceCode("sync", "my sync"), serviceCode("ratelimit")];
    expect(codeNotes(codes, fixedServices("sync"), date).map((note) => note.text)).toEqual([
      "sync runs your code, saved 29/11/2026.",
    ]);
    expect(codeNotes(codes, fixedServices("none"), date)).toEqual([]);
  });
});
