/**
 * Which code each service runs in a replay: its starter when it is not fixed; when it is, the learner's saved
 * code if they asked for theirs and have some for the current starter, else the reference solution.
 */
import type { ReplayService } from "../sandbox/protocol/replay.ts";
import type { ServiceName } from "../sim/pod.ts";
import type { CodeUsed } from "../state/replayStore.ts";

/** Whose code a fixed service runs: the learner's saved code where there is some, or the reference solution. */
export type CodeSource = "mine" | "solutions";

/** A service's code as serviceCode.ts loads it. */
export interface ServiceCode {
  readonly service: ServiceName;
  readonly fileName: string;
  readonly starter: string;
  readonly solution: string | undefined;
  /** The learner's code saved against the current starter, if any. */
  readonly mine: { readonly text: string; readonly savedAt: number } | undefined;
  /** The lesson the service is fixed in (its place in the course and its slug), for "fix it in lesson 5". */
  readonly lesson: { readonly order: number; readonly slug: string };
}

/** What a service runs given what is fixed and whose code a fix is. */
export function codeUsed(code: ServiceCode, fixed: boolean, source: CodeSource): CodeUsed {
  if (!fixed) return "starter";
  if (source === "mine" && code.mine) return "yours";
  return code.solution === undefined ? "starter" : "solution";
}

export function replayServices(
  codes: readonly ServiceCode[],
  fixed: ReadonlySet<ServiceName>,
  source: CodeSource,
): ReplayService[] {
  return codes.map((code) => {
    const used = codeUsed(code, fixed.has(code.service), source);
    const text = { starter: code.starter, yours: code.mine?.text ?? "", solution: code.solution ?? "" }[used];
    return { service: code.service, fileName: code.fileName, source: text, fixed: used !== "starter" };
  });
}
