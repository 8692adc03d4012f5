/** A task as the views print it: plain data, so the formatters are pure functions with exact-text tests. */
import type { TaskState } from "../handles.ts";
import { parseSite, type Site } from "../stack.ts";
import type { Task } from "../task.ts";

export interface TaskView {
  readonly id: number;
  readonly name: string | undefined;
  readonly state: TaskState;
  /** Virtual ms the task has been in `state` (0 while running or runnable). */
  readonly blockedFor: number;
  /** Where it is blocked, when known. */
  readonly blockSite: Site | undefined;
  /** Where `go(...)` was called. */
  readonly createSite: Site;
  readonly parentId: number | undefined;
  readonly bytes: number;
}

/**
 * Go names the anonymous function a `go func() {...}()` runs after the function that started it
 * (`Upload.func1`); the engine leaves it nameless, so the views borrow Go's convention.
 */
function nameAnonymous(site: Site | undefined, creator: Site): Site | undefined {
  // "eval" is how V8 names the top frame of code evaluated by the browser sandbox.
  const nameless = site?.fn === "(anonymous)" || site?.fn === "eval";
  return site && nameless ? { ...site, fn: `${creator.fn}.func1` } : site;
}

export function describeTask(task: Task, now: number): TaskView {
  const rawBlockSite = task.blockSite ?? (task.blockStack ? parseSite(task.blockStack) : undefined);
  const blockSite = task.blocked ? nameAnonymous(rawBlockSite, task.site) : undefined;
  return {
    id: task.id,
    name: task.name,
    state: task.state,
    blockedFor: task.blocked ? now - task.blockedSince : 0,
    blockSite,
    createSite: task.site,
    parentId: task.parentId,
    bytes: task.bytes,
  };
}
