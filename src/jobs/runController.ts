/**
 * Starts, steers and stops runs from the page: each run a job supervised like every other (superviseJob.ts),
 * its messages turned into the run's store and series. Stop and leaving the lesson cancel it; a worker for the
 * next run is started ahead, so Run does not wait for the worker's code to load.
 */
import {
  type LogRow,
  type RunMessage,
  type RunToWorker,
  runProtocol,
  type StartRun,
} from "../sandbox/protocol/run.ts";
import { REFUSED_ENDING, type RunError } from "../sandbox/protocol/shared.ts";
import { unreachable } from "../sandbox/protocol/unreachable.ts";
import {
  liveSeries,
  MAX_LOG_LINES,
  NO_RUN,
  type RunState,
  runStore,
  withPodEvent,
} from "../state/runStore.ts";
import { createWorker } from "./createWorker.ts";
import {
  type Job,
  type JobFailure,
  type JobWorker,
  realClock,
  superviseJob,
  WATCHDOG_MS,
} from "./superviseJob.ts";

export type RunRequest = Omit<StartRun, "type" | "runId">;

const FAILURES: Readonly<Record<JobFailure, RunError>> = {
  silent: {
    kind: "timeout",
    message: `Stopped: your code ran for ${WATCHDOG_MS / 1000} seconds without waiting on anything (a loop that never awaits?). Your code is untouched.`,
  },
  crashed: { kind: "crash", message: "The run's worker crashed." },
  refused: { kind: "crash", message: REFUSED_ENDING },
};

let run: Job<RunToWorker> | undefined;
/** A fresh worker started ahead of the next run. */
let standby: JobWorker | undefined;

const newWorker = () => createWorker("Leak Lab run");

/** The log panel's lines with `rows` added, the oldest let go beyond MAX_LOG_LINES (and counted). */
function appendLogs(state: RunState, rows: readonly LogRow[], dropped = 0): Partial<RunState> {
  const logs = [...state.logs, ...rows];
  const overflow = Math.max(0, logs.length - MAX_LOG_LINES);
  return {
    logs: logs.slice(overflow),
    droppedLogs: state.droppedLogs + dropped + overflow,
    logsShifted: state.logsShifted + overflow,
  };
}

function handle(message: RunMessage): void {
  // The next run's worker is started once this one has answered, not with it: loading it would compete with
  // this run's first sample for the CPU.
  if (message.type !== "started") prepareRun();
  switch (message.type) {
    case "started":
    case "heartbeat":
      return;
    case "samples": {
      for (const sample of message.samples) liveSeries.append(sample);
      liveSeries.changed();
      const latest = message.samples.at(-1);
      if (latest)
        runStore.setState({ clockMs: latest.t, handles: latest.handles, memoryMiB: latest.memoryMiB });
      return;
    }
    case "logs":
      runStore.setState((state) => appendLogs(state, message.logs, message.dropped));
      return;
    case "dump":
      runStore.setState({ dump: { groups: message.groups, heap: message.heap } });
      return;
    case "podEvent":
      runStore.setState((state) => withPodEvent(state, message.event));
      return;
    case "state":
      runStore.setState({ status: message.state });
      return;
    case "error": {
      // Marked in the editor at its line (CodeEditor) and written to the run's console, the logs panel.
      const { error } = message;
      const row: LogRow = {
        t: runStore.getState().clockMs,
        level: "error",
        message: error.message,
        fields: error.line === undefined ? "" : `line=${error.line}`,
      };
      runStore.setState((state) => ({ error, ...appendLogs(state, [row]) }));
      return;
    }
    default:
      unreachable(message);
  }
}

/** Starts a worker for the next run now (call when a lesson with a live run opens). */
export function prepareRun(): void {
  standby ??= newWorker();
}

/** Stops any run and lets go of the standby worker (call when leaving the lesson). */
export function disposeRuns(): void {
  stopRun();
  standby?.terminate();
  standby = undefined;
}

export function startRun(request: RunRequest): void {
  run?.cancel();
  liveSeries.clear();
  run = superviseJob<RunToWorker, RunMessage>(
    {
      protocol: runProtocol,
      start: (runId) => ({ type: "start", runId, ...request }),
      onMessage: handle,
      onFailure: (failure) => runStore.setState({ status: "finished", error: FAILURES[failure] }),
    },
    {
      worker() {
        const worker = standby ?? newWorker();
        standby = undefined;
        return worker;
      },
      clock: realClock,
    },
  );
  runStore.setState({ ...NO_RUN, status: "running", runId: run.runId, fileName: request.fileName });
}

export function stopRun(): void {
  if (!run || run.ended) return;
  run.cancel();
  runStore.setState({ status: "finished" });
  prepareRun();
}

export function pauseRun(): void {
  run?.post({ type: "pause", runId: run.runId });
}

export function resumeRun(): void {
  run?.post({ type: "resume", runId: run.runId });
}

export function setRunSpeed(speed: number): void {
  run?.post({ type: "speed", runId: run.runId, speed });
}

export function requestDump(): void {
  run?.post({ type: "dump", runId: run.runId });
}
