/**
 * `<Replay />` for lesson MDX: a small stand-in in the page's first JavaScript that loads the replay panel
 * (its charts, controls and worker client) only when a lesson shows one.
 */
import { lazy, Suspense } from "react";
import type { ReplayProps } from "./replaySettings.ts";

const ReplayPanel = lazy(() => import("./ReplayPanel.tsx"));

export function Replay(props: ReplayProps) {
  return (
    <Suspense fallback={<p className="replay-loading">Loading the replay…</p>}>
      <ReplayPanel {...props} />
    </Suspense>
  );
}
