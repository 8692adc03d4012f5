/**
 * Brings the run's controls, status strip and error into view when a run starts or fails, scrolling the least
 * it can (block "nearest"), and instantly for learners who ask for reduced motion. Focus stays where it was
 * (on Run, or in the editor after Ctrl+Enter): scrolling is all this does.
 */
import { type RefObject, useEffect, useRef } from "react";
import { runStore } from "../state/runStore.ts";
import { useStore } from "../state/useStore.ts";

const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";

export function useRevealOnRun(target: RefObject<HTMLElement | null>): void {
  const runId = useStore(runStore, (state) => state.runId);
  const failed = useStore(runStore, (state) => state.error !== undefined);
  // What the panel opened with is not news: a lesson opened after a run elsewhere does not scroll.
  const seen = useRef({ runId, failed });
  useEffect(() => {
    const before = seen.current;
    seen.current = { runId, failed };
    if (runId === before.runId && (!failed || before.failed)) return;
    const behavior = window.matchMedia(REDUCED_MOTION).matches ? "auto" : "smooth";
    target.current?.scrollIntoView({ block: "nearest", behavior });
  }, [runId, failed, target]);
}
