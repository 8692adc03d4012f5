/**
 * The CloudVault storage service, ported from storage.go (the read-only tab beside this one).
 * Same shape, same bug: find the task that never ends, then make every upload release what it started.
 */
import { alloc, type Bytes, type Context, chan, go, log, select, send, time } from "leak-lab/runtime";

/** Pushes upload state to the client's progress bar. */
export interface Notifier {
  progress(sessionId: string, bytes: number): void;
  done(sessionId: string): void;
}

/** Where file contents end up. */
export interface BlobStore {
  put(ctx: Context, key: string, ...data: Bytes[]): Promise<void>;
}

/** A stream of file contents; `undefined` means end of file. */
export interface Reader {
  read(max: number): Promise<Bytes | undefined>;
}

const CHUNK_SIZE = 1 << 20; // 1 MiB

interface ChunkedUpload {
  buf: Bytes[];
  lastSeen: number;
}

export class StorageService {
  private readonly chunks = new Map<string, ChunkedUpload>();

  constructor(
    private readonly blobs: BlobStore,
    private readonly notifier: Notifier,
  ) {}

  /** Copies `reader` to the blob store, reporting progress as it goes. */
  async upload(ctx: Context, sessionId: string, key: string, reader: Reader): Promise<void> {
    log.info("Upload started", { session: sessionId });
    const data: Bytes[] = [];
    let written = 0;

    // Progress goes to the client through its own task so a slow client cannot slow the upload down.
    // The reporter throttles itself to one update a second and tells the client "done" when the
    // channel ends. The buffer lets the copy loop run ahead of a slow reporter.
    const progress = chan<number>(16);

    go(async () => {
      for await (const n of progress) {
        log.info("Upload progress", { session: sessionId, bytes: n });
        this.notifier.progress(sessionId, n);
        await time.sleep(1_000);
      }
      this.notifier.done(sessionId);
    }, "upload progress");

    for (;;) {
      const chunk = await reader.read(CHUNK_SIZE);
      if (chunk === undefined) break;
      data.push(alloc(chunk.size, "upload buffer"));
      written += chunk.size;
      // Reporter is behind? Skip this update rather than wait.
      select([send(progress, written)], () => {});
    }

    await this.blobs.put(ctx, key, ...data);
    log.info("Upload complete", { session: sessionId });
  }

  /** Appends one chunk of a chunked upload; the last chunk stores it. */
  async uploadChunk(
    ctx: Context,
    sessionId: string,
    key: string,
    chunk: Bytes,
    last: boolean,
  ): Promise<void> {
    let upload = this.chunks.get(sessionId);
    if (!upload) {
      upload = { buf: [], lastSeen: time.now() };
      this.chunks.set(sessionId, upload);
    }
    upload.buf.push(chunk);
    upload.lastSeen = time.now();
    if (!last) return;
    this.chunks.delete(sessionId);
    await this.blobs.put(ctx, key, ...upload.buf);
  }
}
