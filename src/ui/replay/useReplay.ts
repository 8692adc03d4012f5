/**
 * A replay panel's replay: the panel's own controller and store (src/jobs/replayController.ts), made once per
 * panel and cancelled when the panel goes (leaving the lesson ends the replay's worker).
 */
import { useEffect, useState } from "react";
import { createReplayController } from "../../jobs/replayController.ts";
import type { ReplayState } from "../../state/replayStore.ts";
import { useStore } from "../../state/useStore.ts";
import { fixedServices, type ReplaySettings } from "./replaySettings.ts";

export function useReplay(): {
  readonly replay: ReplayState;
  readonly start: (settings: ReplaySettings) => void;
  readonly cancel: () => void;
} {
  const [controller] = useState(createReplayController);
  useEffect(() => controller.cancel, [controller]);
  const replay = useStore(controller.store, (state) => state);
  const start = (settings: ReplaySettings) =>
    controller.start({ ...settings, fixed: fixedServices(settings.fixed) });
  return { replay, start, cancel: controller.cancel };
}
