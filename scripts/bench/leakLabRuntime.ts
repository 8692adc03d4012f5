/** The workload on Leak Lab's runtime with its instrumentation on: registry, states, sites, sampling. */
import { chan, go, time } from "../../src/runtime/index.ts";
import { activate, Runtime } from "../../src/runtime/runtime.ts";
import { sampleEvery } from "../../src/runtime/sample.ts";
import { startWorkload, VIRTUAL_MS } from "./workload.ts";

export async function runLeakLabRuntime(): Promise<number> {
  const runtime = new Runtime({ seed: 1 });
  activate(runtime);
  let events = 0;
  let samples = 0;
  sampleEvery(runtime, 100, () => samples++);
  startWorkload(
    {
      now: () => runtime.now,
      sleep: time.sleep,
      spawn: (body) => go(body),
      makeChannel: () => chan<number>(),
    },
    () => events++,
  );
  // The consumers wait forever once the producers stop, so the run ends as Go would: in a deadlock.
  const outcome = await runtime.run({ until: VIRTUAL_MS });
  if (outcome.kind !== "deadlock") throw new Error(`bench run ended with ${outcome.kind}`);
  if (samples < VIRTUAL_MS / 100) throw new Error(`expected a sample every 100 ms, got ${samples}`);
  runtime.stop();
  return events;
}
