import { describe, expect, it } from "vitest";
import { codeUsed, replayServices } from "../../jobs/chooseCode.ts";
import { ReplaySeries } from "../../series/replaySeries.ts";
import type { ReplayEvent } from "../../sim/replay.ts";
import { DEFAULT_SETTINGS, FIXED_CHOICES, fixedServices, settingsFromProps } from "./replaySettings.ts";
import { inClockOrder, podFigures, rateText } from "./replaySummary.ts";
import { serviceCode } from "./testServiceCode.ts";

const CODES = [
  serviceCode("upload", "my upload"),
  serviceCode("sync"),
  serviceCode("ratelimit", "my limiter"),
];

describe("replayServices", () => {
  it("runs the starters when nothing is fixed, whatever the learner saved", () => {
    const services = replayServices(CODES, fixedServices("none"), "mine");
    expect(services.map((s) => [s.source, s.fixed])).toEqual([
      ["upload starter", false],
      ["sync starter", false],
      ["ratelimit starter", false],
    ]);
  });

  it("runs the learner's saved fix where there is one and the solution elsewhere", () => {
    const services = replayServices(CODES, fixedServices("all"), "mine");
    expect(services.map((s) => s.source)).toEqual(["my upload", "sync solution", "my limiter"]);
    expect(services.every((s) => s.fixed)).toBe(true);
    expect(CODES.map((c) => codeUsed(c, true, "mine"))).toEqual(["yours", "solution", "yours"]);
  });

  it("runs the solutions when asked, and fixes only the chosen service", () => {
    expect(replayServices(CODES, fixedServices("all"), "solutions").map((s) => s.source)).toEqual([
      "upload solution",
      "sync solution",
      "ratelimit solution",
    ]);
    expect(replayServices(CODES, fixedServices("sync"), "mine").map((s) => s.fixed)).toEqual([
      false,
      true,
      false,
    ]);
  });
});

describe("FIXED_CHOICES", () => {
  it("offers none, all three and each service alone, by the names the page shows", () => {
    expect(FIXED_CHOICES.map((choice) => choice.label)).toEqual([
      "none (as that night)",
      "all three",
      "upload only",
      "sync only",
      "rate limiter only",
    ]);
    expect(fixedServices("all")).toEqual(new Set(["upload", "sync", "ratelimit"]));
  });
});

describe("settingsFromProps", () => {
  it("takes a lesson's props and ignores what it does not offer", () => {
    expect(settingsFromProps({ fixed: "all", minutes: 1440 })).toEqual({
      ...DEFAULT_SETTINGS,
      fixed: "all",
      minutes: 1440,
    });
    expect(settingsFromProps({ fixed: "everything", minutes: 5000, pods: 4, limitMiB: 3000 })).toEqual(
      DEFAULT_SETTINGS,
    );
  });
});

describe("podFigures", () => {
  it("measures growth up to the pod's first OOM kill, not across the drop", () => {
    const series = new ReplaySeries(4, 1);
    const at = (minute: number, handles: number) => ({ minute, clock: "", pod: 1, handles, memoryMiB: 1600 });
    const kill = {
      minute: 2.5,
      clock: "03:02",
      pod: 1,
      type: "OOMKilled" as const,
      handles: 0,
      memoryMiB: 0,
    };
    series.append([at(0, 100), at(1, 140), at(2, 180), at(4, 412)], [kill]);
    const [pod] = podFigures(series.thinned());
    expect(pod).toMatchObject({ firstHandles: 100, lastHandles: 412, kills: 1, alerts: 0 });
    expect(pod?.handlesPerMinute).toBeCloseTo(40);
    expect(rateText(pod?.handlesPerMinute ?? 0, 1, "")).toBe("+40.0/min");
    expect(rateText(-0.01, 1, "")).toBe("+0.0/min");
  });
});

describe("inClockOrder", () => {
  it("lists the events by clock time as the report's timeline does, pods in order at the same minute", () => {
    const event = (pod: number, minute: number, type: ReplayEvent["type"]): ReplayEvent => ({
      minute,
      clock: "",
      pod,
      type,
      handles: 0,
      memoryMiB: 0,
    });
    // As the replay sends them: pod 1's night, then pod 2's, then pod 3's.
    const arrived = [
      event(1, 43, "AlertFired"),
      event(1, 77, "OOMKilled"),
      event(1, 84, "Restarted"),
      event(2, 49, "AlertFired"),
      event(2, 77, "OOMKilled"),
      event(3, 56, "AlertFired"),
    ];
    expect(inClockOrder(arrived).map((e) => `${e.minute} pod ${e.pod} ${e.type}`)).toEqual([
      "43 pod 1 AlertFired",
      "49 pod 2 AlertFired",
      "56 pod 3 AlertFired",
      "77 pod 1 OOMKilled",
      "77 pod 2 OOMKilled",
      "84 pod 1 Restarted",
    ]);
    // The list the replay keeps (the charts' marks) is left as it came.
    expect(arrived[1]?.pod).toBe(1);
  });
});
