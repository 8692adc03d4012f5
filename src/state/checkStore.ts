/** The latest "Check my fix" of the lesson on screen: checking, or its report, or why it could not run. */
import type { CheckReport } from "../checks/report.ts";
import { createStore } from "./createStore.ts";

export interface CheckState {
  readonly status: "idle" | "checking" | "done";
  readonly lesson: string;
  readonly report: CheckReport | undefined;
  /** Why the checks did not finish (a loop that never yields, a crashed worker). */
  readonly failure: string | undefined;
}

export const NO_CHECK: CheckState = { status: "idle", lesson: "", report: undefined, failure: undefined };

export const checkStore = createStore<CheckState>(NO_CHECK);
