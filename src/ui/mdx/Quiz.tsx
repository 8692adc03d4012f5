/**
 * A question in a lesson, answered by choosing: the feedback for the chosen answer shows at once, right or
 * wrong, and the answer is saved with the lesson's progress, so a facilitator's room and a reload both find it.
 * In MDX: `<Quiz id="hypothesis" question="…" choices={[{ text: "…", feedback: "…" }, { text: "…", correct: true,
 * feedback: "…" }]} />`.
 */
import { useId } from "react";
import { answerQuestion, progressStore } from "../../state/progressStore.ts";
import { useStore } from "../../state/useStore.ts";
import { InlineCode } from "../InlineCode.tsx";
import { useLessonSlug } from "./lessonContext.ts";

export interface QuizChoice {
  readonly text: string;
  readonly correct?: boolean;
  /** Why this answer is right or wrong. */
  readonly feedback: string;
}

interface QuizProps {
  /** Unique within the lesson; the key the answer is saved under. */
  readonly id: string;
  readonly question: string;
  readonly choices: readonly QuizChoice[];
}

export function Quiz({ id, question, choices }: QuizProps) {
  const slug = useLessonSlug();
  const answer = useStore(progressStore, (state) => state.lessons[slug]?.answers?.[id]);
  const name = useId();
  const chosen = answer === undefined ? undefined : choices[answer];
  return (
    <fieldset className="quiz" data-question={id}>
      <legend>
        <InlineCode text={question} />
      </legend>
      {choices.map((choice, index) => (
        <label key={choice.text} className={answer === index ? "chosen" : undefined}>
          <input
            type="radio"
            name={name}
            checked={answer === index}
            onChange={() => answerQuestion(slug, id, index)}
          />
          <InlineCode text={choice.text} />
        </label>
      ))}
      {chosen && (
        <p className={chosen.correct ? "quiz-feedback right" : "quiz-feedback wrong"} role="status">
          <strong>{chosen.correct ? "Yes. " : "Not quite. "}</strong>
          <InlineCode text={chosen.feedback} />
        </p>
      )}
    </fieldset>
  );
}
