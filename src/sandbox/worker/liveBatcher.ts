/**
 * The live run's outbox: samples and log lines queue here and leave together every FLUSH_EVERY_MS of real time,
 * with a heartbeat that tells the page's watchdog the worker is alive. Whatever the learner's code does, a batch
 * stays bounded: samples leave in messages the page accepts, and only the latest MAX_LOGS_PER_FLUSH log lines
 * are kept between flushes, with a count of those let go.
 */

import type { FromWorker } from "../protocol/index.ts";
import type { LogRow, SampleRow } from "../protocol/run.ts";

export const FLUSH_EVERY_MS = 100;
export const MAX_LOGS_PER_FLUSH = 500;
/** Rows per `samples` message, under what the page accepts (protocol/limits.ts). */
export const SAMPLES_PER_MESSAGE = 5000;

export interface BatcherHost {
  readonly runId: number;
  readonly send: (message: FromWorker) => void;
  /** A real-time interval, captured before learner code could replace setInterval. */
  readonly every: (callback: () => void, ms: number) => void;
}

export class LiveBatcher {
  private samples: SampleRow[] = [];
  private logs: LogRow[] = [];
  private droppedLogs = 0;
  private closed = false;

  /** Starts flushing every FLUSH_EVERY_MS. */
  constructor(private readonly host: BatcherHost) {
    host.every(() => this.flush(), FLUSH_EVERY_MS);
  }

  sample(row: SampleRow): void {
    this.samples.push(row);
  }

  log(row: LogRow): void {
    if (this.logs.length >= MAX_LOGS_PER_FLUSH) {
      this.logs.shift();
      this.droppedLogs++;
    }
    this.logs.push(row);
  }

  /** Sends what is queued, then a heartbeat; nothing once closed. */
  flush(): void {
    if (this.closed) return;
    const { runId, send } = this.host;
    for (let from = 0; from < this.samples.length; from += SAMPLES_PER_MESSAGE) {
      send({ type: "samples", runId, samples: this.samples.slice(from, from + SAMPLES_PER_MESSAGE) });
    }
    this.samples = [];
    if (this.logs.length > 0 || this.droppedLogs > 0) {
      send({ type: "logs", runId, logs: this.logs, dropped: this.droppedLogs });
      this.logs = [];
      this.droppedLogs = 0;
    }
    send({ type: "heartbeat", runId });
  }

  /** The run is over: the interval goes on ticking, and sends nothing more. */
  close(): void {
    this.closed = true;
  }
}
