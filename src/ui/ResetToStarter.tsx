/**
 * Reset: puts the lesson's starter back in the editor, after the learner confirms in a bar under the toolbar.
 * The replacement is one edit in the editor, so Ctrl+Z there undoes it; the confirmation says so.
 */
import { useRef } from "react";
import { saveNow } from "../state/autosave.ts";
import { replaceFileText } from "../state/editorStore.ts";
import { useEditorBar } from "./useEditorBar.ts";

export function ResetToStarterButton({ onAsk }: { readonly onAsk: () => void }) {
  return (
    <button type="button" className="reset-starter" onClick={onAsk}>
      Reset to starter
    </button>
  );
}

interface ResetConfirmProps {
  readonly fileName: string;
  readonly starter: string;
  readonly onClose: () => void;
}

export function ResetConfirm({ fileName, starter, onClose }: ResetConfirmProps) {
  // The safe answer has the focus, so a stray Enter keeps the learner's code.
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { barRef, close } = useEditorBar(onClose, cancelRef);
  return (
    // An inline question rather than a modal <dialog>: the learner can still read their code while deciding.
    <div
      ref={barRef}
      role="alertdialog"
      aria-labelledby="reset-question"
      className="editor-bar reset-confirm"
    >
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
      <button ref={cancelRef} type="button" onClick={close}>
        Cancel
      </button>
    </div>
  );
}
