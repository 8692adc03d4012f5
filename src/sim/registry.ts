/**
 * What the simulation implements for lessons, by name. A lesson's front matter says what it has, and
 * cli/content.registry.test.ts fails when a lesson declares what is not here, or something here is declared by no
 * lesson:
 * - `liveRun: true`: the lesson's live run, by its slug, in liveRunsByLesson;
 * - `service: <name>`: one of the services a replay's pods run (SERVICES, booted by pod.ts), whose code is the
 *   lesson's file.
 */
import { type LiveScenario, rateLimitLiveRun, syncLiveRun, uploadLiveRun } from "./liveScenario.ts";

export { SERVICES, type ServiceName } from "./pod.ts";

export const liveRunsByLesson: Readonly<Record<string, LiveScenario>> = {
  upload: uploadLiveRun,
  sync: syncLiveRun,
  ratelimit: rateLimitLiveRun,
};

/** Starts the lesson's live run on the learner's module (see LiveScenario). */
export function startLiveScenario(lesson: string, ...args: Parameters<LiveScenario>): void {
  const start = liveRunsByLesson[lesson];
  if (!start) throw new Error(`lesson ${lesson} has no live run`);
  start(...args);
}
