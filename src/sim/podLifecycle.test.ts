import { describe, expect, it } from "vitest";
import { ALERT_AFTER_MS, ALERT_SHARE, MEMORY_CHECK_EVERY_MS, RESTART_DELAY_MS } from "./calibration.ts";
import { type PodEvent, PodLifecycle } from "./podLifecycle.ts";

const LIMIT_MIB = 2048;
const LINE_MIB = LIMIT_MIB * ALERT_SHARE;
const SECOND = 1000;
/** Under the alert line, and above it. */
const LOW = 1800;
const HIGH = 1900;

/**
 * A host in miniature: checks the pod every 10 s up to `untilMs` and reboots it when it is due back.
 * `memory(sinceBootMs)` is each incarnation's curve, so a restarted pod starts from the curve's beginning.
 */
function run(memory: (sinceBootMs: number) => number, untilMs: number): PodEvent[] {
  const pod = new PodLifecycle({ limitMiB: LIMIT_MIB, restartDelayMs: RESTART_DELAY_MS });
  const events: PodEvent[] = [];
  let bootAt = 0;
  for (let t = MEMORY_CHECK_EVERY_MS; t <= untilMs; t += MEMORY_CHECK_EVERY_MS) {
    const event = pod.check({ t, memoryMiB: memory(t - bootAt), handles: 3 });
    if (event) events.push(event);
    const restartAt = pod.restartAt;
    if (restartAt === undefined) continue;
    if (restartAt > untilMs) break;
    bootAt = t = restartAt;
    events.push(pod.restarted({ t, memoryMiB: memory(0), handles: 1 }));
  }
  return events;
}

const moments = (events: readonly PodEvent[]) => events.map((event) => [event.type, event.t / SECOND]);

/** 1800 MiB at boot, 1 MiB more every 10 s: above the line from 440 s, at the limit at 2480 s. */
const ramp = (sinceBootMs: number) => LOW + sinceBootMs / MEMORY_CHECK_EVERY_MS;

describe("PodLifecycle", () => {
  it("never alerts on a flat curve under the alert line, however long", () => {
    expect(run(() => LOW, 24 * 3600 * SECOND)).toEqual([]);
  });

  it("alerts exactly five minutes after the first check above 90% of the limit", () => {
    expect(ramp(430 * SECOND)).toBeLessThan(LINE_MIB);
    expect(ramp(440 * SECOND)).toBeGreaterThan(LINE_MIB);
    expect(moments(run(ramp, 1000 * SECOND))).toEqual([["AlertFired", 440 + ALERT_AFTER_MS / SECOND]]);
  });

  it("starts the five minutes again when memory dips under the line and comes back", () => {
    // Above from 100 s, under at the 260 s check only, above again from 270 s on.
    const dipping = (sinceBootMs: number) =>
      sinceBootMs < 100 * SECOND || sinceBootMs === 260 * SECOND ? LOW : HIGH;
    expect(moments(run(dipping, 1000 * SECOND))).toEqual([["AlertFired", 270 + 300]]);
  });

  it("counts memory exactly on the line as under it", () => {
    expect(run(() => LINE_MIB, 3600 * SECOND)).toEqual([]);
  });

  it("fires one alert per pod, however long memory stays above the line", () => {
    expect(moments(run(() => HIGH, 3600 * SECOND))).toEqual([["AlertFired", 10 + 300]]);
  });

  it("OOM-kills with exit code 137 at the limit and restarts the pod after the delay", () => {
    const events = run(ramp, 3000 * SECOND);
    expect(events.slice(1)).toEqual([
      { type: "OOMKilled", t: 2480 * SECOND, exitCode: 137, handles: 3, memoryMiB: LIMIT_MIB },
      { type: "Restarted", t: 2480 * SECOND + RESTART_DELAY_MS, handles: 1, memoryMiB: LOW },
    ]);
  });

  it("hears nothing from a killed pod until it is restarted", () => {
    const pod = new PodLifecycle({ limitMiB: LIMIT_MIB, restartDelayMs: RESTART_DELAY_MS });
    expect(pod.restartAt).toBeUndefined();
    expect(pod.check({ t: 10 * SECOND, memoryMiB: LIMIT_MIB + 1, handles: 3 })?.type).toBe("OOMKilled");
    expect(pod.restartAt).toBe(10 * SECOND + RESTART_DELAY_MS);
    expect(pod.check({ t: 20 * SECOND, memoryMiB: LIMIT_MIB + 1, handles: 3 })).toBeUndefined();
    pod.restarted({ t: pod.restartAt ?? 0, memoryMiB: LOW, handles: 1 });
    expect(pod.restartAt).toBeUndefined();
  });

  it("alerts again on the restarted pod, and reports every event in clock order", () => {
    // Booted at 2900 s, the second pod crosses the line at 2900 + 440 s and reaches the limit at 2900 + 2480 s.
    expect(moments(run(ramp, 6000 * SECOND))).toEqual([
      ["AlertFired", 740],
      ["OOMKilled", 2480],
      ["Restarted", 2900],
      ["AlertFired", 2900 + 740],
      ["OOMKilled", 2900 + 2480],
      ["Restarted", 5800],
    ]);
  });

  it("starts the count again after a restart that was not a kill", () => {
    const pod = new PodLifecycle({ limitMiB: LIMIT_MIB });
    for (let t = 10; t <= 290; t += 10) pod.check({ t: t * SECOND, memoryMiB: HIGH, handles: 0 });
    pod.restarted({ t: 290 * SECOND, memoryMiB: LOW, handles: 0 });
    expect(pod.check({ t: 310 * SECOND, memoryMiB: HIGH, handles: 0 })).toBeUndefined();
    expect(pod.check({ t: 600 * SECOND, memoryMiB: HIGH, handles: 0 })).toBeUndefined();
    expect(pod.check({ t: 610 * SECOND, memoryMiB: HIGH, handles: 0 })?.type).toBe("AlertFired");
  });
});
