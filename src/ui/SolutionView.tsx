/**
 * Show solution, Apply and Undo. The solution appears as a diff against the learner's current code; Apply puts
 * it in the editor as one undoable edit, after saving the learner's code; Undo puts the learner's code back.
 * Nothing is ever overwritten without the learner asking.
 */
import { lazy, Suspense } from "react";
import { saveNow } from "../state/autosave.ts";
import { replaceFileText } from "../state/editorStore.ts";

const SolutionDiff = lazy(() => import("../editor/SolutionDiff.tsx"));

export interface ShownSolution {
  readonly learner: string;
  readonly solution: string;
}

interface SolutionViewProps {
  readonly modelPrefix: string;
  readonly fileName: string;
  readonly language: string;
  readonly shown: ShownSolution;
  /** With the plain editor, the two versions one above the other, as text: no Monaco. */
  readonly plain: boolean;
  readonly onClose: () => void;
  /** Called after Apply with the code it replaced, so the page can offer Undo. */
  readonly onApplied: (replaced: string) => void;
}

export function SolutionView({
  modelPrefix,
  fileName,
  language,
  shown,
  plain,
  onClose,
  onApplied,
}: SolutionViewProps) {
  const apply = () => {
    // Write-ahead: the learner's code is saved before the solution replaces it.
    saveNow();
    replaceFileText(fileName, shown.solution);
    onApplied(shown.learner);
    onClose();
  };
  return (
    <section className="solution-view" aria-labelledby="solution-heading">
      <div className="solution-head">
        <h3 id="solution-heading">Your {fileName} (left) beside the solution (right)</h3>
        <button type="button" className="solution-apply" onClick={apply}>
          Apply the solution
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {plain ? (
        <div className="plain-compare" data-testid="solution-diff">
          <textarea readOnly aria-label="Your code, read-only" value={shown.learner} />
          <textarea readOnly aria-label="The solution, read-only" value={shown.solution} />
        </div>
      ) : (
        <Suspense fallback={<p className="loading">Loading the diff…</p>}>
          <SolutionDiff
            modelPrefix={modelPrefix}
            fileName={fileName}
            learner={shown.learner}
            solution={shown.solution}
            language={language}
          />
        </Suspense>
      )}
    </section>
  );
}

/** After Apply (or using shared code): the way back to the learner's own code. */
interface AppliedBarProps {
  readonly fileName: string;
  /** What replaced the learner's code: "The solution", "The shared code". */
  readonly what: string;
  readonly replaced: string;
  readonly onDone: () => void;
}

export function AppliedBar({ fileName, what, replaced, onDone }: AppliedBarProps) {
  return (
    <div className="editor-bar applied-bar" role="status">
      <span>
        {what} is in the editor as your {fileName}.
      </span>
      <button
        type="button"
        onClick={() => {
          saveNow();
          replaceFileText(fileName, replaced);
          onDone();
        }}
      >
        Undo: put my code back
      </button>
      <button type="button" onClick={onDone}>
        Keep it
      </button>
    </div>
  );
}
