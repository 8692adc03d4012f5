/**
 * What the page hears of the live run's pod beyond its samples and logs: each alert, OOM kill and restart after
 * the samples that led to it, and how the run ended. A run that ends (its deadline, a stop, a panic, a
 * deadlock, a restart whose module threw) says why in one error at the learner's line when it was their code,
 * then sends a last dump and `state: finished`; a pause says only that. Learner text is clipped before it
 * leaves: `throw new Error("x".repeat(5e6))` is theirs to write.
 */

import { clipText } from "../../runtime/clipText.ts";
import { lineInFile } from "../../runtime/stack.ts";
import { LearnerCodeError } from "../../sim/learnerCode.ts";
import type { LivePodOutcome } from "../../sim/livePod.ts";
import type { PodEvent } from "../../sim/podLifecycle.ts";
import type { FromWorker } from "../protocol/index.ts";
import type { RunError } from "../protocol/shared.ts";
import { unreachable } from "../protocol/unreachable.ts";
import type { LiveBatcher } from "./liveBatcher.ts";

export interface ReporterHost {
  readonly runId: number;
  readonly fileName: string;
  readonly send: (message: FromWorker) => void;
  readonly batcher: Pick<LiveBatcher, "flush" | "close">;
  /** Sends a dump of the pod as it is now (none before there is a pod). */
  readonly dump: () => void;
}

/** What a learner's throw says, clipped like a log line. */
function thrownText(error: unknown): string {
  return clipText(error instanceof Error ? error.message : String(error));
}

function atLine(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

/** A syntax error the transpiler found, at its line. */
export function syntaxError(error: { readonly line: number; readonly message: string }): RunError {
  return { kind: "syntax", message: `syntax error: ${clipText(error.message)}`, line: error.line };
}

/** An error at load (the first boot's or a restart's), said in the learner's terms. */
export function loadError(error: unknown, fileName: string): RunError {
  const line = error instanceof LearnerCodeError ? error.line : lineInFile(error, fileName);
  return { kind: "load", message: thrownText(error), ...atLine(line) };
}

export class LiveReporter {
  private finished = false;

  constructor(private readonly host: ReporterHost) {}

  /** Whether the run has said `finished`: nothing runs after. */
  get over(): boolean {
    return this.finished;
  }

  running(): void {
    this.host.send({ type: "state", runId: this.host.runId, state: "running" });
  }

  /** An alert, OOM kill or restart, after the samples that led to it. */
  podEvent(event: PodEvent): void {
    this.host.batcher.flush();
    this.host.send({ type: "podEvent", runId: this.host.runId, event });
  }

  /** The pod's run returned: paused, or over (with the learner's error, if theirs ended it). */
  stopped(outcome: LivePodOutcome): void {
    const { runId, fileName } = this.host;
    this.host.batcher.flush();
    switch (outcome.kind) {
      case "paused":
        this.host.send({ type: "state", runId, state: "paused" });
        return;
      case "panic": {
        const message = `panic: ${thrownText(outcome.error)}`;
        this.fail({ kind: "panic", message, ...atLine(lineInFile(outcome.error, fileName)) });
        break;
      }
      case "deadlock":
        this.fail({ kind: "deadlock", message: `fatal error: ${outcome.message}` });
        break;
      case "load":
        this.fail(loadError(outcome.error, fileName));
        break;
      case "deadline":
      case "exited":
      case "stopped":
        break;
      default:
        unreachable(outcome);
    }
    this.host.dump();
    this.finish();
  }

  /** The code never ran (a syntax error, a throw at the first load): the error, and the run is over. */
  couldNotStart(error: RunError): void {
    this.fail(error);
    this.finish();
  }

  /** A promise rejected with nobody awaiting it: a panic, as an unrecovered one ends Go. */
  rejected(reason: unknown): void {
    this.fail({
      kind: "panic",
      message: `panic: ${thrownText(reason)} (a promise rejected and nothing awaited it)`,
      ...atLine(lineInFile(reason, this.host.fileName)),
    });
  }

  private fail(error: RunError): void {
    this.host.send({ type: "error", runId: this.host.runId, error });
  }

  private finish(): void {
    this.finished = true;
    this.host.batcher.close();
    this.host.send({ type: "state", runId: this.host.runId, state: "finished" });
  }
}
