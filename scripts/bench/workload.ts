/**
 * The scheduling workload every contender runs: PAIRS producer/consumer pairs of tasks. A producer sleeps
 * 1–10 virtual ms (by its index), then sends a number on its pair's unbuffered channel; the consumer receives
 * in a loop. One "event" is one task resumed: a producer waking from its sleep, or a consumer handed a value.
 */
export const PAIRS = 1000;
export const VIRTUAL_MS = 3300;

export function periodOf(pair: number): number {
  return 1 + (pair % 10);
}

/** Events the workload produces: two per producer cycle. */
export function expectedEvents(): number {
  let events = 0;
  for (let pair = 0; pair < PAIRS; pair++) events += 2 * Math.floor(VIRTUAL_MS / periodOf(pair));
  return events;
}

/** A sleep and an unbuffered channel, as each contender provides them. */
export interface Primitives {
  sleep(ms: number): Promise<void>;
  makeChannel(): { send(value: number): Promise<void>; recv(): Promise<unknown> };
  spawn(body: () => Promise<void>): void;
  now(): number;
}

/** Starts the workload's tasks; each producer stops once its next wake-up would pass VIRTUAL_MS. */
export function startWorkload(primitives: Primitives, countEvent: () => void): void {
  for (let pair = 0; pair < PAIRS; pair++) {
    const channel = primitives.makeChannel();
    const period = periodOf(pair);
    primitives.spawn(async () => {
      for (let sent = 0; primitives.now() + period <= VIRTUAL_MS; sent++) {
        await primitives.sleep(period);
        countEvent();
        await channel.send(sent);
      }
    });
    primitives.spawn(async () => {
      for (;;) {
        await channel.recv();
        countEvent();
      }
    });
  }
}

/** An unbuffered channel of bare promises, for the contenders that have none of their own. */
export function makePromiseChannel(): { send(value: number): Promise<void>; recv(): Promise<number> } {
  let receiver: ((value: number) => void) | undefined;
  const senders: { value: number; done: () => void }[] = [];
  return {
    send: (value) => {
      if (receiver) {
        const take = receiver;
        receiver = undefined;
        take(value);
        return Promise.resolve();
      }
      return new Promise<void>((done) => senders.push({ value, done }));
    },
    recv: () => {
      const sender = senders.shift();
      if (sender) {
        sender.done();
        return Promise.resolve(sender.value);
      }
      return new Promise<number>((take) => {
        receiver = take;
      });
    },
  };
}
