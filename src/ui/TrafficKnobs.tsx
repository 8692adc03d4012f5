/** The lesson's traffic, per minute of virtual time: E9's figures by default, changed before a run. */
import { useId } from "react";
import type { TrafficKnobs as Knobs } from "../sim/liveScenario.ts";

interface Knob {
  readonly key: keyof Knobs;
  readonly label: string;
  readonly max: number;
}

/** Which knobs matter for which lesson (the rate limiter's leak follows the clock, not the traffic). */
const KNOBS_BY_LESSON: Readonly<Record<string, readonly Knob[]>> = {
  upload: [
    { key: "uploadsPerMinute", label: "Uploads a minute", max: 1000 },
    { key: "abandonedPerMinute", label: "Abandoned chunked uploads a minute", max: 45 },
  ],
  sync: [
    { key: "syncOpsPerMinute", label: "Sync operations a minute", max: 2000 },
    { key: "watchers", label: "Watching devices", max: 1000 },
  ],
};

interface TrafficKnobsProps {
  readonly lesson: string;
  readonly value: Knobs;
  readonly onChange: (value: Knobs) => void;
  readonly disabled: boolean;
}

export function TrafficKnobs({ lesson, value, onChange, disabled }: TrafficKnobsProps) {
  const idPrefix = useId();
  const knobs = KNOBS_BY_LESSON[lesson] ?? [];
  if (knobs.length === 0) return null;
  return (
    <fieldset className="traffic-knobs" disabled={disabled}>
      <legend>Traffic</legend>
      {knobs.map((knob) => (
        <label key={knob.key} htmlFor={`${idPrefix}-${knob.key}`}>
          {knob.label}
          <input
            id={`${idPrefix}-${knob.key}`}
            type="number"
            min={0}
            max={knob.max}
            value={value[knob.key]}
            onChange={(event) => {
              const number = Math.min(knob.max, Math.max(0, Number(event.target.value) || 0));
              onChange({ ...value, [knob.key]: number });
            }}
          />
        </label>
      ))}
    </fieldset>
  );
}
