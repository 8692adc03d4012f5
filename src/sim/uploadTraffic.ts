/**
 * Upload traffic against a storage service shaped like lesson 4's: simple uploads (a share of them big
 * enough to report progress, a share failing halfway when the client goes away) and chunked uploads (a share
 * abandoned halfway). Records what the client sees, so checks can ask "was the upload stuck at 100%?".
 */
import { type Context, context, time } from "../runtime/index.ts";
import { alloc, type Bytes } from "../runtime/memory.ts";
import { Arrivals } from "./arrivals.ts";
import { serveRequest } from "./serveRequest.ts";
import { sleepAt } from "./sleepAt.ts";

export interface UploadServiceLike {
  upload(
    ctx: Context,
    sessionId: string,
    key: string,
    size: number,
    body: { read(): Promise<Bytes | undefined> },
  ): Promise<void>;
  uploadChunk(ctx: Context, sessionId: string, key: string, chunk: Bytes, last: boolean): Promise<void>;
}

export interface UploadTrafficOptions {
  readonly seed: number;
  /** Simple uploads a minute (E9: ~120). */
  readonly uploadsPerMinute: number;
  /** Share of simple uploads of 4 MiB or more, which report progress. */
  readonly largeShare: number;
  /** Share of simple uploads whose client goes away halfway. */
  readonly failShare: number;
  /** Chunked uploads started a minute (E9: ~45). */
  readonly chunkedPerMinute: number;
  /** Share of chunked uploads abandoned halfway (E9: 3 of 45). */
  readonly abandonShare: number;
  /** Virtual ms at which clients stop starting uploads. */
  readonly until: number;
  /** Traffic volume over the day, 1 = the E9 figures (default: flat). */
  readonly volumeAt?: (now: number) => number;
}

export const MiB = 1024 * 1024;
/** The network delivers a 1 MiB chunk of a simple upload every 200 ms. */
const READ_EVERY = 200;
export const CHUNK_BYTES = 64 * 1024;
const CHUNKS_PER_UPLOAD = 8;
const CHUNK_EVERY = 2 * time.Second;

export interface UploadRecord {
  readonly session: string;
  readonly size: number;
  readonly chunked: boolean;
  readonly failing: boolean;
  readonly abandoned: boolean;
  readonly startedAt: number;
  /** When upload() resolved (or rejected, for a failing one). */
  finishedAt: number | undefined;
  error: string | undefined;
  stored: number | undefined;
}

/** What the client's progress bar sees, per session. */
export class ClientView {
  readonly progress = new Map<string, { t: number; bytes: number }[]>();
  readonly done = new Map<string, number[]>();

  readonly notifier = {
    progress: (session: string, bytes: number): void => {
      const list = this.progress.get(session) ?? [];
      list.push({ t: time.now(), bytes });
      this.progress.set(session, list);
    },
    done: (session: string): void => {
      const list = this.done.get(session) ?? [];
      list.push(time.now());
      this.done.set(session, list);
    },
  };
}

/** A blob store that takes 50 ms a write and remembers sizes. */
export class MemoryBlobStore {
  readonly sizes = new Map<string, number>();
  async put(_ctx: Context, key: string, bytes: number): Promise<void> {
    await sleepAt("blob store write", 50);
    this.sizes.set(key, bytes);
  }
}

/** A request body of `size` bytes in 1 MiB chunks; with `failAfter`, the client goes away after that many. */
function requestBody(size: number, failAfter: number | undefined): { read(): Promise<Bytes | undefined> } {
  let sent = 0;
  let chunks = 0;
  return {
    async read() {
      await sleepAt("request body read", READ_EVERY);
      if (failAfter !== undefined && chunks >= failAfter) throw new Error("client disconnected");
      if (sent >= size) return undefined;
      const chunk = Math.min(MiB, size - sent);
      sent += chunk;
      chunks++;
      return alloc(chunk, "request chunk");
    },
  };
}

/**
 * Starts the clients; `spawn` runs host tasks (the generators), and each request runs in a task of its own,
 * as an HTTP server would. Returns the records, filled in as the run goes.
 */
export function startUploadTraffic(
  service: UploadServiceLike,
  options: UploadTrafficOptions,
  spawn: (body: () => Promise<void>, name: string) => void,
): UploadRecord[] {
  const records: UploadRecord[] = [];
  const arrivals = new Arrivals(options.seed);
  const volume = options.volumeAt ?? (() => 1);
  let sessions = 0;

  spawn(async () => {
    for (;;) {
      await time.sleep(arrivals.gap(options.uploadsPerMinute * volume(time.now())));
      if (time.now() >= options.until) return;
      const large = arrivals.chance(options.largeShare);
      const size = (large ? arrivals.between(5, 12) : arrivals.between(1, 3)) * MiB;
      const failing = arrivals.chance(options.failShare);
      const record: UploadRecord = {
        session: `u${++sessions}`,
        size,
        chunked: false,
        failing,
        abandoned: false,
        startedAt: time.now(),
        finishedAt: undefined,
        error: undefined,
        stored: undefined,
      };
      records.push(record);
      const body = requestBody(size, failing ? Math.floor(size / MiB / 2) : undefined);
      serveRequest("upload request", () => serveUpload(service, record, body));
    }
  }, "upload clients");

  spawn(async () => {
    for (;;) {
      await time.sleep(arrivals.gap(options.chunkedPerMinute * volume(time.now())));
      if (time.now() >= options.until) return;
      const abandoned = arrivals.chance(options.abandonShare);
      const record: UploadRecord = {
        session: `c${++sessions}`,
        size: CHUNK_BYTES * CHUNKS_PER_UPLOAD,
        chunked: true,
        failing: false,
        abandoned,
        startedAt: time.now(),
        finishedAt: undefined,
        error: undefined,
        stored: undefined,
      };
      records.push(record);
      const chunks = abandoned ? arrivals.between(1, 3) : CHUNKS_PER_UPLOAD;
      spawn(async () => {
        for (let index = 0; index < chunks; index++) {
          const last = !abandoned && index === CHUNKS_PER_UPLOAD - 1;
          serveRequest("chunk request", () => serveChunk(service, record, last));
          await time.sleep(CHUNK_EVERY);
        }
      }, "chunked upload client");
    }
  }, "chunked upload clients");

  return records;
}

async function serveUpload(
  service: UploadServiceLike,
  record: UploadRecord,
  body: { read(): Promise<Bytes | undefined> },
): Promise<void> {
  try {
    await service.upload(context.background(), record.session, `files/${record.session}`, record.size, body);
    record.stored = record.size;
  } catch (error) {
    record.error = error instanceof Error ? error.message : String(error);
  }
  record.finishedAt = time.now();
}

async function serveChunk(service: UploadServiceLike, record: UploadRecord, last: boolean): Promise<void> {
  const chunk = alloc(CHUNK_BYTES, "request chunk");
  try {
    await service.uploadChunk(context.background(), record.session, `files/${record.session}`, chunk, last);
    if (last) {
      record.stored = record.size;
      record.finishedAt = time.now();
    }
  } catch (error) {
    record.error = error instanceof Error ? error.message : String(error);
  }
}
