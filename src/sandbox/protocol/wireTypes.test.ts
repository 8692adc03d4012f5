/**
 * The protocol's types against what they carry. The sample rows' hand-written check (isSampleRow, kept for
 * speed) must check every field of the schema's row and give the schema's answer; and each shape the page
 * takes from the core (a check report, a pod event, a replay's rows and evidence) must be the core's own type,
 * so a change on either side fails to compile rather than a message being refused at run time.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import type { CheckReport } from "../../checks/report.ts";
import type { PodEvidence } from "../../sim/evidence.ts";
import type { HeapProfileEntry, Symptoms } from "../../sim/pod.ts";
import type { PodEvent as CorePodEvent } from "../../sim/podLifecycle.ts";
import type { ReplayEvent, ReplaySample } from "../../sim/replay.ts";
import type { CheckMessage } from "./check.ts";
import { MAX_NAME, MAX_SITES_PER_SAMPLE } from "./limits.ts";
import type { ReplayMessage } from "./replay.ts";
import {
  isSampleRow,
  type RunMessage,
  SAMPLE_FIGURES,
  type SampleRow,
  type SiteCount,
  sampleRowSchema,
} from "./run.ts";

type Of<Union, Type> = Extract<Union, { readonly type: Type }>;

describe("the sample rows' fast path", () => {
  it("checks every field of the schema's row, and narrows to it", () => {
    expectTypeOf<keyof SampleRow>().toEqualTypeOf<(typeof SAMPLE_FIGURES)[number] | "sites">();
    expectTypeOf<SampleRow["sites"][number]>().toEqualTypeOf<SiteCount>();
    expectTypeOf<keyof SiteCount>().toEqualTypeOf<"site" | "handles">();
    expectTypeOf(isSampleRow).guards.toEqualTypeOf<SampleRow>();
  });

  it("gives the schema's answer for rows well-formed and not", () => {
    const row = {
      t: 1000,
      handles: 3,
      goroutines: 2,
      timers: 1,
      tickers: 0,
      memoryMiB: 1551.5,
      sites: [{ site: "StorageService.upload (storage.ts:59)", handles: 2 }],
    };
    const site = (label: unknown, handles: unknown = 1) => ({ ...row, sites: [{ site: label, handles }] });
    const rows: unknown[] = [
      row,
      { ...row, t: Number.POSITIVE_INFINITY },
      { ...row, extra: "ignored, as by the schema" },
      ...SAMPLE_FIGURES.flatMap((field) => [
        { ...row, [field]: Number.NaN },
        { ...row, [field]: String(row[field]) },
        { ...row, [field]: undefined },
      ]),
      { ...row, sites: [] },
      {
        ...row,
        sites: Array.from({ length: MAX_SITES_PER_SAMPLE }, (_, i) => ({ site: `s${i}`, handles: i })),
      },
      { ...row, sites: Array.from({ length: MAX_SITES_PER_SAMPLE + 1 }, () => ({ site: "s", handles: 1 })) },
      { ...row, sites: "not a list" },
      { ...row, sites: [null] },
      site("x".repeat(MAX_NAME)),
      site("x".repeat(MAX_NAME + 1)),
      site(42),
      site("s", Number.NaN),
      site("s", "1"),
      null,
      42,
      "row",
    ];
    for (const candidate of rows)
      expect(isSampleRow(candidate), JSON.stringify(candidate)?.slice(0, 80)).toBe(
        sampleRowSchema.safeParse(candidate).success,
      );
  });
});

describe("the shapes the page takes from the core", () => {
  it("are the core's own types", () => {
    type Report = Of<CheckMessage, "checked">["report"];
    expectTypeOf<Report>().toExtend<CheckReport>();
    expectTypeOf<CheckReport>().toExtend<Report>();

    type PodEvent = Of<RunMessage, "podEvent">["event"];
    expectTypeOf<PodEvent>().toExtend<CorePodEvent>();
    expectTypeOf<CorePodEvent>().toExtend<PodEvent>();

    type Progress = Of<ReplayMessage, "replayProgress">;
    expectTypeOf<Progress["samples"][number]>().toExtend<ReplaySample>();
    expectTypeOf<ReplaySample>().toExtend<Progress["samples"][number]>();
    expectTypeOf<Progress["events"][number]>().toExtend<ReplayEvent>();
    expectTypeOf<ReplayEvent>().toExtend<Progress["events"][number]>();

    type Replayed = Of<ReplayMessage, "replayed">;
    expectTypeOf<Replayed["heapProfile"][number]>().toExtend<HeapProfileEntry>();
    expectTypeOf<HeapProfileEntry>().toExtend<Replayed["heapProfile"][number]>();
    expectTypeOf<Replayed["symptoms"]>().toExtend<Symptoms>();
    expectTypeOf<Symptoms>().toExtend<Replayed["symptoms"]>();
    expectTypeOf<NonNullable<Replayed["evidence"]>>().toExtend<PodEvidence>();
    expectTypeOf<PodEvidence>().toExtend<NonNullable<Replayed["evidence"]>>();
  });
});
