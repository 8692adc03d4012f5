/**
 * How a lesson without checks is completed: the learner says they are done. (A lesson with checks completes
 * when Check my fix passes.)
 */
import { markCompleted, progressStore } from "../state/progressStore.ts";
import { useStore } from "../state/useStore.ts";

export function CompleteLesson({ slug }: { readonly slug: string }) {
  const completed = useStore(progressStore, (state) => state.lessons[slug]?.completedAt !== undefined);
  return (
    <section className="complete-lesson" aria-label="Finish the lesson">
      {completed ? (
        <p className="lesson-done">✓ You have completed this lesson.</p>
      ) : (
        <button type="button" onClick={() => markCompleted(slug)}>
          I have finished this lesson
        </button>
      )}
    </section>
  );
}
