/**
 * time.sleep for the simulation's own code that runs in request tasks, which views show: the network delivering
 * a request body, the blob store writing. A runtime that records block stacks would capture one at each of these
 * sleeps, over a million a simulated day of uploads at a few microseconds each. They happen at a few fixed lines,
 * so each line's site is captured at its first sleep and handed to the runtime as the site of every later one:
 * what a dump shows is the same.
 */
import { currentRuntime } from "../runtime/runtime.ts";
import { captureStack, parseSite, type Site } from "../runtime/stack.ts";
import { sleep } from "../runtime/time.ts";

const sites = new Map<string, Site>();

/** Sleeps `ms` of virtual time; `line` names the calling line, a name of its own for each line that calls this. */
export function sleepAt(line: string, ms: number): Promise<void> {
  const runtime = currentRuntime();
  if (!runtime.blockStacks) return sleep(ms);
  let site = sites.get(line);
  if (site === undefined) {
    site = parseSite(captureStack(sleepAt, 2));
    sites.set(line, site);
  }
  runtime.siteHint = site;
  try {
    return sleep(ms);
  } finally {
    // Taken by the block when there is one; a sleep of 0 ms does not block, and the hint must not outlive it.
    runtime.siteHint = undefined;
  }
}
