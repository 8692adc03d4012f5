/**
 * A worker does one job for the page, then is terminated: a live run (the learner's service in the lesson's pod,
 * streaming samples, logs, pod events and dumps back in batches: liveRunJob.ts), a check (the lesson's checks on
 * the learner's code, one report back), a replay of the incident night on whole pods (replayJob.ts) or a Go
 * build (goBuildJob.ts). Before any learner code exists it locks the realm down (learnerRealm.ts).
 */

import { clipText } from "../../runtime/clipText.ts";
import { defaultHost } from "../../runtime/host.ts";
import type { GoServiceLoader } from "../goServiceModule.ts";
import type { StartCheck } from "../protocol/check.ts";
import type { StartGoBuild } from "../protocol/goBuild.ts";
import type { FromWorker, ToWorker } from "../protocol/index.ts";
import type { StartRun } from "../protocol/run.ts";
import { unreachable } from "../protocol/unreachable.ts";
import { transpile } from "../transpile.ts";
import { runCheckJob } from "./checkJob.ts";
import { evaluate, lockDown } from "./learnerRealm.ts";
import { type LiveRun, startLiveRun } from "./liveRunJob.ts";
import { runReplayJob } from "./replayJob.ts";

declare const self: DedicatedWorkerGlobalScope;

// Captured before learner code can see (or replace) them.
const host = defaultHost();
const post = self.postMessage.bind(self);
const realSetInterval = self.setInterval.bind(self);
const realClearInterval = self.clearInterval.bind(self);

// A worker waits as the standby for the next Run: compile a line now, so the transpiler's first-call cost
// (tens of ms) is paid here rather than between pressing Run and the first sample.
transpile("export const warm = 1;", "warm.ts");

const FLUSH_EVERY_MS = 100;

let run: LiveRun | undefined;

function send(message: FromWorker): void {
  post(message);
}

/**
 * A promise that rejects with nobody awaiting it ends the run, as an unrecovered panic ends a Go program (and an
 * unhandled rejection a Node one); left alone, the browser would only log it and the run would go on.
 */
function unhandledRejection(event: PromiseRejectionEvent): void {
  event.preventDefault();
  run?.rejected(event.reason);
}

function start(message: StartRun): void {
  if (!message.fileName.endsWith(".go")) {
    begin(message, undefined);
    return;
  }
  // A Go file needs the Go toolchain, fetched before lockDown takes fetch and import() away; the page's watchdog
  // hears the worker while it loads, as it hears a run.
  const loading = realSetInterval(() => send({ type: "heartbeat", runId: message.runId }), FLUSH_EVERY_MS);
  import("./goServices.ts")
    .then(({ goServiceLoader }) => goServiceLoader())
    .finally(() => realClearInterval(loading))
    .then(
      (goServices) => begin(message, goServices),
      (error: unknown) => {
        const text = `The Go toolchain could not load: ${clipText(error instanceof Error ? error.message : String(error))}`;
        send({ type: "error", runId: message.runId, error: { kind: "crash", message: text } });
      },
    );
}

function begin(message: StartRun, goServices: GoServiceLoader | undefined): void {
  lockDown();
  self.addEventListener("unhandledrejection", unhandledRejection);
  run = startLiveRun(message, {
    evaluate,
    send,
    every: realSetInterval,
    clock: host,
    ...(goServices && { goServices }),
  });
}

/** True once the worker has taken its one job. */
let busy = false;
/** True once that job is a Go build: the only kind a worker takes again. */
let building = false;
/** The Go build the heartbeat speaks for: the latest. */
let buildRunId = 0;
let buildsInFlight = 0;

function check(job: StartCheck): void {
  // The page's watchdog hears this while the checks make progress; a learner loop that never yields stops it.
  realSetInterval(() => send({ type: "heartbeat", runId: job.runId }), FLUSH_EVERY_MS);
  // A Go file needs the Go toolchain, fetched before lockDown takes fetch and import() away.
  const goServices = job.fileName.endsWith(".go")
    ? import("./goServices.ts").then(({ goServiceLoader }) => goServiceLoader())
    : Promise.resolve(undefined);
  goServices
    .then((loader) => {
      lockDown();
      return runCheckJob(job, { evaluate, ...(loader && { goServices: loader }) });
    })
    .then(
      (report) => send({ type: "checked", runId: job.runId, report }),
      (error: unknown) => {
        const message = `The checks could not run: ${clipText(error instanceof Error ? error.message : String(error))}`;
        send({ type: "error", runId: job.runId, error: { kind: "crash", message } });
      },
    );
}

/** A Go build; its module (the Go front end and the grammar's loader) is fetched only when one is asked for. */
function goBuild(job: StartGoBuild): void {
  // One heartbeat for the worker's builds, speaking for the latest while one is in flight; silent between.
  if (!building)
    realSetInterval(
      () => buildsInFlight > 0 && send({ type: "heartbeat", runId: buildRunId }),
      FLUSH_EVERY_MS,
    );
  busy = true;
  building = true;
  buildRunId = job.runId;
  buildsInFlight++;
  import("./goBuildJob.ts")
    .then(({ runGoBuildJob }) => runGoBuildJob(job, send))
    .catch((error: unknown) => {
      const message = `The Go build could not run: ${clipText(error instanceof Error ? error.message : String(error))}`;
      send({ type: "error", runId: job.runId, error: { kind: "crash", message } });
    })
    .finally(() => buildsInFlight--);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case "start":
      if (!busy) {
        busy = true;
        start(message);
      }
      return;
    case "check":
      if (!busy) {
        busy = true;
        check(message);
      }
      return;
    case "goBuild":
      // A build runs no learner code, so a build worker may build again (an editor rebuilding on each edit
      // will want that): the grammar is loaded and the compiler warm from the second build on.
      if (!busy || building) goBuild(message);
      return;
    case "replay":
      if (!busy) {
        busy = true;
        lockDown();
        void runReplayJob(message, { evaluate, send, every: realSetInterval });
      }
      return;
    case "pause":
      run?.pause();
      return;
    case "resume":
      run?.resume();
      return;
    case "speed":
      run?.setSpeed(message.speed);
      return;
    case "dump":
      run?.dump();
      return;
    default:
      unreachable(message);
  }
};
