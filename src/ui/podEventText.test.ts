import { describe, expect, it } from "vitest";
import type { PodEvent } from "../sim/podLifecycle.ts";
import { killNotice, podEventText } from "./podEventText.ts";

const kill = (t: number): PodEvent => ({
  type: "OOMKilled",
  t,
  exitCode: 137,
  handles: 3998,
  memoryMiB: 2052.1,
});
const restart = (t: number): PodEvent => ({ type: "Restarted", t, handles: 0, memoryMiB: 1550 });
const HOUR = 3_600_000;

describe("killNotice", () => {
  it("says nothing before the first kill", () => {
    expect(killNotice([{ type: "AlertFired", t: HOUR, handles: 1, memoryMiB: 1900 }], 0)).toBeUndefined();
  });

  it("says when the last kill was, that the pod is down, and the restarts so far", () => {
    expect(killNotice([kill(HOUR)], 1)).toBe(
      "OOMKilled (exit code 137) at 01:00:00 virtual; the pod is down, restarting — 0 restarts so far",
    );
  });

  it("says how much later the pod came back, counting every kill even when the list let old ones go", () => {
    const events = [kill(5 * HOUR + 12 * 60_000 + 40_000), restart(5 * HOUR + 19 * 60_000 + 40_000)];
    expect(killNotice(events, 3)).toBe(
      "OOMKilled (exit code 137) at 05:12:40 virtual; restarted 7 minutes later — 3 restarts so far",
    );
  });
});

describe("podEventText", () => {
  it("names each event with its clock time and figures", () => {
    expect(podEventText(kill(HOUR))).toBe("01:00:00 OOMKilled, exit code 137 (2,052 MiB, 3,998 handles)");
    expect(podEventText(restart(HOUR))).toBe("01:00:00 restarted: a fresh pod (1,550 MiB, 0 handles)");
  });
});
