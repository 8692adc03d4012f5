/**
 * Lesson 9's postmortem: the learner answers the report's four questions (saved as they type), and downloads a
 * Markdown postmortem with their answers, the fixes they made and the figures of their own runs.
 */
import { useEffect, useId } from "react";
import { QUESTIONS } from "../../lessons/incidentEvidence.ts";
import { postmortemMarkdown, type ServiceFix } from "../../lessons/postmortem.ts";
import { findLesson } from "../../state/course.ts";
import { pageStorage } from "../../state/persist/browserStorage.ts";
import { latestCode } from "../../state/persist/savedCode.ts";
import { loadPinnedRun, pinnedRunStore } from "../../state/pinnedRuns.ts";
import { progressStore, writeAnswer } from "../../state/progressStore.ts";
import { useStore } from "../../state/useStore.ts";
import { useLessonSlug } from "./lessonContext.ts";

/** The three services, as the postmortem describes them. */
const SERVICES = [
  {
    slug: "upload",
    cause: "a progress reporter per upload, waiting on a channel nobody closed",
    idiom: "the sender closes the channel in `finally`; one janitor per service",
  },
  {
    slug: "sync",
    cause: "a watcher per device, stuck in a select with no way out when the device left",
    idiom: "`ctx.Done()` in every select; unsubscribe on the way out",
  },
  {
    slug: "ratelimit",
    cause: "a cleanup goroutine and ticker per config reload, never stopped",
    idiom: "`sync.Once`, a stop channel, `ticker.Stop()`",
  },
] as const;

function gatherFixes(): ServiceFix[] {
  const { lessons } = progressStore.getState();
  const pinned = pinnedRunStore.getState().bySlug;
  return SERVICES.map((service) => {
    const lesson = findLesson(service.slug);
    const fileName = lesson?.meta.files[0] ?? `${service.slug}.ts`;
    const progress = lessons[service.slug];
    const pin = pinned[service.slug];
    const last = pin ? pin.minutes.length - 1 : -1;
    // The run the learner pinned, else their latest run of the starter as the lesson gives it.
    const before =
      pin && last >= 0
        ? {
            minutes: pin.minutes[last] ?? 0,
            handles: pin.handles[last] ?? 0,
            memoryMiB: pin.memoryMiB[last] ?? 0,
          }
        : progress?.starterRun;
    const code = latestCode(pageStorage(), service.slug)?.files[fileName];
    return {
      title: lesson?.meta.title ?? service.slug,
      fileName,
      cause: service.cause,
      idiom: service.idiom,
      ...(progress?.completedAt === undefined ? {} : { completedAt: progress.completedAt }),
      ...(before ? { before } : {}),
      ...(progress?.lastRun ? { after: progress.lastRun } : {}),
      ...(code === undefined ? {} : { code }),
    };
  });
}

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/markdown" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = "cloudvault-postmortem.md";
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function Postmortem() {
  const slug = useLessonSlug();
  const texts = useStore(progressStore, (state) => state.lessons[slug]?.texts);
  const idPrefix = useId();
  // The pinned runs of the three service lessons are the postmortem's "before" (their starter runs otherwise).
  useEffect(() => {
    for (const service of SERVICES) loadPinnedRun(service.slug);
  }, []);

  const answers = QUESTIONS.map((_, index) => texts?.[`q${index + 1}`] ?? "");
  return (
    <section className="postmortem" aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`}>Your answers</h2>
      {QUESTIONS.map((question, index) => (
        <div key={question} className="postmortem-question">
          <label htmlFor={`${idPrefix}-q${index + 1}`}>
            {index + 1}. {question}
          </label>
          <textarea
            id={`${idPrefix}-q${index + 1}`}
            rows={4}
            value={answers[index]}
            onChange={(event) => writeAnswer(slug, `q${index + 1}`, event.target.value)}
          />
        </div>
      ))}
      <button
        type="button"
        className="postmortem-download"
        onClick={() => download(postmortemMarkdown({ writtenAt: Date.now(), answers, fixes: gatherFixes() }))}
      >
        Download the postmortem (Markdown)
      </button>
    </section>
  );
}
