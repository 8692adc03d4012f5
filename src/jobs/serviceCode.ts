/**
 * The code each service runs in a replay, the first file of the lesson whose front matter says `service: <name>`:
 * its starter (leaky, as that night), or when fixed the learner's own saved code for the lesson's current starter
 * (src/state/autosave.ts keys it by the starter's fingerprint), else the reference solution. Read when a replay
 * starts, so it is the latest saved code.
 */
import { SERVICES, type ServiceName } from "../sim/pod.ts";
import { starterFingerprint } from "../state/autosave.ts";
import { course } from "../state/course.ts";
import { lessonFiles } from "../state/lessonContent.ts";
import { pageStorage } from "../state/persist/browserStorage.ts";
import { loadCode } from "../state/persist/savedCode.ts";
import type { ServiceCode } from "./chooseCode.ts";

async function loadOne(service: ServiceName): Promise<ServiceCode> {
  const lesson = course.find((entry) => entry.meta.service === service);
  const fileName = lesson?.meta.files[0];
  if (!lesson || !fileName) throw new Error(`no lesson for the ${service} service`);
  const files = await lessonFiles(lesson);
  const starter = files.find((file) => file.name === fileName)?.text ?? "";
  const saved = loadCode(pageStorage(), lesson.meta.slug, starterFingerprint(files)).current;
  const text = saved?.files[fileName];
  const solution = await lesson.solutionLoaders[fileName]?.();
  return {
    service,
    fileName,
    starter,
    solution,
    mine: saved && text !== undefined ? { text, savedAt: saved.savedAt } : undefined,
    lesson: { order: lesson.meta.order, slug: lesson.meta.slug },
  };
}

export function loadServiceCode(): Promise<ServiceCode[]> {
  return Promise.all(SERVICES.map(loadOne));
}
