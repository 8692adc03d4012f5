/**
 * `<ExhibitPair exhibit="heap" | "goroutines" | "logs" />` in lesson MDX: one of the report's exhibits beside the
 * same exhibit taken from the replay (`<TakeEvidence />`), so the learner sees that the simulation shows what
 * the night showed. The report's side is quoted (src/lessons/incidentEvidence.ts); the replay's is measured.
 */
import type { ReactNode } from "react";
import "./evidence.css";
import { GOROUTINE_DUMP, HEAP_PROFILE, HEAP_PROFILE_MB, LOGS } from "../../lessons/incidentEvidence.ts";
import { formatHeapProfile } from "../../runtime/views/heapProfile.ts";
import { formatClock } from "../../sim/clock.ts";
import type { PodEvidence } from "../../sim/evidence.ts";
import { evidenceStore } from "../../state/evidenceStore.ts";
import { useStore } from "../../state/useStore.ts";

export type ExhibitName = "heap" | "goroutines" | "logs";

const MiB = 1024 * 1024;

const EXHIBIT_NAMES: Readonly<Record<ExhibitName, string>> = {
  heap: "heap profile",
  goroutines: "goroutine dump",
  logs: "logs",
};

/** "55% · 27% · 18%": each figure's share of their sum. */
export function shares(figures: readonly number[]): string {
  const total = figures.reduce((sum, figure) => sum + figure, 0);
  return figures.map((figure) => `${Math.round((100 * figure) / total)}%`).join(" · ");
}

const REPORT: Readonly<Record<ExhibitName, { readonly lines: readonly string[]; readonly note?: string }>> = {
  heap: { lines: HEAP_PROFILE, note: `Shares of the three: ${shares(HEAP_PROFILE_MB)}.` },
  goroutines: { lines: GOROUTINE_DUMP },
  logs: { lines: LOGS },
};

function replayText(exhibit: ExhibitName, evidence: PodEvidence): string {
  switch (exhibit) {
    case "heap":
      return formatHeapProfile(evidence.heapProfile.map((entry) => ({ ...entry, bytes: entry.MiB * MiB })));
    case "goroutines":
      return evidence.goroutines.groups
        .map((group) => `# ${group.count.toLocaleString("en-US")} goroutines like this one\n${group.text}`)
        .join("\n\n");
    case "logs":
      return evidence.logs.length > 0
        ? evidence.logs.join("\n")
        : "# No upload logged progress after it completed.";
  }
}

function replayNote(exhibit: ExhibitName, evidence: PodEvidence): string | undefined {
  switch (exhibit) {
    case "heap":
      return `Shares of the three: ${shares(evidence.heapProfile.map((entry) => entry.MiB))}. The rest of the profile holds ${evidence.otherMiB.toFixed(1)} MB.`;
    case "goroutines":
      return `The three largest groups of ${(evidence.goroutines.total - evidence.goroutines.server).toLocaleString("en-US")} goroutines the services started.`;
    case "logs":
      return undefined;
  }
}

function Side({ title, note, children }: { title: string; note?: string | undefined; children: ReactNode }) {
  return (
    <figure className="exhibit">
      <figcaption>{title}</figcaption>
      {children}
      {note && <p className="exhibit-note">{note}</p>}
    </figure>
  );
}

export function ExhibitPair({ exhibit }: { readonly exhibit: ExhibitName }) {
  const evidence = useStore(evidenceStore, (state) => state.evidence);
  const report = REPORT[exhibit];
  return (
    <div className="exhibit-pair" data-exhibit={exhibit}>
      <Side title="The report: cloudvault-api-prod-1, 2024-01-15" note={report.note}>
        <pre>{report.lines.join("\n")}</pre>
      </Side>
      {evidence ? (
        <Side title={`The replay: pod 1 at ${formatClock(evidence.at)}`} note={replayNote(exhibit, evidence)}>
          <pre data-testid={`replay-${exhibit}`}>{replayText(exhibit, evidence)}</pre>
        </Side>
      ) : (
        <Side title="The replay">
          <p className="exhibit-pending">
            Take the evidence from the replay (above) to see its {EXHIBIT_NAMES[exhibit]} here.
          </p>
        </Side>
      )}
    </div>
  );
}
