import { describe, expect, it } from "vitest";
import { chan, go, leaktest, time } from "./index.ts";
import { startRuntime } from "./testRuntime.ts";
import { virtualSetTimeout } from "./timers.ts";

/** Runs `test` as the host runs a learner's test (an internal task) and returns how it ended. */
async function runTest(test: () => Promise<void>): Promise<{ passed: boolean; message: string }> {
  const runtime = startRuntime();
  let result = { passed: false, message: "did not finish" };
  runtime.go(
    async () => {
      try {
        await test();
        result = { passed: true, message: "" };
      } catch (error) {
        result = {
          passed: false,
          message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        };
      }
    },
    { internal: true, name: "test" },
  );
  await runtime.run({ until: 60_000 });
  return result;
}

describe("leaktest.verifyNone", () => {
  it("fails a test that leaves a goroutine blocked, with goleak's report naming it", async () => {
    const result = await runTest(async () => {
      const progress = chan<number>();
      go(async () => {
        for await (const bytes of progress) void bytes;
      });
      await progress.send(1);
      await leaktest.verifyNone();
    });
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(
      /^LeakError: found unexpected goroutines:\n\[Goroutine \d+ in state chan receive/,
    );
    expect(result.message).toContain("leaktest.test.ts");
  });

  it("passes once the goroutine's channel is closed, after letting it finish", async () => {
    const result = await runTest(async () => {
      const progress = chan<number>();
      go(async () => {
        for await (const bytes of progress) void bytes;
        await time.sleep(500);
      });
      await progress.send(1);
      progress.close();
      await leaktest.verifyNone();
    });
    expect(result).toEqual({ passed: true, message: "" });
  });

  it("counts a ticker nobody stopped as a leak", async () => {
    const result = await runTest(async () => {
      time.newTicker(1000);
      await leaktest.verifyNone();
    });
    expect(result.message).toMatch(
      /found unexpected timers and tickers:\n1 × ticker created at .*leaktest\.test\.ts:\d+/,
    );
  });

  it("counts a timer that has not fired as a leak, naming where it was made", async () => {
    const result = await runTest(async () => {
      time.newTimer(5000);
      await leaktest.verifyNone();
    });
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(
      /found unexpected timers and tickers:\n1 × timer created at .*leaktest\.test\.ts:\d+/,
    );
  });

  it("counts a setTimeout that has not fired as a leak", async () => {
    const result = await runTest(async () => {
      virtualSetTimeout(() => {}, 5000);
      await leaktest.verifyNone();
    });
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/1 × timer created at .*leaktest\.test\.ts:\d+/);
  });

  it("passes when the timer fires while it lets the code finish", async () => {
    const result = await runTest(async () => {
      time.newTimer(500);
      await leaktest.verifyNone();
    });
    expect(result).toEqual({ passed: true, message: "" });
  });

  it("does not count the goroutine that calls it", async () => {
    const runtime = startRuntime();
    let outcome = "";
    go(async () => {
      await leaktest.verifyNone().then(
        () => (outcome = "passed"),
        (error: Error) => (outcome = error.message),
      );
    });
    await runtime.run({ until: 60_000 });
    expect(outcome).toBe("passed");
  });
});
