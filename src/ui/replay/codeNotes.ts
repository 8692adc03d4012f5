/**
 * What each fixed service will run, said where the learner chooses "yours": their saved code, or, when they have
 * none for a service, the solution and the lesson where they would fix it. One note per fixed service, so a
 * replay never looks like proof of the learner's fix when it runs the reference solution.
 */

import type { ServiceCode } from "../../jobs/chooseCode.ts";
import type { ServiceName } from "../../sim/pod.ts";
import { SERVICE_LABELS } from "./replaySettings.ts";

export type CodeNote =
  | { readonly service: ServiceName; readonly kind: "yours"; readonly text: string }
  | {
      readonly service: ServiceName;
      readonly kind: "solution";
      readonly text: string;
      /** The lesson where the learner would fix it, to link to. */
      readonly lesson: ServiceCode["lesson"];
    };

/** Notes for the services `fixed` makes run a fix, in the order of `codes`. */
export function codeNotes(
  codes: readonly ServiceCode[],
  fixed: ReadonlySet<ServiceName>,
  dateText: (at: number) => string = (at) => new Date(at).toLocaleDateString(),
): CodeNote[] {
  return codes
    .filter((code) => fixed.has(code.service))
    .map((code): CodeNote => {
      const label = SERVICE_LABELS[code.service];
      if (code.mine) {
        return {
          service: code.service,
          kind: "yours",
          text: `${label} runs your code, saved ${dateText(code.mine.savedAt)}.`,
        };
      }
      return {
        service: code.service,
        kind: "solution",
        text: `${label} runs the solution: you haven't fixed ${label} yet`,
        lesson: code.lesson,
      };
    });
}
