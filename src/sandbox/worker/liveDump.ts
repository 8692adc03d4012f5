/**
 * The live run's goroutine dump and heap profile, in the learner's terms: their goroutines grouped by the line
 * that started them, their bytes by site; what the simulation runs (request handlers, requests in flight) named
 * as simulated, with no line to go to, since its file and line are the bundle's and mean nothing to them.
 */

import type { Runtime } from "../../runtime/runtime.ts";
import type { Task } from "../../runtime/task.ts";
import { describeTask } from "../../runtime/views/describeTask.ts";
import { groupTasks } from "../../runtime/views/formatDump.ts";
import { heapProfile } from "../../runtime/views/heapProfile.ts";
import type { DumpGroupRow, HeapRow } from "../protocol/run.ts";

export interface LiveDump {
  readonly groups: DumpGroupRow[];
  readonly heap: HeapRow[];
}

export function liveDump(runtime: Runtime, fileName: string): LiveDump {
  return { groups: dumpGroups(runtime, fileName), heap: heapRows(runtime, fileName) };
}

function dumpGroups(runtime: Runtime, fileName: string): DumpGroupRow[] {
  const now = runtime.now;
  const views = [...runtime.registry.handles("goroutine")].map((task) => describeTask(task as Task, now));
  return groupTasks(views).map((group) => {
    const common = { count: group.count, state: group.state, longestBlockedMs: group.longestBlocked };
    if (group.createSite.file === fileName) {
      const blockedAt = group.blockSite ? `${group.blockSite.fn} ${group.blockSite.key}` : "";
      return {
        ...common,
        function: group.createSite.fn,
        file: fileName,
        line: group.createSite.line,
        blockedAt,
      };
    }
    return {
      ...common,
      function: `${group.name ?? "runtime"} (simulated)`,
      file: "",
      line: 0,
      blockedAt: "",
    };
  });
}

/** The learner's sites by name; everything the simulation holds (requests in flight) as one row. */
function heapRows(runtime: Runtime, fileName: string): HeapRow[] {
  const entries = heapProfile(runtime.registry.bySite());
  const heap: HeapRow[] = entries
    .filter((entry) => entry.site.startsWith(`${fileName}:`))
    .map((entry) => ({ function: entry.function, site: entry.site, bytes: entry.bytes }));
  const simulated = entries.filter((entry) => !entry.site.startsWith(`${fileName}:`));
  if (simulated.length > 0) {
    const bytes = simulated.reduce((sum, entry) => sum + entry.bytes, 0);
    heap.push({ function: "requests in flight (simulated)", site: "", bytes });
  }
  return heap;
}
