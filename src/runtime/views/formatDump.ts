/**
 * Goroutine dumps in the shapes of Go's pprof endpoint: debug=1 groups tasks with the same state, blocking
 * site and creation site and counts them (largest group first); debug=2 prints every task like a panic
 * trace, with `[chan receive, 42 minutes]` once it has been blocked for a minute or more.
 */
import type { Site } from "../stack.ts";
import type { TaskView } from "./describeTask.ts";

const MINUTE = 60_000;

function createdBy(task: TaskView): string {
  const parent = task.parentId === undefined ? "" : ` in goroutine ${task.parentId}`;
  return `created by ${task.createSite.fn}${parent}\n\t${task.createSite.key}`;
}

function topFrame(site: Site): string {
  return `${site.fn}()\n\t${site.key}`;
}

/** `[chan receive]`, or `[chan receive, 42 minutes]` after a minute blocked, as Go prints it. */
export function stateLabel(task: TaskView): string {
  const minutes = Math.floor(task.blockedFor / MINUTE);
  return minutes >= 1 ? `${task.state}, ${minutes} minutes` : task.state;
}

/** One entry per task, oldest first, like `goroutine?debug=2` or a Go panic. */
export function formatDumpDebug2(tasks: readonly TaskView[]): string {
  return tasks
    .map((task) => {
      const lines = [`goroutine ${task.id} [${stateLabel(task)}]:`];
      if (task.blockSite) lines.push(topFrame(task.blockSite));
      lines.push(createdBy(task));
      return lines.join("\n");
    })
    .join("\n\n");
}

export interface DumpGroup {
  readonly count: number;
  readonly state: string;
  readonly blockSite: Site | undefined;
  readonly createSite: Site;
  /** The longest any task of the group has been blocked, in virtual ms. */
  readonly longestBlocked: number;
  readonly ids: readonly number[];
  /** The name the first task was given, if any (host tasks have one: "upload request"). */
  readonly name: string | undefined;
}

/** Tasks grouped by (state, blocking site, creation site), largest group first. */
export function groupTasks(tasks: readonly TaskView[]): DumpGroup[] {
  const groups = new Map<string, { first: TaskView; ids: number[]; longestBlocked: number }>();
  for (const task of tasks) {
    const key = `${task.state}|${task.blockSite?.key ?? ""}|${task.blockSite?.fn ?? ""}|${task.createSite.key}|${task.createSite.fn}`;
    const group = groups.get(key);
    if (group) {
      group.ids.push(task.id);
      group.longestBlocked = Math.max(group.longestBlocked, task.blockedFor);
    } else {
      groups.set(key, { first: task, ids: [task.id], longestBlocked: task.blockedFor });
    }
  }
  return [...groups.values()]
    .map(({ first, ids, longestBlocked }) => ({
      name: first.name,
      count: ids.length,
      state: first.state,
      blockSite: first.blockSite,
      createSite: first.createSite,
      longestBlocked,
      ids,
    }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        a.createSite.key.localeCompare(b.createSite.key) ||
        a.state.localeCompare(b.state) ||
        (a.ids[0] ?? 0) - (b.ids[0] ?? 0),
    );
}

/** Like `goroutine?debug=1`: a total, then each group with its count, state and stack. */
export function formatDumpDebug1(tasks: readonly TaskView[]): string {
  const sections = groupTasks(tasks).map((group) => {
    const lines = [`${group.count} @ [${group.state}]`];
    if (group.blockSite) lines.push(`#\t${group.blockSite.fn}\t${group.blockSite.key}`);
    lines.push(`#\tcreated by ${group.createSite.fn}\t${group.createSite.key}`);
    return lines.join("\n");
  });
  return [`goroutine profile: total ${tasks.length}`, ...sections].join("\n\n");
}
