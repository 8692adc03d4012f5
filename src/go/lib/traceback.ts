/**
 * Goroutine dumps as Go's runtime writes them (runtime.Stack, and the page's dumps of a Go program): a header
 * with the goroutine's id, what it waits on and for how long once that is a minute or more, the frame it is in
 * with its file and line, and the `go` statement that created it.
 *
 *     goroutine 7 [chan receive, 62 minutes]:
 *     leaklab/storage.(*Service).Upload.func1(...)
 *     	storage/storage.go:69
 *     created by leaklab/storage.(*Service).Upload in goroutine 1
 *     	storage/storage.go:67
 *
 * Leak Lab knows the innermost frame of the program's own code, where the goroutine blocks; Go also prints the
 * callers below it, and the standard library's frames above it (time.Sleep, sync.(*Mutex).Lock).
 */
import type { TaskState } from "../../runtime/handles.ts";
import { currentRuntime } from "../../runtime/runtime.ts";
import { fileName, type Site } from "../../runtime/stack.ts";
import type { Task } from "../../runtime/task.ts";
import { describeTask } from "../../runtime/views/describeTask.ts";
import { formatLeakReport } from "../../runtime/views/formatLeaks.ts";
import { utf8Bytes } from "../utf8.ts";
import { GoSlice } from "../values.ts";

const MINUTE_MS = 60_000;

/** A site of the program's source: Go's name of the function, the file, the line. */
export function site(fn: string, file: string, line: number): Site {
  return { fn, file, line, key: `${fileName(file)}:${line}` };
}

/** Where goroutines made by time.AfterFunc are created, as Go 1.23's traceback names it. */
export const AFTER_FUNC_SITE = site("time.goFunc", "$GOROOT/src/time/sleep.go", 215);

/**
 * Go 1.23's wait reason for a state the runtime names otherwise: a WaitGroup waits on a semaphore, which is all
 * the header says in Go 1.23.
 */
const GO_STATES: Partial<Record<TaskState, string>> = { "sync.WaitGroup.Wait": "semacquire" };

/** A frame, its arguments left out (Go prints their words in hex, which no learner reads). */
function frame(at: Site): string {
  return `${at.fn}(...)\n\t${at.file}:${at.line}\n`;
}

/** One goroutine's part of a dump; `running` for the goroutine that asked, with where it asked. */
export function goroutineTrace(task: Task, now: number, running?: Site): string {
  let header = running ? "running" : (GO_STATES[task.state] ?? task.state);
  const waited = Math.floor((now - task.blockedSince) / MINUTE_MS);
  if (!running && task.blocked && waited >= 1) header += `, ${waited} minutes`;
  let text = `goroutine ${task.id} [${header}]:\n`;
  const at = running ?? task.blockSite;
  if (at) text += frame(at);
  const created = task.givenSite;
  if (created) {
    // A goroutine a timer started has no parent goroutine, and Go names none.
    const parent = task.parentId ? ` in goroutine ${task.parentId}` : "";
    text += `created by ${created.fn}${parent}\n\t${created.file}:${created.line}\n`;
  }
  return text;
}

/**
 * runtime.Stack: the calling goroutine's trace, then with `all` every other goroutine's in the order they were
 * made, into buf as far as it holds; the bytes written.
 */
export function stack(buf: GoSlice | null, all: boolean, caller: Site): number {
  const runtime = currentRuntime();
  const self = runtime.running;
  const traces: string[] = [];
  if (self) traces.push(goroutineTrace(self, runtime.now, caller));
  if (all) for (const task of otherGoroutines()) traces.push(goroutineTrace(task, runtime.now));
  const bytes = utf8Bytes(traces.join("\n"));
  const n = Math.min(bytes.length, buf?.length ?? 0);
  for (let i = 0; i < n; i++) (buf as GoSlice).set(i, bytes[i]);
  return n;
}

/** The program's goroutines but the calling one, in the order they were made. */
function otherGoroutines(): Task[] {
  const runtime = currentRuntime();
  return [...runtime.registry.handles("goroutine")]
    .filter((h): h is Task => h !== runtime.running && !h.internal)
    .sort((a, b) => a.id - b.id);
}

/** goleak.IgnoreCurrent's list: the ids of the goroutines running now, the caller's aside. */
export function runningGoroutines(): GoSlice {
  const ids = otherGoroutines().map((task) => task.id);
  return new GoSlice(ids, 0, ids.length, ids.length);
}

/** goleak's report of the goroutines running but the caller and `ignore`'s, or "" when there are none. */
export function unexpectedGoroutines(ignore: GoSlice | null): string {
  const ignored = new Set<unknown>();
  for (let i = 0; i < (ignore?.length ?? 0); i++) ignored.add((ignore as GoSlice).get(i));
  const now = currentRuntime().now;
  const leaked = otherGoroutines().filter((task) => !ignored.has(task.id));
  return formatLeakReport(leaked.map((task) => describeTask(task, now)));
}
