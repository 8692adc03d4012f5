/**
 * goleak's report: "found unexpected goroutines:" then each leaked task with its state, the function on top
 * of its stack and where it was created. Identical tasks are printed once with a count, so a thousand leaked
 * uploads make one entry, not a thousand.
 */

import type { TaskView } from "./describeTask.ts";
import { formatDumpDebug2, groupTasks } from "./formatDump.ts";

/** The empty string when nothing leaked. */
export function formatLeakReport(leaked: readonly TaskView[]): string {
  if (leaked.length === 0) return "";
  const byId = new Map(leaked.map((task) => [task.id, task]));
  const entries = groupTasks(leaked).map((group) => {
    const first = byId.get(group.ids[0] ?? -1) as TaskView;
    const top = group.blockSite?.fn ?? group.createSite.fn;
    const more = group.count > 1 ? `\n... and ${group.count - 1} more goroutines like this one` : "";
    return `[Goroutine ${first.id} in state ${first.state}, with ${top} on top of the stack:\n${formatDumpDebug2([first])}${more}\n]`;
  });
  return `found unexpected goroutines:\n${entries.join("\n")}`;
}

export interface LeakGroup {
  /** `file:line` of the go(...) call. */
  readonly site: string;
  readonly function: string;
  readonly state: string;
  readonly count: number;
}

/** Leaks grouped by creation site and state: the shape `npm run check -- --json` prints. */
export function groupLeaks(leaked: readonly TaskView[]): LeakGroup[] {
  const groups = new Map<string, LeakGroup>();
  for (const task of leaked) {
    const key = `${task.createSite.key}|${task.state}`;
    const group = groups.get(key);
    groups.set(key, {
      site: task.createSite.key,
      function: task.createSite.fn,
      state: task.state,
      count: (group?.count ?? 0) + 1,
    });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.site.localeCompare(b.site));
}
