/** A fresh worker for one job, from the app's own origin, as the supervisor takes it. */
import type { JobWorker } from "./superviseJob.ts";

export function createWorker(name: string): JobWorker {
  const worker = new Worker(new URL("../sandbox/worker/worker.ts", import.meta.url), {
    type: "module",
    name,
  });
  return {
    postMessage: (message) => worker.postMessage(message),
    listen(onMessage, onCrash) {
      worker.onmessage = (event: MessageEvent<unknown>) => onMessage(event.data);
      worker.onerror = (event) => {
        // Handled here: the page says what happened, the console need not report it as uncaught.
        event.preventDefault();
        onCrash();
      };
    },
    terminate: () => worker.terminate(),
  };
}
