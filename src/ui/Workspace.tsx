import { lazy, Suspense, use, useState } from "react";
import type { LessonEntry } from "../state/course.ts";
import { lessonFiles } from "../state/lessonContent.ts";
import { ErrorBoundary } from "./ErrorBoundary.tsx";

// Monaco is big: it loads with this chunk, only when a lesson with code is on screen.
const CodeEditor = lazy(() => import("../editor/CodeEditor.tsx"));

/** The lesson's files as tabs over one editor. */
export function Workspace({ lesson }: { readonly lesson: LessonEntry }) {
  const files = use(lessonFiles(lesson));
  const [activeName, setActiveName] = useState(files[0]?.name ?? "");
  return (
    <section className="workspace" aria-label="Code">
      <div role="tablist" aria-label="Files" className="file-tabs">
        {files.map((file) => (
          <button
            key={file.name}
            type="button"
            role="tab"
            id={`tab-${file.name}`}
            aria-selected={file.name === activeName}
            aria-controls="editor-panel"
            className="file-tab"
            onClick={() => setActiveName(file.name)}
          >
            {file.name}
            {file.readOnly && <span className="read-only-badge"> read-only</span>}
          </button>
        ))}
      </div>
      <div id="editor-panel" role="tabpanel" aria-labelledby={`tab-${activeName}`} className="editor-panel">
        <ErrorBoundary what="the editor">
          <Suspense fallback={<p className="loading">Loading the editor…</p>}>
            <CodeEditor modelPrefix={lesson.meta.folder} files={files} activeName={activeName} />
          </Suspense>
        </ErrorBoundary>
      </div>
    </section>
  );
}
