/**
 * One line of the run's figures right under the Run button, where the learner is looking when they press it:
 * the figure cards sit further down the workspace, which scrolls on its own, so without this a run could tick
 * along for a minute with nothing changing on screen. The figures come from useRunFigures, as the cards' do.
 */
import { useRunFigures } from "./useRunFigures.ts";

export function RunStatusStrip() {
  const { status, clock, handles, memory } = useRunFigures();
  return (
    <p className="run-strip" data-testid="run-strip">
      <span className="run-strip-clock">{clock}</span>
      <span>{handles} handles</span>
      <span>
        {memory} <span className="modelled">(modelled)</span>
      </span>
      <span className={`run-strip-status run-strip-${status}`}>{status}</span>
    </p>
  );
}
