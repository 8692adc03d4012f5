/**
 * Lesson 4's content has tests of its own (CONTRIBUTING.md#tests): the upload starter fails its checks for the reasons
 * the lesson teaches, the solution passes, and every graded fixture in fixtures/upload/ gets the verdict its
 * name promises (correct-* pass; wrong-* fail, on the checks their header comment names).
 */

import { basename } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckReport } from "../src/checks/report.ts";
import { time } from "../src/runtime/index.ts";
import { Session } from "../src/sim/session.ts";
import {
  ClientView,
  MemoryBlobStore,
  startUploadTraffic,
  type UploadServiceLike,
} from "../src/sim/uploadTraffic.ts";
import { describeFixtures, failing, grader, lineOf, source, TIMEOUT } from "./lessonContentKit.ts";
import { learnerModule } from "./loadLearnerFile.ts";

const STARTER = "lessons/04-upload/storage.ts";
const SOLUTION = "solutions/04-upload/storage.ts";
const FIXTURES = "cli/fixtures/upload";
const grade = grader("upload");

/** The checks each wrong fixture must fail: the ones its header comment names. */
const WRONG_FIXTURES_FAIL: Readonly<Record<string, readonly string[]>> = {
  "wrong-close-only-on-success.ts": [
    "nothing leaks once traffic stops and the service closes",
    "handles and memory stay level for four hours",
  ],
  "wrong-close-stops-only-the-ticker.ts": ["nothing leaks once traffic stops and the service closes"],
  "wrong-close-without-waiting.ts": ["no progress after completion"],
  "wrong-no-chunked-reclaim.ts": [
    "abandoned chunked uploads are reclaimed",
    "handles and memory stay level for four hours",
  ],
  "wrong-no-reporter.ts": ["progress is reported while uploading"],
};

/** Sessions whose log has "Upload progress" later than their "Upload complete" (evidence E7). */
async function progressAfterComplete(path: string): Promise<string[]> {
  const session = await Session.open(learnerModule(source(path), path), 1);
  try {
    const Service = session.exportedClass<UploadServiceLike>("StorageService", basename(path));
    const client = new ClientView();
    const service = new (
      Service as new (
        blobs: MemoryBlobStore,
        notifier: ClientView["notifier"],
      ) => UploadServiceLike
    )(new MemoryBlobStore(), client.notifier);
    const options = { seed: 7, uploadsPerMinute: 20, largeShare: 1, failShare: 0 };
    startUploadTraffic(
      service,
      { ...options, chunkedPerMinute: 0, abandonShare: 0, until: 3 * time.Minute },
      (body, name) => session.spawn(body, name),
    );
    await session.runUntil(5 * time.Minute);
    const completedAt = new Map<string, number>();
    const offenders = new Set<string>();
    for (const entry of session.logs) {
      const id = entry.fields?.session;
      if (typeof id !== "string") continue;
      if (entry.message === "Upload complete") completedAt.set(id, entry.t);
      const complete = completedAt.get(id);
      if (entry.message === "Upload progress" && complete !== undefined && entry.t > complete)
        offenders.add(id);
    }
    return [...offenders];
  } finally {
    session.close();
  }
}

describe("the upload lesson", () => {
  // Graded once (one after the other: the runtime learner code sees is global), read by the `it`s below.
  let starter: CheckReport;
  let solution: CheckReport;
  beforeAll(async () => {
    starter = await grade(STARTER);
    solution = await grade(SOLUTION);
  }, 2 * TIMEOUT);

  describe("starter", () => {
    it("fails", () => {
      expect(starter.status).toBe("fail");
    });

    it("fails exactly the checks the leaky reporter and the unswept chunked uploads break", () => {
      expect(new Set(failing(starter))).toEqual(
        new Set([
          "uploads complete and the client is told",
          "no progress after completion",
          "abandoned chunked uploads are reclaimed",
          "nothing leaks once traffic stops and the service closes",
          "handles and memory stay level for four hours",
        ]),
      );
    });

    it("leaks reporters created at its go(...) line, blocked in chan receive", () => {
      const site = `storage.ts:${lineOf(STARTER, "go(")}`;
      expect(starter.leaks.map((leak) => ({ site: leak.site, state: leak.state }))).toEqual([
        { site, state: "chan receive" },
      ]);
      expect(starter.leaks[0]?.count).toBeGreaterThan(0);
      const leakCheck = starter.tests.find((test) => test.name.startsWith("nothing leaks"));
      expect(leakCheck?.status).toBe("fail");
      expect(leakCheck?.message).toContain(`× ${site} StorageService.upload [chan receive]`);
    });

    it(
      "logs Upload progress for a session after its Upload complete (evidence E7)",
      async () => {
        expect((await progressAfterComplete(STARTER)).length).toBeGreaterThan(0);
      },
      TIMEOUT,
    );
  });

  describe("solution", () => {
    it("passes every check", () => {
      expect(failing(solution)).toEqual([]);
      expect(solution.status).toBe("pass");
      expect(solution.leaks).toEqual([]);
    });

    it(
      "never logs Upload progress after Upload complete",
      async () => {
        expect(await progressAfterComplete(SOLUTION)).toEqual([]);
      },
      TIMEOUT,
    );
  });

  describeFixtures(FIXTURES, grade, WRONG_FIXTURES_FAIL);
});
