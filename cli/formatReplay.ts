/** The replay as people read it: a Grafana-like table every five minutes, then events, profile and symptoms. */
import { REPLAY_START, type ReplayOptions, type ReplayResult, type ReplaySample } from "../src/sim/replay.ts";
import { fittedGrowth, slope } from "../src/sim/trend.ts";

const EVERY_MINUTES = 5;

export function formatReplay(result: ReplayResult, options: ReplayOptions): string {
  const pods = Array.from({ length: options.pods }, (_, index) => index + 1);
  const header = ["clock", ...pods.map((pod) => `pod ${pod} handles   MiB`)].map((cell, index) =>
    index === 0 ? cell.padEnd(6) : cell.padStart(22),
  );
  const lines = [
    `cloudvault-api, ${options.pods} pod(s), limit ${options.limitMiB} MiB, leaky: ${
      ["upload", "sync", "ratelimit"].filter((s) => !options.fixed.has(s as never)).join(", ") || "none"
    }`,
    "",
    header.join(""),
  ];
  const minutes = [...new Set(result.samples.map((sample) => sample.minute))].filter(
    (m) => m % EVERY_MINUTES === 0,
  );
  for (const minute of minutes) {
    const row = result.samples.filter((sample) => sample.minute === minute);
    const clock = row[0]?.clock ?? "";
    const cells = pods.map((pod) => {
      const sample = row.find((entry) => entry.pod === pod);
      return sample
        ? `${sample.handles.toLocaleString("en-US").padStart(13)} ${sample.memoryMiB.toFixed(0).padStart(7)}`
        : "down".padStart(21);
    });
    lines.push([clock.padEnd(6), ...cells.map((cell) => cell.padStart(22))].join(""));
  }
  lines.push("", "events:");
  if (result.events.length === 0) lines.push("  none");
  for (const event of result.events) {
    const exit = event.exitCode === undefined ? "" : ` (exit code ${event.exitCode})`;
    lines.push(
      `  ${event.clock}  pod ${event.pod}  ${event.type}${exit}  ${event.handles} handles, ${event.memoryMiB} MiB`,
    );
  }
  lines.push("", "trend per pod, by least squares from 03:00 to its first OOM kill (or the end):");
  for (const pod of pods) lines.push(`  pod ${pod}: ${trendText(podRun(result, pod))}`);
  lines.push("", "heap profile of pod 1 when its alert fired (modelled inuse_space):");
  if (result.heapProfile.length === 0) lines.push("  no alert, no profile");
  for (const entry of result.heapProfile.slice(0, 6)) {
    lines.push(`  ${`${entry.MiB.toFixed(1)}MB`.padStart(9)}  ${entry.function}  at ${entry.site}`);
  }
  const { stuckUploads, staleDevices, requestsDuringRestart } = result.symptoms;
  lines.push(
    "",
    "what users felt:",
    `  uploads stuck at 100%: ${stuckUploads}`,
    `  devices turned away (stale sync data): ${staleDevices}`,
    `  requests refused while pods restarted (502): ${requestsDuringRestart}`,
    "",
    `Replayed from ${clockOf(REPLAY_START)} for ${options.minutes} minutes; memory is modelled (src/runtime/MEMORY_MODEL.md).`,
  );
  return `${lines.join("\n")}\n`;
}

function clockOf(at: number): string {
  const minutes = Math.floor(at / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** A pod's samples from the start of the replay to its first OOM kill. */
export function podRun(result: ReplayResult, pod: number): ReplaySample[] {
  const killed = result.events.find((event) => event.pod === pod && event.type === "OOMKilled")?.minute;
  return result.samples.filter(
    (sample) => sample.pod === pod && (killed === undefined || sample.minute < killed),
  );
}

function trendText(samples: readonly ReplaySample[]): string {
  const handles = samples.map((sample) => [sample.minute, sample.handles] as const);
  const memory = samples.map((sample) => [sample.minute, sample.memoryMiB] as const);
  const percent = (value: number) => `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)}%`;
  const signed = (value: number, digits: number) => `${value >= 0 ? "+" : ""}${value.toFixed(digits)}`;
  return `handles ${signed(slope(handles), 1)}/min (${percent(fittedGrowth(handles))}), memory ${signed(
    slope(memory),
    2,
  )} MiB/min (${percent(fittedGrowth(memory))}) over ${samples.length} minutes`;
}
