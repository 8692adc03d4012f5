/**
 * A leak test for lesson 4's upload service: the test that would have caught the incident in code review.
 * Leak Lab runs it twice, against lesson 4's leaky starter (a good test fails there) and against its fixed
 * solution (a good test passes there). Finish it, then press Check my fix.
 */
import { alloc, type Bytes, type Context, context } from "leak-lab/runtime";

/** What the test needs of the upload service: lesson 4's StorageService, leaky or fixed. */
export interface UploadService {
  upload(ctx: Context, sessionId: string, key: string, size: number, body: Reader): Promise<void>;
  close(): void;
}

/** A request body: the next chunk, or undefined at the end. */
interface Reader {
  read(): Promise<Bytes | undefined>;
}

const MiB = 1024 * 1024;

/** A request body of `chunks` chunks of 1 MiB, as a client sends it. */
function body(chunks: number): Reader {
  let sent = 0;
  return {
    async read() {
      if (sent === chunks) return undefined;
      sent++;
      return alloc(MiB, "request chunk");
    },
  };
}

/** Uploads a big file (it gets a progress reporter) and a small one, closes the service, and checks for leaks. */
export async function testUploadLeavesNothingRunning(makeService: () => UploadService): Promise<void> {
  const service = makeService();
  const ctx = context.background();
  await service.upload(ctx, "big", "big.bin", 8 * MiB, body(8));
  await service.upload(ctx, "small", "small.bin", 1 * MiB, body(1));
  service.close();
  // Your check goes here: make the test fail if anything the service started is still running.
}
