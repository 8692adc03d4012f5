/**
 * What the learner chooses for a replay (how long, how many pods, which limit, a restart, which services are
 * fixed and with whose code), the choices offered, and the defaults: the night as it was, 03:00 to 05:00. A
 * lesson can start the panel elsewhere through the `<Replay>` component's props (lesson 7: all fixed, a day).
 */
import type { CodeSource } from "../../jobs/chooseCode.ts";
import { SERVICES, type ServiceName } from "../../sim/pod.ts";

export type FixedChoice = "none" | "all" | ServiceName;

export interface ReplaySettings {
  /** Simulated minutes from 03:00. */
  readonly minutes: number;
  readonly pods: number;
  readonly limitMiB: number;
  /** Minutes after 03:00 at which every pod is restarted, or none. */
  readonly restartAfter: number | undefined;
  readonly fixed: FixedChoice;
  /** For fixed services: the learner's saved code where there is some, or the reference solutions. */
  readonly code: CodeSource;
}

export const DEFAULT_SETTINGS: ReplaySettings = {
  minutes: 120,
  pods: 3,
  limitMiB: 2048,
  restartAfter: undefined,
  fixed: "none",
  code: "mine",
};

export const MINUTE_CHOICES: readonly { readonly minutes: number; readonly label: string }[] = [
  { minutes: 60, label: "1 hour" },
  { minutes: 120, label: "2 hours" },
  { minutes: 180, label: "3 hours" },
  { minutes: 240, label: "4 hours" },
  { minutes: 480, label: "8 hours" },
  { minutes: 720, label: "12 hours" },
  { minutes: 1440, label: "24 hours" },
];
export const MAX_MINUTES = 1440;
export const POD_CHOICES = [3, 5] as const;
export const LIMIT_CHOICES: readonly { readonly limitMiB: number; readonly label: string }[] = [
  { limitMiB: 2048, label: "2 GiB" },
  { limitMiB: 4096, label: "4 GiB" },
];
/** Restart times offered, in minutes after 03:00 (03:30 … 08:00). */
export const RESTART_CHOICES: readonly number[] = [30, 60, 75, 90, 120, 180, 300];

export const SERVICE_LABELS: Readonly<Record<ServiceName, string>> = {
  upload: "upload",
  sync: "sync",
  ratelimit: "rate limiter",
};

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six"];

export const FIXED_CHOICES: readonly { readonly value: FixedChoice; readonly label: string }[] = [
  { value: "none", label: "none (as that night)" },
  { value: "all", label: `all ${NUMBER_WORDS[SERVICES.length] ?? SERVICES.length}` },
  ...SERVICES.map((service) => ({ value: service, label: `${SERVICE_LABELS[service]} only` })),
];

export function fixedServices(choice: FixedChoice): ReadonlySet<ServiceName> {
  if (choice === "none") return new Set();
  if (choice === "all") return new Set(SERVICES);
  return new Set([choice]);
}

/** Props a lesson may give `<Replay>`, checked: anything unknown falls back to the default. */
export interface ReplayProps {
  readonly minutes?: number;
  readonly pods?: number;
  readonly limitMiB?: number;
  readonly fixed?: string;
  readonly code?: string;
}

export function settingsFromProps(props: ReplayProps): ReplaySettings {
  const minutes = props.minutes;
  const fixed = FIXED_CHOICES.find((choice) => choice.value === props.fixed)?.value;
  return {
    ...DEFAULT_SETTINGS,
    ...(minutes !== undefined && Number.isInteger(minutes) && minutes > 0 && minutes <= MAX_MINUTES
      ? { minutes }
      : {}),
    ...(props.pods !== undefined && (POD_CHOICES as readonly number[]).includes(props.pods)
      ? { pods: props.pods }
      : {}),
    ...(LIMIT_CHOICES.some((choice) => choice.limitMiB === props.limitMiB) && props.limitMiB !== undefined
      ? { limitMiB: props.limitMiB }
      : {}),
    ...(fixed ? { fixed } : {}),
    ...(props.code === "mine" || props.code === "solutions" ? { code: props.code } : {}),
  };
}
