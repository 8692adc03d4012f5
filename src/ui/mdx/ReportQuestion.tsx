/**
 * A lesson saying which of the report's "Questions for Investigation" it answers, and where. The answer sits
 * behind a disclosure until the lesson is completed: shown at once, it would give away the lesson's own
 * questions, quiz and hints. In the presenter view it stays folded until the facilitator shows the solutions.
 */
import { QUESTIONS } from "../../lessons/incidentEvidence.ts";
import { facilitatorStore, solutionsVisible } from "../../state/facilitatorStore.ts";
import { progressStore } from "../../state/progressStore.ts";
import { useStore } from "../../state/useStore.ts";
import { InlineCode } from "../InlineCode.tsx";
import { useLessonSlug } from "./lessonContext.ts";

export function ReportQuestion({ n, answer }: { readonly n: number; readonly answer: string }) {
  const question = QUESTIONS[n - 1];
  if (!question) throw new Error(`The report has no question ${n}`);
  const slug = useLessonSlug();
  const completed = useStore(progressStore, (state) => state.lessons[slug]?.completedAt !== undefined);
  // On a projector the answer opens only when the facilitator shows the solutions.
  const mayShow = useStore(facilitatorStore, solutionsVisible);
  const opened = completed && mayShow;
  return (
    <aside className="report-question" aria-label={`The report's question ${n}`}>
      <p>
        <strong>The report asked ({n}):</strong> {question}
      </p>
      {/* Opened by completing the lesson; the learner may open it sooner, and closing it is theirs too. */}
      <details open={opened || undefined}>
        <summary>{opened ? "The answer" : "Show the answer (try the lesson first)"}</summary>
        <p>
          <strong>Answer:</strong> <InlineCode text={answer} />
        </p>
      </details>
    </aside>
  );
}
