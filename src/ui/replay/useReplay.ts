/**
 * One panel's replay: starts it in a fresh worker with the code the settings ask for, feeds the samples to a
 * ReplaySeries for the charts (outside React), and keeps the text figures (per pod, events, progress) as state
 * updated once per batch. A new replay, Cancel and unmounting end the one in progress.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { startReplay } from "../../jobs/replayController.ts";
import { ReplaySeries } from "../../series/replaySeries.ts";
import { REPLAY_START } from "../../sim/clock.ts";
import type { HeapProfileEntry, ServiceName, Symptoms } from "../../sim/pod.ts";
import type { ReplayEvent } from "../../sim/replay.ts";
import { type CodeUsed, codeUsed, replayServices } from "./chooseCode.ts";
import { fixedServices, type ReplaySettings } from "./replaySettings.ts";
import { inClockOrder, type PodFigures, podFigures } from "./replaySummary.ts";
import { loadServiceCode } from "./serviceCode.ts";

export type ReplayStatus = "idle" | "running" | "done" | "failed" | "cancelled";

export interface ReplayView {
  readonly status: ReplayStatus;
  /** The settings of the replay shown (not of the controls, which may have changed since). */
  readonly settings: ReplaySettings | undefined;
  readonly series: ReplaySeries | undefined;
  readonly used: Readonly<Partial<Record<ServiceName, CodeUsed>>>;
  /** Share of the pod-minutes replayed so far, 0 to 1, and the last sample's pod and clock. */
  readonly progress: number;
  readonly at: { readonly pod: number; readonly clock: string } | undefined;
  readonly figures: readonly PodFigures[];
  /** In clock order, as the report's timeline (they arrive pod by pod). */
  readonly events: readonly ReplayEvent[];
  readonly wallMs: number | undefined;
  readonly heapProfile: readonly HeapProfileEntry[];
  readonly symptoms: Symptoms | undefined;
  readonly failure: string | undefined;
}

const IDLE: ReplayView = {
  status: "idle",
  settings: undefined,
  series: undefined,
  used: {},
  progress: 0,
  at: undefined,
  figures: [],
  events: [],
  wallMs: undefined,
  heapProfile: [],
  symptoms: undefined,
  failure: undefined,
};

const MINUTE_MS = 60_000;
/** The seed `npm run replay` uses by default: the browser shows the same night as the facilitator's terminal. */
const SEED = 1;

export function useReplay(): {
  readonly view: ReplayView;
  readonly start: (settings: ReplaySettings) => void;
  readonly cancel: () => void;
} {
  const [view, setView] = useState<ReplayView>(IDLE);
  const endRef = useRef<() => void>(() => {});
  const tokenRef = useRef(0);

  const start = useCallback((settings: ReplaySettings) => {
    endRef.current();
    const token = ++tokenRef.current;
    const current = () => token === tokenRef.current;
    setView({ ...IDLE, status: "running", settings });
    const startedAt = performance.now();
    loadServiceCode().then(
      (codes) => {
        if (!current()) return;
        const fixed = fixedServices(settings.fixed);
        const used = Object.fromEntries(
          codes.map((code) => [code.service, codeUsed(code, fixed.has(code.service), settings.code)]),
        );
        const series = new ReplaySeries(settings.minutes, settings.pods);
        const podMinutes = settings.pods * (settings.minutes + 1);
        setView((state) => ({ ...state, series, used }));
        endRef.current = startReplay(
          {
            minutes: settings.minutes,
            pods: settings.pods,
            limitMiB: settings.limitMiB,
            restartAt:
              settings.restartAfter === undefined ? [] : [REPLAY_START + settings.restartAfter * MINUTE_MS],
            seed: SEED,
            services: replayServices(codes, fixed, settings.code),
          },
          {
            progress(samples, events) {
              series.append(samples, events);
              const last = samples.at(-1);
              const points = series.thinned();
              // Pods are replayed one after the other, each from 03:00 to the end.
              const replayed = last ? (last.pod - 1) * (settings.minutes + 1) + last.minute + 1 : 0;
              setView((state) => ({
                ...state,
                progress: Math.max(state.progress, Math.min(1, replayed / podMinutes)),
                at: last ? { pod: last.pod, clock: last.clock } : state.at,
                figures: podFigures(points),
                events: inClockOrder(points.events),
              }));
            },
            done(result) {
              setView((state) => ({
                ...state,
                status: "done",
                progress: 1,
                wallMs: performance.now() - startedAt,
                heapProfile: result.heapProfile,
                symptoms: result.symptoms,
              }));
            },
            failed(message) {
              setView((state) => ({ ...state, status: "failed", failure: message }));
            },
          },
        );
      },
      (error: unknown) => {
        if (!current()) return;
        const message = error instanceof Error ? error.message : String(error);
        setView((state) => ({
          ...state,
          status: "failed",
          failure: `The services' code could not be loaded: ${message}`,
        }));
      },
    );
  }, []);

  const cancel = useCallback(() => {
    tokenRef.current++;
    endRef.current();
    setView((state) => (state.status === "running" ? { ...state, status: "cancelled" } : state));
  }, []);

  // Leaving the lesson ends the replay's worker.
  useEffect(
    () => () => {
      tokenRef.current++;
      endRef.current();
    },
    [],
  );

  return { view, start, cancel };
}
