/**
 * What a bar under the editor's toolbar (a share link, Reset's question) does with the keyboard: it takes the
 * focus when it opens, Escape closes it, and closing gives the focus back to the button that opened it, as a
 * dialog would. Escape is marked handled (preventDefault), so the run panel, which stops a run on an Escape
 * nobody used, leaves the run alone: the same contract as Monaco's find widget.
 */
import { type RefObject, useCallback, useEffect, useRef } from "react";

export interface EditorBar {
  /** Put on the bar's outer element. */
  readonly barRef: RefObject<HTMLDivElement | null>;
  /** Closes the bar and returns the focus. */
  readonly close: () => void;
}

export function useEditorBar(onClose: () => void, initialFocus: RefObject<HTMLElement | null>): EditorBar {
  const barRef = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  const close = useCallback(() => {
    const back = opener.current;
    onCloseRef.current();
    requestAnimationFrame(() => {
      if (back?.isConnected) back.focus();
    });
  }, []);

  useEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    // Mounting twice (React's strict mode) must not take the bar's own field for the opener.
    const active = document.activeElement;
    if (active instanceof HTMLElement && !bar.contains(active)) opener.current = active;
    initialFocus.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      event.preventDefault();
      close();
    };
    bar.addEventListener("keydown", onKey);
    return () => bar.removeEventListener("keydown", onKey);
  }, [close, initialFocus]);

  return { barRef, close };
}
