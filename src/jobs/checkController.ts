/**
 * "Check my fix" from the page: the lesson's checks run on the learner's current code in a fresh worker (the
 * same sandbox as a live run), supervised like every job (superviseJob.ts). A report where every check passes
 * marks the lesson complete.
 */
import { type CheckMessage, checkProtocol, type StartCheck } from "../sandbox/protocol/check.ts";
import { REFUSED_ENDING } from "../sandbox/protocol/shared.ts";
import { unreachable } from "../sandbox/protocol/unreachable.ts";
import { type CheckState, checkStore, NO_CHECK } from "../state/checkStore.ts";
import { markCompleted } from "../state/progressStore.ts";
import { createWorker } from "./createWorker.ts";
import { type Job, type JobFailure, realClock, superviseJob, WATCHDOG_MS } from "./superviseJob.ts";

export type CheckRequest = Omit<StartCheck, "type" | "runId">;

const FAILURES: Readonly<Record<JobFailure, string>> = {
  silent: `Stopped: your code ran for ${WATCHDOG_MS / 1000} seconds without waiting on anything (a loop that never awaits?). Your code is untouched.`,
  crashed: "The checks' worker crashed (out of memory?). Your code is untouched.",
  refused: REFUSED_ENDING,
};

let check: Job<StartCheck> | undefined;

export function checkFix(request: CheckRequest): void {
  check?.cancel();
  checkStore.setState({ ...NO_CHECK, status: "checking", lesson: request.lesson });
  const finish = (outcome: Pick<CheckState, "report"> | Pick<CheckState, "failure">) => {
    checkStore.setState({ ...outcome, status: "done" });
    if ("report" in outcome && outcome.report?.status === "pass") markCompleted(request.lesson);
  };
  check = superviseJob<StartCheck, CheckMessage>(
    {
      protocol: checkProtocol,
      start: (runId) => ({ type: "check", runId, ...request }),
      onMessage(message) {
        switch (message.type) {
          case "checked":
            return finish({ report: message.report });
          case "error":
            return finish({ failure: message.error.message });
          case "heartbeat":
            return;
          default:
            unreachable(message);
        }
      },
      onFailure: (failure) => finish({ failure: FAILURES[failure] }),
    },
    { worker: () => createWorker("Leak Lab check"), clock: realClock },
  );
}

/** Leaving the lesson ends a check in progress. */
export function cancelCheck(): void {
  check?.cancel();
  checkStore.setState(NO_CHECK);
}
