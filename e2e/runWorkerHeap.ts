/**
 * The JavaScript heap the page's run workers retain, read through the page's CDP session: Playwright opens no
 * CDP session for a worker, so this one auto-attaches to the page's workers (unflattened, the worker's protocol
 * carried in Target messages), and for each "Leak Lab run" worker collects garbage and reads its heap usage.
 */
import type { CDPSession } from "@playwright/test";

const RUN_WORKER = "Leak Lab run";

export interface RunWorkerHeap {
  /** The largest heap any live run worker retains right now, in bytes (0 with none). */
  retained(): Promise<number>;
}

export async function watchRunWorkers(cdp: CDPSession): Promise<RunWorkerHeap> {
  const workers = new Set<string>();
  const replies = new Map<
    number,
    { readonly session: string; readonly resolve: (result: unknown) => void }
  >();
  let lastId = 0;
  cdp.on("Target.attachedToTarget", ({ sessionId, targetInfo }) => {
    if (targetInfo.type === "worker" && targetInfo.title === RUN_WORKER) workers.add(sessionId);
  });
  cdp.on("Target.detachedFromTarget", ({ sessionId }) => {
    if (sessionId === undefined) return;
    workers.delete(sessionId);
    // A worker that ends mid-question (its run finished) answers nothing.
    for (const [id, reply] of replies) {
      if (reply.session !== sessionId) continue;
      replies.delete(id);
      reply.resolve(undefined);
    }
  });
  cdp.on("Target.receivedMessageFromTarget", ({ message }) => {
    const answer = JSON.parse(message) as { id?: number; result?: unknown };
    if (answer.id === undefined) return;
    replies.get(answer.id)?.resolve(answer.result);
    replies.delete(answer.id);
  });
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  const ask = (session: string, method: string) =>
    new Promise<unknown>((resolve) => {
      const id = ++lastId;
      replies.set(id, { session, resolve });
      const message = JSON.stringify({ id, method });
      cdp.send("Target.sendMessageToTarget", { sessionId: session, message }).catch(() => {
        replies.delete(id);
        resolve(undefined);
      });
    });

  return {
    async retained() {
      let largest = 0;
      for (const session of [...workers]) {
        await ask(session, "HeapProfiler.collectGarbage");
        const usage = (await ask(session, "Runtime.getHeapUsage")) as { usedSize?: number } | undefined;
        largest = Math.max(largest, usage?.usedSize ?? 0);
      }
      return largest;
    },
  };
}
