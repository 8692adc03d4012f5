/**
 * The live run under the editor: Run, Stop, Pause/Resume and speed, with the run's figures in one line and its
 * error right below them; the clock, handles and memory as cards (and for screen readers, a sentence); the
 * chart; the goroutine dump; the logs.
 */
import { useEffect, useId, useRef, useState } from "react";
import {
  disposeRuns,
  pauseRun,
  prepareRun,
  resumeRun,
  setRunSpeed,
  startRun,
  stopRun,
} from "../jobs/runController.ts";
import { DEFAULT_KNOBS, type TrafficKnobs as TrafficKnobsValue } from "../sim/liveScenario.ts";
import { editorStore } from "../state/editorStore.ts";
import { recordRun } from "../state/progressStore.ts";
import { runStore } from "../state/runStore.ts";
import { useStore } from "../state/useStore.ts";
import { DumpPanel } from "./DumpPanel.tsx";
import { LogsPanel } from "./LogsPanel.tsx";
import { RunCharts } from "./RunCharts.tsx";
import { RunFigures } from "./RunFigures.tsx";
import { RunStatusStrip } from "./RunStatusStrip.tsx";
import { TrafficKnobs } from "./TrafficKnobs.tsx";
import { useRevealOnRun } from "./useRevealOnRun.ts";

const SPEEDS = [
  { label: "real time", value: 1 },
  { label: "10×", value: 10 },
  { label: "60×", value: 60 },
  { label: "600×", value: 600 },
  { label: "as fast as possible", value: Number.POSITIVE_INFINITY },
] as const;

const DURATIONS = [
  { label: "10 minutes", value: 10 },
  { label: "1 hour", value: 60 },
  { label: "6 hours", value: 360 },
  { label: "24 hours", value: 1440 },
] as const;

interface RunPanelProps {
  readonly lesson: string;
  /** The file Run runs: the editor's current text of it. */
  readonly fileName: string;
  /** What Run runs while the editor is still loading (Ctrl+Enter can come first): the code the lesson opened with. */
  readonly openedText: string;
  /** The lesson's starter for the file: a run of it unchanged is the postmortem's leaky "before". */
  readonly starterText: string | undefined;
}

export function RunPanel({ lesson, fileName, openedText, starterText }: RunPanelProps) {
  const status = useStore(runStore, (state) => state.status);
  const error = useStore(runStore, (state) => state.error);
  const [speed, setSpeed] = useState<number>(60);
  const [minutes, setMinutes] = useState<number>(60);
  const [traffic, setTraffic] = useState<TrafficKnobsValue>(DEFAULT_KNOBS);
  const speedId = useId();
  const durationId = useId();
  const active = status === "running" || status === "paused";
  // What the current run runs, for where its figures are kept when it finishes.
  const ranRef = useRef<"starter" | "own code">("own code");
  const headRef = useRef<HTMLDivElement>(null);
  useRevealOnRun(headRef);

  const run = () => {
    const source = editorStore.getState().texts[fileName] ?? openedText;
    ranRef.current = source === starterText ? "starter" : "own code";
    startRun({ lesson, fileName, source, speed, untilMs: minutes * 60_000, traffic });
  };
  // The key handler is installed once and calls the latest `run` (docs/ARCHITECTURE.md#widgets).
  const runRef = useRef(run);
  runRef.current = run;

  // Ctrl/Cmd+Enter runs, wherever the focus is on the lesson page: caught before the editor, which would
  // otherwise insert a line.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        runRef.current();
      }
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, []);

  // Escape stops a running or paused run, unless something else used it first: Monaco closes its suggestions
  // and find widget with Escape and marks the event handled, and a learner closing autocomplete has not asked
  // to stop the run.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      const { status } = runStore.getState();
      if (status === "running" || status === "paused") stopRun();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // A finished run's figures are kept with the lesson's progress: the starter's are the learner's postmortem's
  // "before" (unless they pin a run), their own code's its "after".
  useEffect(() => {
    let previous = runStore.getState().status;
    return runStore.subscribe(() => {
      const { status, clockMs, handles, memoryMiB } = runStore.getState();
      if (status === "finished" && previous !== "finished" && clockMs > 0) {
        recordRun(lesson, { minutes: clockMs / 60_000, handles, memoryMiB }, ranRef.current);
      }
      previous = status;
    });
  }, [lesson]);

  // A worker waits ready for the first Run; leaving the lesson ends its run and that worker.
  useEffect(() => {
    prepareRun();
    return disposeRuns;
  }, []);

  return (
    <section className="run-panel" aria-label="Live run">
      {/* Controls, strip and error together: what a run brings into view (useRevealOnRun). */}
      <div className="run-head" ref={headRef}>
        <div className="run-controls">
          <button type="button" className="primary" onClick={run} title="Ctrl+Enter">
            Run
          </button>
          <button type="button" onClick={stopRun} disabled={!active} title="Escape">
            Stop
          </button>
          <button type="button" onClick={status === "paused" ? resumeRun : pauseRun} disabled={!active}>
            {status === "paused" ? "Resume" : "Pause"}
          </button>
          <span className="run-option">
            <label htmlFor={speedId}>Speed</label>
            <select
              id={speedId}
              value={String(speed)}
              onChange={(event) => {
                const next = Number(event.target.value);
                setSpeed(next);
                if (active) setRunSpeed(next);
              }}
            >
              {SPEEDS.map((option) => (
                <option key={option.label} value={String(option.value)}>
                  {option.label}
                </option>
              ))}
            </select>
          </span>
          <span className="run-option">
            <label htmlFor={durationId}>Run for</label>
            <select
              id={durationId}
              value={minutes}
              onChange={(event) => setMinutes(Number(event.target.value))}
            >
              {DURATIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </span>
        </div>
        <RunStatusStrip />
        {error && (
          <div role="alert" className="run-error">
            {error.line !== undefined && <strong>{`${fileName}:${error.line}: `}</strong>}
            {error.message}
          </div>
        )}
      </div>

      <TrafficKnobs lesson={lesson} value={traffic} onChange={setTraffic} disabled={active} />

      <RunFigures />

      <RunCharts lesson={lesson} />
      <DumpPanel />
      <LogsPanel />
    </section>
  );
}
