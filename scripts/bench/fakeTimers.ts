/** The same workload on @sinonjs/fake-timers, driven by `tickAsync`, the usual way to test timers in JS. */
import FakeTimers from "@sinonjs/fake-timers";
import { makePromiseChannel, startWorkload, VIRTUAL_MS } from "./workload.ts";

export async function runFakeTimers(): Promise<number> {
  const clock = FakeTimers.createClock(0);
  let events = 0;
  startWorkload(
    {
      now: () => clock.now,
      sleep: (ms) => new Promise<void>((resolve) => clock.setTimeout(() => resolve(), ms)),
      spawn: (body) => void body(),
      makeChannel: makePromiseChannel,
    },
    () => events++,
  );
  await clock.tickAsync(VIRTUAL_MS);
  return events;
}
