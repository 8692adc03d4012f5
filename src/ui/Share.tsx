/**
 * Sharing code by link: a button that puts the learner's current code in a link (in its fragment, never sent
 * to a server), and the banner a shared link opens with. Shared code is shown read-only in its own tab; it
 * never runs by itself and replaces the learner's code only when they ask, undoably.
 */
import { useState } from "react";
import { saveNow } from "../state/autosave.ts";
import { editorStore, replaceFileText } from "../state/editorStore.ts";
import { forgetShareInUrl } from "../state/share/sharedOnOpen.ts";
import { encodeShare, type SharedCode } from "../state/share/shareLink.ts";

export const SHARED_FOLDER = "shared/";

export function ShareButton({ fileName }: { readonly fileName: string }) {
  const [link, setLink] = useState<string | undefined>();
  const [copied, setCopied] = useState(false);
  const share = async () => {
    const text = editorStore.getState().texts[fileName] ?? "";
    const url = `${window.location.origin}${window.location.pathname}${await encodeShare({ file: fileName, text })}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // The clipboard can be refused (permissions, an insecure origin): the link stays on screen to copy by hand.
      setCopied(false);
    }
  };
  return (
    <>
      <button type="button" className="tool-button" onClick={() => void share()}>
        Share
      </button>
      {link && (
        <div className="share-link" role="status">
          <label>
            {copied ? "Link copied. " : "Copy this link: "}
            <input readOnly value={link} onFocus={(event) => event.target.select()} aria-label="Share link" />
          </label>
          <button type="button" className="tool-button" onClick={() => setLink(undefined)}>
            Done
          </button>
        </div>
      )}
    </>
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
    <section className="shared-banner" aria-label="Shared code">
      <p>
        This link carries code someone shared. It is open in the read-only{" "}
        <strong>
          {SHARED_FOLDER}
          {shared.file}
        </strong>{" "}
        tab. It has not run, and your own {shared.file} is unchanged.
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
