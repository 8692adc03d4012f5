/**
 * The CloudVault storage service, ported from storage.go (the read-only tab beside this one).
 * Same shape, same bug: find the task that never ends, then make every upload release what it started.
 */
import { alloc, type Bytes, type Context, chan, go, log, select, send, time } from "leak-lab/runtime";

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

  constructor(
    private readonly blobs: BlobStore,
    private readonly notifier: Notifier,
  ) {}

  /** Copies the request body to the blob store, reporting progress on big uploads. */
  async upload(ctx: Context, sessionId: string, key: string, size: number, body: Reader): Promise<void> {
    log.info("Upload started", { session: sessionId });
    let written = 0;

    // Progress goes to the client through its own task so a slow client cannot slow the upload down.
    // The reporter sends at most one update a second and tells the client "done" when the channel ends.
    const progress = chan<number>(16);
    if (size >= PROGRESS_THRESHOLD) {
      go(async () => {
        const frame = alloc(PROGRESS_FRAME_BYTES, "progress frame");
        for await (const bytes of progress) {
          log.info("Upload progress", { session: sessionId, bytes });
          this.notifier.progress(sessionId, bytes);
          await time.sleep(1 * time.Second);
        }
        frame.release();
        this.notifier.done(sessionId);
      });
    }

    for (;;) {
      const chunk = await body.read();
      if (chunk === undefined) break;
      written += chunk.size;
      // Reporter behind? Skip this update rather than wait for it.
      if (size >= PROGRESS_THRESHOLD) await select([send(progress, written)], () => {});
    }

    await this.blobs.put(ctx, key, written);
    if (size < PROGRESS_THRESHOLD) this.notifier.done(sessionId);
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

  /** Called when the server shuts down. */
  close(): void {}
}
