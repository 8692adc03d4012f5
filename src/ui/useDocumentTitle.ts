import { useEffect } from "react";

/** Sets the tab title for the page on screen; screen readers announce it on navigation. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title === "" ? "Leak Lab" : `${title} · Leak Lab`;
  }, [title]);
}
