/**
 * Go's channels and select for translated code: nil channels as `null` (blocking forever, as Go's), a receive
 * from a closed channel giving the element's zero value, and the runtime's panics as Go's.
 */
import { Chan, nilChan } from "../../runtime/chan.ts";
import { recv as recvCase, select as runtimeSelect, send as sendCase } from "../../runtime/select.ts";
import { errorPanic, GoPanic } from "../values.ts";
import { roundUpSize } from "./containers.ts";
import { allocated } from "./heap.ts";
import { isTimerChannel } from "./time.ts";

/** runtime.hchan's size on a 64-bit machine: what a channel costs before its buffer. */
const CHAN_HEADER = 96;

export const channelOps = {
  /** `make(chan T, capacity)`; `elemSize` and `noscan` size its buffer on the heap (heap.ts). */
  makeChan(capacity: number, elemSize = 8, noscan = true): Chan<unknown> {
    if (capacity < 0) throw errorPanic("makechan: size out of range");
    const buffer = capacity * elemSize;
    return allocated(
      new Chan<unknown>(capacity),
      CHAN_HEADER + (buffer > 0 ? roundUpSize(buffer, noscan) : 0),
    );
  },
  send(ch: Chan<unknown> | null, value: unknown): Promise<void> {
    return guard(() => (ch ?? nilChan()).send(value));
  },
  async recv(ch: Chan<unknown> | null, zero: unknown): Promise<[unknown, boolean]> {
    const [value, ok] = await (ch ?? nilChan()).recv();
    return ok ? [value, true] : [zero, false];
  },
  close(ch: Chan<unknown> | null): void {
    if (ch === null) throw errorPanic("close of nil channel");
    guard(() => ch.close());
  },
  // A timer's or ticker's channel is unbuffered in Go 1.23: len and cap are 0 whatever it holds.
  len(ch: Chan<unknown> | null): number {
    return ch === null || isTimerChannel(ch) ? 0 : ch.len;
  },
  cap(ch: Chan<unknown> | null): number {
    return ch === null || isTimerChannel(ch) ? 0 : ch.cap;
  },
  /**
   * `select`: each case is a receive or a send; resolves with the winning case's index and, for a receive,
   * the value and ok. With a default, -1 when no case is ready.
   */
  select(
    cases: readonly (
      | { recv: Chan<unknown> | null; zero: unknown }
      | { send: Chan<unknown> | null; value: unknown }
    )[],
    hasDefault: boolean,
  ): Promise<[number, unknown, boolean]> {
    const runtimeCases = cases.map((c, index) =>
      "recv" in c
        ? recvCase(c.recv ?? nilChan(), (value, ok): [number, unknown, boolean] => [
            index,
            ok ? value : c.zero,
            ok,
          ])
        : sendCase(c.send ?? nilChan(), c.value, (): [number, unknown, boolean] => [index, undefined, false]),
    );
    return guard(() =>
      runtimeSelect(
        runtimeCases,
        hasDefault ? (): [number, unknown, boolean] => [-1, undefined, false] : undefined,
      ),
    );
  },
};

/** The runtime reports Go's own panics ("send on closed channel") as its Panic; Go code sees them as panics. */
export function guard<T>(operation: () => T): T {
  try {
    const result = operation();
    if (result instanceof Promise)
      return result.catch((error: unknown) => Promise.reject(asGoPanic(error))) as T;
    return result;
  } catch (error) {
    throw asGoPanic(error);
  }
}

function asGoPanic(error: unknown): unknown {
  if (error instanceof GoPanic || !(error instanceof Error) || error.name !== "Panic") return error;
  return errorPanic(error.message);
}
