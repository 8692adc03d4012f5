/**
 * Sharing code by link: a button that puts the learner's current code in a link (in its fragment, never sent
 * to a server), and the banner a shared link opens with. Shared code is shown read-only in its own tab; it
 * never runs by itself and replaces the learner's code only when they ask, undoably.
 */
import { useRef } from "react";
import { saveNow } from "../state/autosave.ts";
import { editorStore, replaceFileText } from "../state/editorStore.ts";
import { copyTabName } from "../state/lessonContent.ts";
import { forgetShareInUrl } from "../state/share/sharedOnOpen.ts";
import { encodeShare, type SharedCode } from "../state/share/shareLink.ts";
import { useEditorBar } from "./useEditorBar.ts";

/** Where the read-only copy of the code a link carried is shown: its tab is the folder, a slash and the file. */
export const SHARED_FOLDER = "shared";

/** A link made by Share, and whether it reached the clipboard. */
export interface ShareResult {
  readonly link: string;
  readonly copied: boolean;
}

interface ShareButtonProps {
  readonly fileName: string;
  readonly onShared: (result: ShareResult) => void;
}

export function ShareButton({ fileName, onShared }: ShareButtonProps) {
  const share = async () => {
    const text = editorStore.getState().texts[fileName] ?? "";
    const link = `${window.location.origin}${window.location.pathname}${await encodeShare({ file: fileName, text })}`;
    try {
      await navigator.clipboard.writeText(link);
      onShared({ link, copied: true });
    } catch {
      // The clipboard can be refused (permissions, an insecure origin): the link stays on screen to copy by hand.
      onShared({ link, copied: false });
    }
  };
  return (
    <button type="button" className="tool-button" onClick={() => void share()}>
      Share
    </button>
  );
}

/** The link, under the toolbar and as wide as the editor, selected to copy by hand. */
export function ShareBar({
  result,
  onClose,
}: {
  readonly result: ShareResult;
  readonly onClose: () => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const { barRef, close } = useEditorBar(onClose, inputRef);
  return (
    <div ref={barRef} className="editor-bar share-link" role="status">
      <label>
        {result.copied ? "Link copied. " : "Copy this link: "}
        <input
          ref={inputRef}
          readOnly
          value={result.link}
          onFocus={(event) => event.target.select()}
          aria-label="Share link"
        />
      </label>
      <button type="button" onClick={close}>
        Done
      </button>
    </div>
  );
}

interface SharedBannerProps {
  readonly shared: SharedCode;
  /** The learner's file as it stands, which the shared code replaces (kept for Undo). */
  readonly currentText: () => string;
  readonly onUsed: (replaced: string) => void;
  readonly onDismiss: () => void;
}

export function SharedBanner({ shared, currentText, onUsed, onDismiss }: SharedBannerProps) {
  const use = () => {
    // Write-ahead: the learner's own code is saved before the shared code replaces it.
    saveNow();
    const replaced = currentText();
    replaceFileText(shared.file, shared.text);
    forgetShareInUrl();
    onUsed(replaced);
  };
  return (
    <section className="editor-bar shared-banner" aria-label="Shared code">
      <p>
        This link carries code someone shared. It is open in the read-only{" "}
        <strong>{copyTabName(SHARED_FOLDER, shared.file)}</strong> tab. It has not run, and your own{" "}
        {shared.file} is unchanged.
      </p>
      <button type="button" onClick={use}>
        Use it as my {shared.file}
      </button>
      <button
        type="button"
        onClick={() => {
          forgetShareInUrl();
          onDismiss();
        }}
      >
        Dismiss
      </button>
    </section>
  );
}
