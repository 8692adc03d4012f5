/** The memory model page: src/runtime/MEMORY_MODEL.md, the same text the runtime's maintainers keep. */
import { lazy, Suspense } from "react";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { useDocumentTitle } from "./useDocumentTitle.ts";

const MemoryModel = lazy(() => import("../runtime/MEMORY_MODEL.md"));

export function MemoryModelPage() {
  useDocumentTitle("How Leak Lab counts memory");
  return (
    <article className="lesson-layout lesson-text memory-model">
      <ErrorBoundary what="the memory model">
        <Suspense fallback={<p className="loading">Loading…</p>}>
          <MemoryModel />
        </Suspense>
      </ErrorBoundary>
    </article>
  );
}
