/**
 * The incident replay in the page (lessons 2 and 7): the night of 03:00 on whole cloudvault-api pods, run in a
 * worker with the settings the learner picks (the report's mitigations: a bigger limit, more pods, a restart;
 * and fixed services, with the learner's own fixes or the solutions), drawn as it runs: live handles and
 * modelled memory per pod with the alert, OOM kills and restarts marked, and every figure as text below.
 * Loaded on its own (React.lazy in lessonComponents.tsx), so lessons without it do not pay for it.
 */
import { useCallback, useEffect, useState } from "react";
import { LiveChart } from "../../charts/LiveChart.tsx";
import { replayHandlesLayout, replayMemoryLayout } from "../../charts/replayLayouts.ts";
import type { ServiceCode } from "../../jobs/chooseCode.ts";
import { loadServiceCode } from "../../jobs/serviceCode.ts";
import type { ReplayPoints } from "../../series/replaySeries.ts";
import { codeNotes } from "./codeNotes.ts";
import { ReplayControls } from "./ReplayControls.tsx";
import { ReplayFigures } from "./ReplayFigures.tsx";
import { fixedServices, type ReplayProps, settingsFromProps } from "./replaySettings.ts";
import { useReplay } from "./useReplay.ts";
import "./replay.css";

export default function ReplayPanel(props: ReplayProps) {
  const [settings, setSettings] = useState(() => settingsFromProps(props));
  const { replay, start, cancel } = useReplay();
  const [codes, setCodes] = useState<ServiceCode[]>();
  // Read on opening and again at each start: the learner may have saved a fix in another tab meanwhile.
  const readCodes = useCallback(() => {
    loadServiceCode().then(setCodes, () => setCodes([]));
  }, []);
  useEffect(readCodes, [readCodes]);

  const limitMiB = replay.shown?.limitMiB ?? settings.limitMiB;
  const handlesOf = useCallback((points: ReplayPoints) => replayHandlesLayout(points), []);
  const memoryOf = useCallback((points: ReplayPoints) => replayMemoryLayout(points, limitMiB), [limitMiB]);

  return (
    <section className="replay-panel" aria-label="Incident replay">
      <ReplayControls
        settings={settings}
        onChange={setSettings}
        running={replay.status === "running"}
        onStart={() => {
          start(settings);
          readCodes();
        }}
        onCancel={cancel}
        codeNotes={codes && codeNotes(codes, fixedServices(settings.fixed))}
      />
      {replay.series ? (
        <div className="replay-charts">
          <LiveChart series={replay.series} layoutOf={handlesOf} height={200} testId="replay-handles-chart" />
          <LiveChart series={replay.series} layoutOf={memoryOf} height={200} testId="replay-memory-chart" />
        </div>
      ) : null}
      <ReplayFigures replay={replay} />
    </section>
  );
}
