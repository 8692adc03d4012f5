/**
 * Hints in steps: each revealed on request, each a step closer to the fix; how many the learner has seen is
 * remembered with their progress, so a reload does not hide them again.
 */
import { progressStore, setHintsShown } from "../state/progressStore.ts";
import { useStore } from "../state/useStore.ts";
import { InlineCode } from "./InlineCode.tsx";

export function Hints({ lesson, hints }: { readonly lesson: string; readonly hints: readonly string[] }) {
  const shown = useStore(progressStore, (state) =>
    Math.min(state.lessons[lesson]?.hintsShown ?? 0, hints.length),
  );
  if (hints.length === 0) return null;
  return (
    <section className="hints" aria-labelledby="hints-heading">
      <h2 id="hints-heading">Stuck?</h2>
      {shown > 0 && (
        <ol>
          {hints.slice(0, shown).map((hint) => (
            <li key={hint}>
              <InlineCode text={hint} />
            </li>
          ))}
        </ol>
      )}
      {shown < hints.length ? (
        <button type="button" onClick={() => setHintsShown(lesson, shown + 1)}>
          Show hint {shown + 1} of {hints.length}
        </button>
      ) : (
        <p className="hint">That was the last hint. The solution is one click away, above the editor.</p>
      )}
    </section>
  );
}
