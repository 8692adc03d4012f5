/** A lesson saying which of the report's "Questions for Investigation" it answers, and where. */
import { QUESTIONS } from "../../lessons/incidentEvidence.ts";
import { InlineCode } from "../InlineCode.tsx";

export function ReportQuestion({ n, answer }: { readonly n: number; readonly answer: string }) {
  const question = QUESTIONS[n - 1];
  if (!question) throw new Error(`The report has no question ${n}`);
  return (
    <aside className="report-question" aria-label={`The report's question ${n}`}>
      <p>
        <strong>The report asked ({n}):</strong> {question}
      </p>
      <p>
        <strong>Answer:</strong> <InlineCode text={answer} />
      </p>
    </aside>
  );
}
