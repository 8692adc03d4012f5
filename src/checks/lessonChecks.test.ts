/**
 * The frame every lesson's checks share, on a tiny fake lesson and a module of a few lines, in milliseconds: the
 * report's status, what a panic and what a throw in the learner's code become, the leak check, the level check.
 * The content suites (cli/content.*.test.ts) grade the real lessons; these say why a report looks as it does.
 */
import { describe, expect, it } from "vitest";
import { chan, go } from "../runtime/index.ts";
import { LearnerCodeError } from "../sim/learnerCode.ts";
import type { LoadModule, ModuleExports, Session } from "../sim/session.ts";
import { flatness, type LessonChecks, runChecks, type Scenario, verifyNone } from "./lessonChecks.ts";
import { fail, pass } from "./report.ts";

const FILE = "storage.ts";

/** An Error thrown from the learner's file at `line`, as the stack of a real one would say. */
function thrownAt(message: string, line: number): Error {
  const error = new Error(message);
  error.stack = `Error: ${message}\n    at StorageService.upload (${FILE}:${line}:7)\n    at run (runtime.ts:400:3)`;
  return error;
}

/** The learner's module: a service whose methods start tasks, block, throw or panic on demand. */
const service: LoadModule = async () => ({
  StorageService: class {
    /** A task waiting on a channel nobody sends on: a leak. */
    leak() {
      const never = chan<number>();
      go(async () => {
        await never.recv();
      });
    }
    /** A task that throws, on the runtime: a panic. */
    panic() {
      go(() => {
        throw thrownAt("send on closed channel", 61);
      });
    }
  },
});

const lesson = (...scenarios: Scenario[]): LessonChecks => ({ file: FILE, scenarios });

/** A scenario that opens a session, does `act` on the learner's service, runs a minute and reports `tests`. */
function scenario(
  name: string,
  act: (service: { leak(): void; panic(): void }, session: Session) => void,
  tests = [pass(name, "ok")],
): Scenario {
  return {
    name,
    async run(context) {
      const session = await context.open();
      const Service = session.exports.StorageService as new () => { leak(): void; panic(): void };
      act(new Service(), session);
      await session.runUntil(60_000);
      return { tests };
    },
  };
}

describe("runChecks", () => {
  it("passes when every check of every scenario passes, listing them in order", async () => {
    const report = await runChecks(
      lesson(
        scenario("uploads complete", () => {}),
        scenario("progress stops", () => {}),
      ),
      service,
    );
    expect(report).toEqual({
      status: "pass",
      tests: [pass("uploads complete", "ok"), pass("progress stops", "ok")],
      leaks: [],
      leakReport: "",
    });
  });

  it("fails when one check fails, and still runs the scenarios after it", async () => {
    const report = await runChecks(
      lesson(
        scenario("uploads complete", () => {}, [fail("uploads complete", "2 of 3 stuck at 100%")]),
        scenario("progress stops", () => {}),
      ),
      service,
    );
    expect(report.status).toBe("fail");
    expect(report.tests.map((test) => [test.name, test.status])).toEqual([
      ["uploads complete", "fail"],
      ["progress stops", "pass"],
    ]);
  });

  it("turns a panic in the learner's task into a failed check at its line, and goes on", async () => {
    const report = await runChecks(
      lesson(
        scenario("uploads complete", (storage) => storage.panic()),
        scenario("progress stops", () => {}),
      ),
      service,
    );
    expect(report.status).toBe("fail");
    expect(report.tests).toEqual([
      fail("uploads complete", "panic: send on closed channel (storage.ts:61)"),
      pass("progress stops", "ok"),
    ]);
  });

  it("reports code that throws at load as an error with its file and line, keeping the checks before it", async () => {
    let loads = 0;
    const throwsOnSecondLoad: LoadModule = async () => {
      loads++;
      if (loads === 2) throw new LearnerCodeError("storage.ts:3: threw: no config", FILE, 3);
      return service();
    };
    const report = await runChecks(
      lesson(
        scenario("uploads complete", () => {}),
        scenario("progress stops", () => {}),
      ),
      throwsOnSecondLoad,
    );
    expect(report).toEqual({
      status: "error",
      tests: [pass("uploads complete", "ok")],
      leaks: [],
      leakReport: "",
      error: { message: "storage.ts:3: threw: no config", file: FILE, line: 3 },
    });
  });

  it("reports a throw from the learner's file outside any task as an error at its line", async () => {
    const report = await runChecks(
      lesson(
        scenario("uploads complete", () => {
          throw thrownAt("bad state", 27);
        }),
      ),
      service,
    );
    expect(report.status).toBe("error");
    expect(report.error).toEqual({ message: "storage.ts:27: threw: bad state", file: FILE, line: 27 });
  });

  it("reports a thrown string as the learner's, without a line", async () => {
    const report = await runChecks(
      lesson(
        scenario("uploads complete", () => {
          throw "nope";
        }),
      ),
      service,
    );
    expect(report.error).toEqual({ message: "storage.ts: threw: nope", file: FILE });
  });

  it("lets an error of the checks' own through rather than blame the learner", async () => {
    const ours = lesson({
      name: "companion",
      run: async (context) => {
        await context.open(1, { companion: "leaky" });
        return { tests: [] };
      },
    });
    await expect(runChecks(ours, service)).rejects.toThrow('the host gave no companion module "leaky"');
  });

  it("opens a session with the companion the host gave, by name", async () => {
    const companion: LoadModule = async () => ({ StorageService: "the leaky one" });
    let seen: ModuleExports | undefined;
    const withCompanion = lesson({
      name: "companion",
      run: async (context) => {
        seen = (await context.open(1, { companion: "leaky" })).companion;
        return { tests: [] };
      },
    });
    await runChecks(withCompanion, service, { companions: { leaky: companion } });
    expect(seen).toEqual({ StorageService: "the leaky one" });
  });

  it("stops every session it opened, whatever the scenarios did", async () => {
    const sessions: Session[] = [];
    const keep = (name: string): Scenario => ({
      name,
      run: async (context) => {
        sessions.push(await context.open());
        return { tests: [pass(name, "ok")] };
      },
    });
    await runChecks(lesson(keep("one"), keep("two")), service);
    expect(sessions).toHaveLength(2);
    for (const session of sessions) {
      expect((await session.runtime.run({ until: 120_000 })).kind).toBe("stopped");
    }
  });

  it("takes the leaks from the scenario that checks for them", async () => {
    const leakCheck: Scenario = {
      name: "nothing left running",
      run: async (context) => {
        const session = await context.open(1, { blockStacks: true });
        const Service = session.exports.StorageService as new () => { leak(): void };
        new Service().leak();
        new Service().leak();
        await session.runUntil(60_000);
        return verifyNone(session, "nothing left running");
      },
    };
    const report = await runChecks(
      lesson(
        scenario("uploads complete", () => {}),
        leakCheck,
      ),
      service,
    );
    expect(report.status).toBe("fail");
    expect(report.leaks).toEqual([expect.objectContaining({ count: 2, state: "chan receive" })]);
    expect(report.tests[1]?.message).toMatch(
      /^2 left running: 2 × lessonChecks\.test\.ts:\d+ StorageService\.leak \[chan receive\]$/,
    );
    expect(report.leakReport).toContain("chan receive");
  });
});

describe("verifyNone", () => {
  it("passes when nothing the learner started is left", async () => {
    const report = await runChecks(
      lesson({
        name: "nothing left running",
        run: async (context) => verifyNone(await context.open(), "nothing left running"),
      }),
      service,
    );
    expect(report.tests).toEqual([
      pass("nothing left running", "nothing left running after traffic stopped and the service was closed"),
    ]);
  });
});

describe("flatness", () => {
  const MiB = 1024 * 1024;
  const level = (handles: number, memoryMiB: number) => ({ handles, memoryBytes: memoryMiB * MiB });

  it("passes a level that wobbles within a quarter, and says the figures", () => {
    expect(flatness("level", level(100, 40), level(124, 50), 4)).toEqual(
      pass(
        "level",
        "level under steady traffic: 100 handles, 40.0 MiB in hour 1, 124 handles, 50.0 MiB in hour 4",
      ),
    );
  });

  it("fails handles or memory that climb past a quarter and the slack", () => {
    expect(flatness("level", level(100, 40), level(131, 40), 4).status).toBe("fail");
    expect(flatness("level", level(100, 40), level(100, 51.5), 4)).toEqual(
      fail(
        "level",
        "climbing under steady traffic: 100 handles, 40.0 MiB in hour 1, 100 handles, 51.5 MiB in hour 4",
      ),
    );
  });
});
