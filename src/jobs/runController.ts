/**
 * Starts, steers and stops runs from the page. One fresh module worker per run; Stop, the watchdog and leaving
 * the lesson all end in worker.terminate() (docs/ARCHITECTURE.md#workers). Messages from the worker are validated before they
 * reach the store, and a worker that falls silent (a learner loop that never waits) is stopped within 3 s.
 */

import {
  type LogRow,
  type RunMessage,
  type RunToWorker,
  runProtocol,
  type StartRun,
} from "../sandbox/protocol/run.ts";
import { REFUSED_ENDING } from "../sandbox/protocol/shared.ts";
import { unreachable } from "../sandbox/protocol/unreachable.ts";
import {
  liveSeries,
  MAX_LOG_LINES,
  NO_RUN,
  type RunState,
  runStore,
  withPodEvent,
} from "../state/runStore.ts";
import { createWorker, WATCHDOG_MS } from "./createWorker.ts";

let worker: Worker | undefined;
/** A fresh worker started ahead of the next run, so Run does not wait for the worker's code to load. */
let standby: Worker | undefined;
let watchdog: ReturnType<typeof setInterval> | undefined;
let lastHeard = 0;
let lastRunId = 0;

function postToWorker(message: RunToWorker): void {
  worker?.postMessage(message);
}

function endWorker(): void {
  worker?.terminate();
  worker = undefined;
  if (watchdog !== undefined) clearInterval(watchdog);
  watchdog = undefined;
}

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
  lastHeard = performance.now();
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
      if (message.state === "finished") endWorker();
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

export type RunRequest = Omit<StartRun, "type" | "runId">;

/** Starts a worker for the next run now (call when a lesson with a live run opens). */
export function prepareRun(): void {
  standby ??= createWorker();
}

/** Stops any run and lets go of the standby worker (call when leaving the lesson). */
export function disposeRuns(): void {
  stopRun();
  standby?.terminate();
  standby = undefined;
}

export function startRun(request: RunRequest): void {
  endWorker();
  const runId = ++lastRunId;
  liveSeries.clear();
  runStore.setState({ ...NO_RUN, status: "running", runId, fileName: request.fileName });
  const next = standby ?? createWorker();
  standby = undefined;
  worker = next;
  next.onmessage = (event: MessageEvent<unknown>) => {
    if (worker !== next) return;
    const message = runProtocol.parse(event.data, runId);
    if (message) handle(message);
    else if (runProtocol.isRefusedEnding(event.data, runId)) {
      endWorker();
      runStore.setState({ status: "finished", error: { kind: "crash", message: REFUSED_ENDING } });
    }
  };
  next.onerror = (event) => {
    event.preventDefault();
    if (worker !== next) return;
    runStore.setState({ status: "finished", error: { kind: "crash", message: "The run's worker crashed." } });
    endWorker();
  };
  lastHeard = performance.now();
  watchdog = setInterval(() => {
    if (performance.now() - lastHeard < WATCHDOG_MS) return;
    endWorker();
    runStore.setState({
      status: "finished",
      error: {
        kind: "timeout",
        message: `Stopped: your code ran for ${WATCHDOG_MS / 1000} seconds without waiting on anything (a loop that never awaits?). Your code is untouched.`,
      },
    });
  }, 250);
  postToWorker({ type: "start", runId, ...request });
  // The next run's worker is started once this one has answered, not now: loading it would compete with this
  // run's first sample for the CPU.
}

export function stopRun(): void {
  if (!worker) return;
  endWorker();
  runStore.setState({ status: "finished" });
  prepareRun();
}

export function pauseRun(): void {
  postToWorker({ type: "pause", runId: lastRunId });
}

export function resumeRun(): void {
  postToWorker({ type: "resume", runId: lastRunId });
}

export function setRunSpeed(speed: number): void {
  postToWorker({ type: "speed", runId: lastRunId, speed });
}

export function requestDump(): void {
  postToWorker({ type: "dump", runId: lastRunId });
}
