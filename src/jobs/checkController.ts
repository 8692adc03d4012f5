/**
 * "Check my fix" from the page: the lesson's checks run on the learner's current code in a fresh worker (the
 * same sandbox as a live run), watched like a run, its report validated before it reaches the store. A report
 * where every check passes marks the lesson complete.
 */

import { checkProtocol, type StartCheck } from "../sandbox/protocol/check.ts";
import { REFUSED_ENDING } from "../sandbox/protocol/shared.ts";
import { checkStore, NO_CHECK } from "../state/checkStore.ts";
import { markCompleted } from "../state/progressStore.ts";
import { createWorker, WATCHDOG_MS } from "./createWorker.ts";

let worker: Worker | undefined;
let watchdog: ReturnType<typeof setInterval> | undefined;
let lastCheckId = 0;

function endWorker(): void {
  worker?.terminate();
  worker = undefined;
  if (watchdog !== undefined) clearInterval(watchdog);
  watchdog = undefined;
}

export type CheckRequest = Omit<StartCheck, "type" | "runId">;

export function checkFix(request: CheckRequest): void {
  endWorker();
  const runId = ++lastCheckId;
  checkStore.setState({ ...NO_CHECK, status: "checking", lesson: request.lesson });
  const finish = (outcome: Partial<typeof NO_CHECK>) => {
    endWorker();
    checkStore.setState({ ...outcome, status: "done" });
    if (outcome.report?.status === "pass") markCompleted(request.lesson);
  };
  const next = createWorker("Leak Lab check");
  worker = next;
  let lastHeard = performance.now();
  next.onmessage = (event: MessageEvent<unknown>) => {
    if (worker !== next) return;
    const message = checkProtocol.parse(event.data, runId);
    if (!message) {
      if (checkProtocol.isRefusedEnding(event.data, runId)) finish({ failure: REFUSED_ENDING });
      return;
    }
    lastHeard = performance.now();
    if (message.type === "checked") finish({ report: message.report });
    else if (message.type === "error") finish({ failure: message.error.message });
  };
  next.onerror = (event) => {
    event.preventDefault();
    if (worker === next)
      finish({ failure: "The checks' worker crashed (out of memory?). Your code is untouched." });
  };
  watchdog = setInterval(() => {
    if (performance.now() - lastHeard < WATCHDOG_MS) return;
    finish({
      failure: `Stopped: your code ran for ${WATCHDOG_MS / 1000} seconds without waiting on anything (a loop that never awaits?). Your code is untouched.`,
    });
  }, 250);
  next.postMessage({ type: "check", runId, ...request } satisfies StartCheck);
}

/** Leaving the lesson ends a check in progress. */
export function cancelCheck(): void {
  endWorker();
  checkStore.setState(NO_CHECK);
}
