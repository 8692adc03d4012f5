/**
 * The lesson's solution beside the learner's code, as Monaco's side-by-side diff: read-only on both sides, so
 * looking never changes anything. Models are created for the diff and disposed with it (docs/ARCHITECTURE.md#widgets).
 */
import { useEffect, useRef } from "react";
import { EDITOR_THEME, monaco } from "./monaco.ts";
import { restorePageHoverDelegates } from "./pageHoverDelegates.ts";

interface SolutionDiffProps {
  /** Keeps the diff's model URIs unique and beside the lesson's, e.g. the lesson folder. */
  readonly modelPrefix: string;
  readonly fileName: string;
  readonly learner: string;
  readonly solution: string;
  readonly language: string;
}

export default function SolutionDiff({
  modelPrefix,
  fileName,
  learner,
  solution,
  language,
}: SolutionDiffProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // file:/// URIs like the editor's own models: the TypeScript worker resolves every model it is shown.
    const uri = (side: string) => monaco.Uri.parse(`file:///${modelPrefix}/compare/${side}/${fileName}`);
    const original = monaco.editor.createModel(learner, language, uri("yours"));
    const modified = monaco.editor.createModel(solution, language, uri("solution"));
    const diff = monaco.editor.createDiffEditor(host, {
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      // Side by side even in the workspace's half of the page: the point is to see both versions at once.
      useInlineViewWhenSpaceIsLimited: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      theme: EDITOR_THEME,
    });
    // Its two halves took over the page's hover delegates, which would die with it.
    restorePageHoverDelegates();
    diff.setModel({ original, modified });
    // Each side is a text field to assistive technology; the diff options' labels do not reach them.
    diff.getOriginalEditor().updateOptions({ ariaLabel: "Your code, read-only" });
    diff.getModifiedEditor().updateOptions({ ariaLabel: "The solution, read-only" });
    let computed = false;
    const whenComputed = diff.onDidUpdateDiff(() => {
      computed = true;
    });
    let disposed = false;
    const disposeAll = () => {
      if (disposed) return;
      disposed = true;
      whenComputed.dispose();
      diff.dispose();
      original.dispose();
      modified.dispose();
    };
    return () => {
      if (computed) return disposeAll();
      // Monaco's diff worker throws "no diff result available" (uncaught) when the models go while it is still
      // comparing them, as when Apply is pressed the moment the diff shows: they go once its answer is back.
      diff.onDidUpdateDiff(disposeAll);
    };
  }, [modelPrefix, fileName, learner, solution, language]);
  return <div ref={hostRef} className="solution-diff" data-testid="solution-diff" />;
}
