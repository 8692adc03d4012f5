/**
 * The CloudVault storage service, fixed. Every upload closes its progress channel when the copy ends, however
 * it ends, and waits for its reporter before it says "complete"; abandoned chunked uploads are reclaimed after
 * an idle timeout by one janitor task that close() stops.
 */
import { alloc, type Bytes, type Context, chan, go, log, recv, select, send, time } from "leak-lab/runtime";

/** Pushes upload state to the client's progress bar. */
export interface Notifier {
  progress(sessionId: string, bytes: number): void;
  /** The upload is stored: the progress bar shows "done". */
  done(sessionId: string): void;
}

/** Where file contents end up. */
export interface BlobStore {
  put(ctx: Context, key: string, bytes: number): Promise<void>;
}

/** The request body: the next chunk, or undefined at the end. Throws if the client goes away. */
export interface Reader {
  read(): Promise<Bytes | undefined>;
}

/** Uploads this big or bigger report progress to the client. */
const PROGRESS_THRESHOLD = 4 * 1024 * 1024;
/**
 * The reporter's buffer for the progress frames it sends to the client. Calibrated (see
 * src/sim/calibration.ts) so that the leaked reporters hold what storage.go:67 holds in the incident's
 * heap profile: 87.5 MB of 158.5 MB.
 */
const PROGRESS_FRAME_BYTES = 100 * 1024;
/** A chunked upload with no chunk for this long is abandoned. */
export const CHUNKED_IDLE_TIMEOUT = 10 * time.Minute;

interface ChunkedUpload {
  readonly chunks: Bytes[];
  received: number;
  lastSeen: number;
}

export class StorageService {
  /** Chunked uploads in flight, by session. */
  private readonly chunked = new Map<string, ChunkedUpload>();
  /** Closed by close(): the janitor's way out. */
  private readonly stopped = chan<void>();

  constructor(
    private readonly blobs: BlobStore,
    private readonly notifier: Notifier,
  ) {
    // One janitor per service, not per upload. A stopped ticker's channel is never closed, so the janitor
    // also listens for `stopped`, or it would wait on the ticker forever.
    const janitor = time.newTicker(time.Minute);
    go(async () => {
      for (let running = true; running; ) {
        running = await select([
          recv(janitor.c, () => {
            this.reclaimAbandoned(time.now());
            return true;
          }),
          recv(this.stopped, () => false),
        ]);
      }
      janitor.stop();
    });
  }

  /** Copies the request body to the blob store, reporting progress on big uploads. */
  async upload(ctx: Context, sessionId: string, key: string, size: number, body: Reader): Promise<void> {
    log.info("Upload started", { session: sessionId });
    let written = 0;

    // Progress goes to the client through its own task so a slow client cannot slow the upload down.
    // The copy loop owns the channel and closes it when it stops, whatever the reason; the reporter then
    // ends, and `reported` tells the upload it has, so "complete" is never followed by progress.
    const progress = chan<number>(16);
    const reported = chan<void>();
    const reports = size >= PROGRESS_THRESHOLD;
    if (reports) {
      go(async () => {
        const frame = alloc(PROGRESS_FRAME_BYTES, "progress frame");
        for await (const bytes of progress) {
          log.info("Upload progress", { session: sessionId, bytes });
          this.notifier.progress(sessionId, bytes);
        }
        frame.release();
        reported.close();
      });
    }

    try {
      for (;;) {
        const chunk = await body.read();
        if (chunk === undefined) break;
        written += chunk.size;
        // Reporter behind? Skip this update rather than wait for it.
        if (reports) await select([send(progress, written)], () => {});
      }
      await this.blobs.put(ctx, key, written);
    } finally {
      progress.close();
      if (reports) await reported.recv();
    }
    this.notifier.done(sessionId);
    log.info("Upload complete", { session: sessionId });
  }

  /** Stores one chunk of a resumable upload; the last chunk writes the whole file. */
  async uploadChunk(
    ctx: Context,
    sessionId: string,
    key: string,
    chunk: Bytes,
    last: boolean,
  ): Promise<void> {
    let upload = this.chunked.get(sessionId);
    if (!upload) {
      upload = { chunks: [], received: 0, lastSeen: time.now() };
      this.chunked.set(sessionId, upload);
    }
    upload.chunks.push(chunk.keep());
    upload.received += chunk.size;
    upload.lastSeen = time.now();
    if (!last) return;

    this.chunked.delete(sessionId);
    for (const stored of upload.chunks) stored.release();
    await this.blobs.put(ctx, key, upload.received);
    this.notifier.done(sessionId);
  }

  /** Called when the server shuts down: ends the janitor and its ticker. */
  close(): void {
    this.stopped.close();
  }

  /** Releases the buffers of every chunked upload idle for longer than the timeout. */
  private reclaimAbandoned(now: number): void {
    for (const [sessionId, upload] of this.chunked) {
      if (now - upload.lastSeen < CHUNKED_IDLE_TIMEOUT) continue;
      this.chunked.delete(sessionId);
      for (const stored of upload.chunks) stored.release();
      log.info("Chunked upload abandoned", { session: sessionId, bytes: upload.received });
    }
  }
}
