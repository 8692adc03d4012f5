import { afterEach, describe, expect, it } from "vitest";
import { Session } from "../src/sim/session.ts";
import { learnerModule } from "./loadLearnerFile.ts";

/** A learner file that keeps time with the browser's timers and talks through console, as learners write. */
const TIMERS_AND_CONSOLE = `
import { time } from "leak-lab/runtime";

console.log("loaded at", time.now());

export class Heartbeat {
  private beats = 0;
  private readonly interval: number;

  constructor() {
    setTimeout(() => console.warn("first timeout at", time.now()), 5_000);
    this.interval = setInterval(() => {
      this.beats++;
      console.info({ beat: this.beats, at: time.now() });
    }, 60_000);
  }

  stop(): void {
    clearInterval(this.interval);
  }
}
`;

describe("learnerModule", () => {
  let session: Session | undefined;
  afterEach(() => session?.close());

  it("gives learner code setTimeout, setInterval and console on the run's virtual clock and log", async () => {
    session = await Session.open(learnerModule(TIMERS_AND_CONSOLE, "lessons/heartbeat.ts"), 1);
    const Heartbeat = session.exportedClass<{ stop(): void }>("Heartbeat", "heartbeat.ts");
    const heartbeat = new (Heartbeat as unknown as new () => { stop(): void })();
    // The interval is a live ticker handle, the timeout a timer handle: the checks can see them.
    expect(session.handleCount).toBe(2);
    await session.runUntil(150_000);
    heartbeat.stop();
    await session.runUntil(300_000);

    expect(session.logs.map(({ t, level, message }) => ({ t, level, message }))).toEqual([
      { t: 0, level: "info", message: "loaded at 0" },
      { t: 5_000, level: "warn", message: "first timeout at 5000" },
      { t: 60_000, level: "info", message: '{"beat":1,"at":60000}' },
      { t: 120_000, level: "info", message: '{"beat":2,"at":120000}' },
    ]);
    expect(session.handleCount).toBe(0);
  });

  it("lets a goroutine await a promise its setTimeout resolves, on virtual time", async () => {
    const source = `
      import { go, time } from "leak-lab/runtime";

      const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

      export function start(): void {
        for (const ms of [3_000, 1_000]) {
          go(async () => {
            for (let lap = 1; lap <= 2; lap++) {
              await delay(ms);
              console.log(ms, "lap", lap, "at", time.now());
            }
          });
        }
      }
    `;
    session = await Session.open(learnerModule(source, "delay.ts"), 1);
    (session.exports.start as () => void)();
    await session.runUntil(60_000);
    expect(session.logs.map(({ t, message }) => `${t} ${message}`)).toEqual([
      "1000 1000 lap 1 at 1000",
      "2000 1000 lap 2 at 2000",
      "3000 3000 lap 1 at 3000",
      "6000 3000 lap 2 at 6000",
    ]);
    // Each line is logged by the goroutine that awaited, not by the timeout's callback or another goroutine.
    const [first, second, third] = session.logs;
    expect(first?.task).toBe(second?.task);
    expect(third?.task).not.toBe(first?.task);
    expect(session.handleCount).toBe(0);
  });

  it("lets a learner file declare its own console or setTimeout", async () => {
    const source = `
      const console = { log: (text: string) => lines.push(text) };
      const lines: string[] = [];
      function setTimeout(): number { return -1; }
      console.log("mine");
      export const seen = { lines, timer: setTimeout() };
    `;
    session = await Session.open(learnerModule(source, "own.ts"), 1);
    expect(session.exports.seen).toEqual({ lines: ["mine"], timer: -1 });
    expect(session.logs).toEqual([]);
  });
});
