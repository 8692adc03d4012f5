/**
 * Export and import of the learner's progress and code, as one JSON file. Import asks first, keeps a backup of
 * what it replaces, and reloads the page so every part of it reads the imported data.
 */
import { useId, useRef, useState } from "react";
import { saveNow, unwrittenCode } from "../state/autosave.ts";
import { pageStorage } from "../state/persist/browserStorage.ts";
import {
  exportProgress,
  importProgress,
  type ProgressFile,
  parseProgressFile,
} from "../state/persist/progressFile.ts";

function download(file: ProgressFile): void {
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = `leak-lab-progress-${file.exportedAt.slice(0, 10)}.json`;
  anchor.click();
  // The click has started the download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ProgressFileControls() {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<ProgressFile | undefined>();
  const [message, setMessage] = useState<string | undefined>();

  const onFile = async (selected: File | undefined) => {
    setMessage(undefined);
    if (!selected) return;
    const parsed = parseProgressFile(await selected.text());
    if (parsed.ok) setPending(parsed.file);
    else setMessage(parsed.message);
    if (inputRef.current) inputRef.current.value = "";
  };

  const confirmImport = () => {
    if (!pending) return;
    saveNow();
    const result = importProgress(pageStorage(), pending, new Date());
    setPending(undefined);
    if (result.ok) window.location.reload();
    else setMessage(result.message);
  };

  return (
    <div className="progress-file">
      <button
        type="button"
        onClick={() => {
          saveNow();
          download(exportProgress(pageStorage(), new Date(), unwrittenCode()));
        }}
      >
        Export progress
      </button>
      <button type="button" onClick={() => inputRef.current?.click()}>
        Import progress…
      </button>
      {/* The file picker opens from the button above, which is what keyboard and screen reader users reach. */}
      <input
        ref={inputRef}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="import-progress-file"
        onChange={(event) => void onFile(event.target.files?.[0])}
      />
      {pending && (
        <div role="alertdialog" aria-labelledby={`${inputId}-question`} className="import-confirm">
          <span id={`${inputId}-question`}>
            Replace the progress and code saved in this browser with the file's (exported{" "}
            {new Date(pending.exportedAt).toLocaleString()})? A copy of what is here now is kept.
          </span>
          <button type="button" onClick={confirmImport}>
            Import
          </button>
          <button type="button" onClick={() => setPending(undefined)}>
            Cancel
          </button>
        </div>
      )}
      {message && (
        <p role="alert" className="import-error">
          {message}
        </p>
      )}
    </div>
  );
}
