/**
 * `leak-lab/runtime`: what learner code imports. Go's concurrency in TypeScript manners:
 *
 *   go(fn)                          start a task (a goroutine)
 *   chan<T>(cap), ch.send(v), ch.recv() -> [v, ok], ch.close(), for await (const v of ch)
 *   select([recv(ch, (v, ok) => ...), send(ch, v, () => ...)], orDefault?)
 *   context.background(), context.withCancel(ctx), context.withTimeout(ctx, ms), ctx.done(), ctx.err()
 *   time.sleep(ms), time.after(ms), time.newTimer(ms), time.newTicker(ms), time.afterFunc(ms, fn)
 *   new sync.WaitGroup(), new sync.Mutex(), new sync.Once()
 *   alloc(bytes, label) -> Bytes     modelled memory (see MEMORY_MODEL.md)
 *   log.info(message, fields)
 *   await leaktest.verifyNone()      goleak: fail a test if anything it started is still running
 *
 * Everything runs on the virtual clock of the runtime the host started.
 */
import { currentRuntime } from "./runtime.ts";

export type { RecvResult } from "./chan.ts";
export { Chan, chan, nilChan } from "./chan.ts";
export type { CancelFunc, Context } from "./context.ts";
export * as context from "./context.ts";
export * as leaktest from "./leaktest.ts";
export * as log from "./log.ts";
export { alloc, Bytes } from "./memory.ts";
export { Panic } from "./panic.ts";
export type { SelectCase } from "./select.ts";
export { recv, select, send } from "./select.ts";
export * as sync from "./sync.ts";
export { Mutex, Once, WaitGroup } from "./sync.ts";
export * as time from "./time.ts";

/**
 * Starts `fn` as a new task. The caller carries on; `fn` runs once the tasks ahead of it block. The task
 * counts as a live handle, born at this line, until `fn` returns or its promise settles.
 */
export function go(fn: () => unknown, name?: string): void {
  currentRuntime().go(fn, { name, entry: go });
}
