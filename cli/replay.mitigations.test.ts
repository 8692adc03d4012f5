/** The report's failed mitigations (E4), replayed: a bigger limit only delays the OOM; more pods all reach it. */
import { describe, expect, it } from "vitest";
import { DEFAULT_REPLAY, replay } from "../src/sim/replay.ts";
import { serviceCode } from "./replayCode.ts";

const firstKill = (events: readonly { pod: number; type: string; minute: number }[], pod: number) =>
  events.find((event) => event.pod === pod && event.type === "OOMKilled")?.minute;

describe("the mitigations", () => {
  it("with a 4 GiB limit, only delays pod 1's OOM kill", async () => {
    // One after the other: a thread runs one simulation at a time (the runtime learner code sees is global).
    const small = await replay({ ...DEFAULT_REPLAY, onlyPods: [1] }, serviceCode);
    const big = await replay({ ...DEFAULT_REPLAY, limitMiB: 4096, minutes: 600, onlyPods: [1] }, serviceCode);
    const [smallKill, bigKill] = [firstKill(small.events, 1), firstKill(big.events, 1)];
    expect(smallKill).toBeDefined();
    expect(bigKill).toBeDefined();
    expect(bigKill ?? 0).toBeGreaterThan((smallKill ?? 0) + 60);
  }, 120_000);

  it("with five pods, every pod still reaches its limit", async () => {
    const result = await replay({ ...DEFAULT_REPLAY, pods: 5, minutes: 240 }, serviceCode);
    for (let pod = 1; pod <= 5; pod++) expect(firstKill(result.events, pod), `pod ${pod}`).toBeDefined();
  }, 120_000);
});
