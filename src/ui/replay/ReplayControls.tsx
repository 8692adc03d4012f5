/**
 * The replay's controls: how long, how many pods, which memory limit, a restart, which services are fixed and
 * whose fix they run, and Start / Cancel. Plain form controls with labels, so they are reachable by keyboard and
 * named for screen readers and tests.
 */
import { useId } from "react";
import { formatClock, REPLAY_START } from "../../sim/clock.ts";
import { Link } from "../Link.tsx";
import type { CodeNote } from "./codeNotes.ts";
import {
  FIXED_CHOICES,
  type FixedChoice,
  LIMIT_CHOICES,
  MINUTE_CHOICES,
  POD_CHOICES,
  RESTART_CHOICES,
  type ReplaySettings,
} from "./replaySettings.ts";

interface ReplayControlsProps {
  readonly settings: ReplaySettings;
  readonly onChange: (settings: ReplaySettings) => void;
  readonly running: boolean;
  readonly onStart: () => void;
  readonly onCancel: () => void;
  /** What "yours" means for each fixed service right now (saved code, or the solution); undefined while looking. */
  readonly codeNotes: readonly CodeNote[] | undefined;
}

const clockAfter = (minutes: number) => formatClock(REPLAY_START + minutes * 60_000);

export function ReplayControls({
  settings,
  onChange,
  running,
  onStart,
  onCancel,
  codeNotes,
}: ReplayControlsProps) {
  const id = useId();
  const set = (patch: Partial<ReplaySettings>) => onChange({ ...settings, ...patch });
  const minuteChoices = MINUTE_CHOICES.some((choice) => choice.minutes === settings.minutes)
    ? MINUTE_CHOICES
    : [...MINUTE_CHOICES, { minutes: settings.minutes, label: `${settings.minutes} minutes` }];
  return (
    <div className="replay-controls">
      <label>
        Replay for{" "}
        <select value={settings.minutes} onChange={(event) => set({ minutes: Number(event.target.value) })}>
          {minuteChoices.map((choice) => (
            <option key={choice.minutes} value={choice.minutes}>
              {choice.label} (to {clockAfter(choice.minutes)})
            </option>
          ))}
        </select>
      </label>
      <fieldset className="segmented">
        <legend>Pods</legend>
        {POD_CHOICES.map((pods) => (
          <label key={pods}>
            <input
              type="radio"
              name={`${id}-pods`}
              checked={settings.pods === pods}
              onChange={() => set({ pods })}
            />
            {pods}
          </label>
        ))}
      </fieldset>
      <fieldset className="segmented">
        <legend>Memory limit</legend>
        {LIMIT_CHOICES.map((choice) => (
          <label key={choice.limitMiB}>
            <input
              type="radio"
              name={`${id}-limit`}
              checked={settings.limitMiB === choice.limitMiB}
              onChange={() => set({ limitMiB: choice.limitMiB })}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <label>
        Restart every pod at{" "}
        <select
          value={settings.restartAfter ?? ""}
          onChange={(event) =>
            set({ restartAfter: event.target.value === "" ? undefined : Number(event.target.value) })
          }
        >
          <option value="">never</option>
          {RESTART_CHOICES.map((minutes) => (
            <option key={minutes} value={minutes}>
              {clockAfter(minutes)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Fixed services{" "}
        <select
          value={settings.fixed}
          onChange={(event) => set({ fixed: event.target.value as FixedChoice })}
        >
          {FIXED_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="segmented" disabled={settings.fixed === "none"}>
        <legend>Fixed code</legend>
        <label>
          <input
            type="radio"
            name={`${id}-code`}
            checked={settings.code === "mine"}
            onChange={() => set({ code: "mine" })}
          />
          yours
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-code`}
            checked={settings.code === "solutions"}
            onChange={() => set({ code: "solutions" })}
          />
          the solutions
        </label>
      </fieldset>
      {settings.fixed !== "none" && settings.code === "mine" ? <CodeNotes notes={codeNotes} /> : null}
      <div className="replay-actions">
        <button type="button" className="primary" onClick={onStart}>
          {running ? "Restart replay" : "Start replay"}
        </button>
        {running ? (
          <button type="button" onClick={onCancel}>
            Cancel replay
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** One line per fixed service: whose code it runs, and where to fix one that runs the solution. */
function CodeNotes({ notes }: { readonly notes: readonly CodeNote[] | undefined }) {
  if (!notes) return <p className="replay-note">Looking for your saved code…</p>;
  return (
    <ul className="replay-code-notes" data-testid="replay-code-notes">
      {notes.map((note) => (
        <li key={note.service} className={note.kind}>
          {note.text}
          {note.kind === "solution" ? (
            <>
              {" "}
              (<Link to={`/lessons/${note.lesson.slug}`}>lesson {note.lesson.order}</Link>).
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
