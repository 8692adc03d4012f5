/**
 * Reset: puts the lesson's starter back in the editor, after the learner confirms. The replacement is one edit
 * in the editor, so Ctrl+Z there undoes it; the confirmation says so.
 */
import { useEffect, useRef, useState } from "react";
import { saveNow } from "../state/autosave.ts";
import { replaceFileText } from "../state/editorStore.ts";

interface ResetToStarterProps {
  readonly fileName: string;
  readonly starter: string;
}

export function ResetToStarter({ fileName, starter }: ResetToStarterProps) {
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);
  // The safe answer has the focus, so a stray Enter keeps the learner's code.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const close = () => {
    setConfirming(false);
    // Back to the button that opened the question, as a dialog would.
    requestAnimationFrame(() => resetRef.current?.focus());
  };

  if (!confirming) {
    return (
      <button ref={resetRef} type="button" className="reset-starter" onClick={() => setConfirming(true)}>
        Reset to starter
      </button>
    );
  }
  return (
    // An inline question rather than a modal <dialog>: the learner can still read their code while deciding.
    <div role="alertdialog" aria-labelledby="reset-question" className="reset-confirm">
      <span id="reset-question">
        Replace your {fileName} with the lesson's starter? Ctrl+Z in the editor undoes it.
      </span>
      <button
        type="button"
        className="danger"
        onClick={() => {
          // Write-ahead: what the learner had is saved before it is replaced.
          saveNow();
          replaceFileText(fileName, starter);
          close();
        }}
      >
        Reset
      </button>
      <button
        ref={cancelRef}
        type="button"
        onClick={close}
        onKeyDown={(event) => {
          // Escape answers the question; it should not also stop a run (RunPanel listens for it).
          if (event.key !== "Escape") return;
          event.preventDefault();
          close();
        }}
      >
        Cancel
      </button>
    </div>
  );
}
