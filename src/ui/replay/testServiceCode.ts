/** Shared by the replay's unit tests: a service's code as the page finds it, with or without the learner's. */
import type { ServiceCode } from "../../jobs/chooseCode.ts";

/** The lesson that fixes each service. */
const LESSON_ORDER = { upload: 4, sync: 5, ratelimit: 6 } as const;

/** `service`'s code; `mine` is the learner's saved text, if they saved any. */
export function serviceCode(service: ServiceCode["service"], mine?: string): ServiceCode {
  return {
    service,
    fileName: `${service}.ts`,
    starter: `${service} starter`,
    solution: `${service} solution`,
    mine: mine === undefined ? undefined : { text: mine, savedAt: 1 },
    lesson: { order: LESSON_ORDER[service], slug: service },
  };
}
