/**
 * The whole protocol as a worker sees it: a worker takes one job of any kind, so it may be asked anything a
 * job's page side sends (ToWorker) and says what that job's protocol allows (FromWorker). The page reads each
 * job's messages with that job's protocol alone (run.ts, check.ts, replay.ts, goBuild.ts).
 */
import type { CheckMessage, StartCheck } from "./check.ts";
import type { GoBuildMessage, StartGoBuild } from "./goBuild.ts";
import type { ReplayMessage, StartReplay } from "./replay.ts";
import type { RunMessage, RunToWorker } from "./run.ts";

export type ToWorker = RunToWorker | StartCheck | StartReplay | StartGoBuild;
export type FromWorker = RunMessage | CheckMessage | ReplayMessage | GoBuildMessage;
