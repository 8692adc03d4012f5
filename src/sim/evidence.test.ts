import { describe, expect, it } from "vitest";
import type { LogEntry } from "../runtime/log.ts";
import { Runtime } from "../runtime/runtime.ts";
import { EvidenceRecorder, formatLogLine, logTimestamp, sessionAfterComplete } from "./evidence.ts";

const entry = (message: string, fields: Record<string, unknown>, t = 0): LogEntry => ({
  t,
  level: "info",
  message,
  fields,
  task: undefined,
});
const line = (at: number, message: string, session: string, bytes?: number) => ({
  at,
  entry: entry(message, bytes === undefined ? { session } : { session, bytes }),
});

describe("the evidence's logs", () => {
  it("stamp clock times as the report's logs do", () => {
    expect(logTimestamp((3 * 3600 + 42 * 60 + 18) * 1000 + 999)).toBe("2024-01-15T03:42:18Z");
    expect(formatLogLine(0, entry("Upload started", { session: "a1" }))).toBe(
      "2024-01-15T00:00:00Z INFO  Upload started session=a1",
    );
  });

  it("pick the latest session with progress after its complete, up to that progress", () => {
    const lines = [
      line(1, "Upload started", "a"),
      line(2, "Upload started", "b"),
      line(3, "Upload complete", "a"),
      line(4, "Upload progress", "b", 1),
      line(5, "Upload complete", "b"),
      line(6, "Upload progress", "b", 2),
      line(7, "Upload started", "b"),
    ];
    expect(sessionAfterComplete(lines).map(({ at }) => at)).toEqual([2, 4, 5, 6]);
  });

  it("are empty when every session stopped at its complete (a fixed service)", () => {
    const lines = [line(1, "Upload progress", "a", 1), line(2, "Upload complete", "a")];
    expect(sessionAfterComplete(lines)).toEqual([]);
  });

  it("keep only the latest lines, in order, however long the pod runs", () => {
    const runtime = new Runtime();
    const recorder = new EvidenceRecorder(runtime, (now) => now);
    const log = (t: number, message: string, session: string) =>
      runtime.onLog?.(entry(message, { session }, t));
    log(0, "Upload complete", "old");
    // 7,998 lines more: "new"'s complete is the ring's last slot and its progress wraps round to the first.
    for (let t = 1; t <= 7998; t++) log(t, "Upload progress", t === 1 ? "old" : "noise");
    log(10_001, "Upload complete", "new");
    log(10_002, "Upload progress", "new");
    const evidence = recorder.take(runtime, 0, new Set());
    // "old" left the ring long ago; "new" is the latest session with progress after its complete.
    expect(evidence.logs).toEqual([
      "2024-01-15T00:00:10Z INFO  Upload complete session=new",
      "2024-01-15T00:00:10Z INFO  Upload progress session=new",
    ]);
  });
});
