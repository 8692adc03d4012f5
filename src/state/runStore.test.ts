import { describe, expect, it } from "vitest";
import type { PodEvent } from "../sim/podLifecycle.ts";
import { MAX_POD_EVENTS, NO_RUN, type RunState, withPodEvent } from "./runStore.ts";

const alert = (t: number): PodEvent => ({ type: "AlertFired", t, handles: 3000, memoryMiB: 1900 });
const kill = (t: number): PodEvent => ({
  type: "OOMKilled",
  t,
  exitCode: 137,
  handles: 4000,
  memoryMiB: 2052,
});
const restart = (t: number): PodEvent => ({ type: "Restarted", t, handles: 0, memoryMiB: 1550 });

function play(events: readonly PodEvent[]): RunState {
  let state = NO_RUN;
  for (const event of events) state = { ...state, ...withPodEvent(state, event) };
  return state;
}

describe("withPodEvent", () => {
  it("counts alerts and kills, and lists every event, while the list has room", () => {
    const state = play([alert(1), kill(2), restart(3), alert(4)]);
    expect(state.alerts).toBe(2);
    expect(state.kills).toBe(1);
    expect(state.podEvents.map((event) => event.type)).toEqual([
      "AlertFired",
      "OOMKilled",
      "Restarted",
      "AlertFired",
    ]);
  });

  it("counts alerts over the whole run, as kills are, after the list lets old events go", () => {
    const cycles = MAX_POD_EVENTS; // three events a cycle: three times more than the list keeps
    const events = Array.from({ length: cycles }, (_, i) => [
      alert(3 * i),
      kill(3 * i + 1),
      restart(3 * i + 2),
    ]);
    const state = play(events.flat());
    expect(state.podEvents).toHaveLength(MAX_POD_EVENTS);
    expect(state.podEvents.filter((event) => event.type === "AlertFired").length).toBeLessThan(cycles);
    expect(state.alerts).toBe(cycles);
    expect(state.kills).toBe(cycles);
  });
});
