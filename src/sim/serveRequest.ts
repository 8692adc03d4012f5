/**
 * Runs one request in a task of its own, as Go's HTTP server does. All requests of a kind share one creation
 * site (captured at the first), so a busy replay does not pay for a stack capture per request.
 */
import { currentRuntime } from "../runtime/runtime.ts";
import { captureStack, type StackCapture } from "../runtime/stack.ts";

const sites = new Map<string, StackCapture>();

export function serveRequest(kind: string, body: () => Promise<void>): void {
  let stack = sites.get(kind);
  if (!stack) {
    stack = captureStack(serveRequest);
    sites.set(kind, stack);
  }
  currentRuntime().go(body, { name: kind, stack });
}
