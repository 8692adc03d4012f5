/**
 * Lesson 4's storage service in Go (storage.go) as the upload traffic drives it: the class StorageService, whose
 * upload, uploadChunk and close call the package's NewService, (*Service).Upload, (*Service).UploadChunk and
 * (*Service).Close. The simulation's blob store, client notifier and request bodies sit behind Go's interfaces,
 * and the service's slog records go to the run's log.
 */
import type { Context } from "../../runtime/context.ts";
import type { Bytes } from "../../runtime/memory.ts";
import type { GoHost } from "../host.ts";
import type { Boxed, GoSlice } from "../values.ts";
import {
  construct,
  type GoService,
  goFunction,
  goMethod,
  requireMethods,
  serviceLogger,
  shutDown,
} from "./goService.ts";

interface Notifier {
  progress(sessionId: string, bytes: number): void;
  done(sessionId: string): void;
}

interface BlobStore {
  put(ctx: Context, key: string, bytes: number): Promise<void>;
}

interface Body {
  read(): Promise<Bytes | undefined>;
}

/** The module the upload traffic and lesson 4's checks construct the service from. */
export function uploadService(go: GoService): Readonly<Record<string, unknown>> {
  const { host } = go;
  const newService = goFunction(go, "NewService");
  requireMethods(go, "Service", ["Upload", "UploadChunk"]);
  const eof = (go.std.io?.EOF as Boxed | undefined) ?? host.error("EOF");

  /** Go's error result as the simulation's: a rejection with its text. */
  const settle = async (err: unknown): Promise<void> => {
    const text = await host.errorText(err as Boxed | null);
    if (text !== undefined) throw new Error(text);
  };

  class StorageService {
    /** NewService's result; a constructor cannot wait for it, so each call does. */
    readonly #service: Promise<Boxed>;

    constructor(blobs: BlobStore, notifier: Notifier) {
      const blobStore = host.value("blobStore", {
        Put: async (ctx: Boxed, key: string, data: GoSlice | null) => {
          await blobs.put(ctx.value as Context, key, data?.length ?? 0);
          return null;
        },
      });
      const client = host.value("notifier", {
        Progress: (sessionID: string, bytes: number) => notifier.progress(sessionID, bytes),
        Done: (sessionID: string) => notifier.done(sessionID),
      });
      this.#service = construct(go, newService(blobStore, client, serviceLogger(host)), "Service");
    }

    async upload(ctx: Context, sessionId: string, key: string, size: number, body: Body): Promise<void> {
      const upload = goMethod(go, await this.#service, "Upload");
      await settle(await upload(host.context(ctx), sessionId, key, size, requestBody(host, body, eof)));
    }

    async uploadChunk(
      ctx: Context,
      sessionId: string,
      key: string,
      chunk: Bytes,
      last: boolean,
    ): Promise<void> {
      const uploadChunk = goMethod(go, await this.#service, "UploadChunk");
      await settle(await uploadChunk(host.context(ctx), sessionId, key, host.bytes(chunk.size), last));
    }

    close(): void {
      shutDown(go, this.#service, "Close");
    }
  }
  return { StorageService };
}

/** A request body as Go's io.Reader: each chunk the client sends, read in as many Reads as the buffer needs. */
function requestBody(host: GoHost, body: Body, eof: Boxed): Boxed {
  let pending = 0;
  return host.value("requestBody", {
    Read: async (p: GoSlice | null) => {
      if (pending === 0) {
        let chunk: Bytes | undefined;
        try {
          chunk = await body.read();
        } catch (error) {
          return [0, host.error(error instanceof Error ? error.message : String(error))];
        }
        if (chunk === undefined) return [0, eof];
        pending = chunk.size;
      }
      const n = Math.min(pending, p?.length ?? 0);
      pending -= n;
      return [n, null];
    },
  });
}
