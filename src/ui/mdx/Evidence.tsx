/**
 * The report's exhibits for lesson text: the page the on-call engineer got, and the night's timeline. The
 * words are the report's (src/lessons/incidentEvidence.ts); the layout is ours.
 */
import { ALERT, TIMELINE } from "../../lessons/incidentEvidence.ts";

export function PagerAlert() {
  return (
    <figure className="exhibit pager-alert">
      <figcaption>
        PagerDuty, {ALERT.triggered}: <strong>{ALERT.severity}</strong>, {ALERT.team}
      </figcaption>
      <pre>{ALERT.details.join("\n")}</pre>
      <p className="exhibit-note">Acknowledged {ALERT.acknowledged}.</p>
    </figure>
  );
}

/** The report's timeline; `until` stops it at an entry (the page at 03:42 shows only what was known then). */
export function Timeline({ until }: { readonly until?: string }) {
  const last =
    until === undefined ? TIMELINE.length : TIMELINE.findIndex((entry) => entry.at.startsWith(until)) + 1;
  return (
    <ol className="exhibit timeline" aria-label="Incident timeline">
      {TIMELINE.slice(0, last || TIMELINE.length).map((entry) => (
        <li key={entry.at} className="timeline-entry">
          <time>{entry.at}</time> {entry.what}
          {entry.detail && <pre>{entry.detail.join("\n")}</pre>}
        </li>
      ))}
    </ol>
  );
}
