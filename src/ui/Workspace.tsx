import { lazy, Suspense, useEffect, useState } from "react";
import type { LessonEntry } from "../state/course.ts";
import { editorStore, forgetFiles } from "../state/editorStore.ts";
import { facilitatorStore, solutionsVisible } from "../state/facilitatorStore.ts";
import { useStore } from "../state/useStore.ts";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { ResetConfirm, ResetToStarterButton } from "./ResetToStarter.tsx";
import { ShareBar, ShareButton, SharedBanner, type ShareResult } from "./Share.tsx";
import { AppliedBar, type ShownSolution, SolutionView } from "./SolutionView.tsx";
import { useOpenedLesson } from "./useOpenedLesson.ts";

// Monaco is big: it loads with this chunk, only when a lesson with code is on screen. The run panel (uPlot, the
// run controller) likewise waits for a lesson that has a live run.
const CodeEditor = lazy(() => import("../editor/CodeEditor.tsx"));
const PlainEditor = lazy(() => import("../editor/PlainEditor.tsx"));

/** Below this width Monaco is cramped and touch typing in it is poor: the plain editor is the default. */
const NARROW_SCREEN = "(max-width: 40rem)";
const RunPanel = lazy(() => import("./RunPanel.tsx").then((module) => ({ default: module.RunPanel })));
const CheckPanel = lazy(() => import("./CheckPanel.tsx").then((module) => ({ default: module.CheckPanel })));

/** The lesson's files as tabs over one editor. */
export function Workspace({ lesson }: { readonly lesson: LessonEntry }) {
  const { slug } = lesson.meta;
  const { files, starterFiles, shared } = useOpenedLesson(lesson);
  const [sharedBanner, setSharedBanner] = useState(shared !== undefined);
  // In the presenter view, Show solution waits until the facilitator chooses to show it.
  const showSolutions = useStore(facilitatorStore, solutionsVisible);
  const [plain, setPlain] = useState(() => window.matchMedia(NARROW_SCREEN).matches);
  const [activeName, setActiveName] = useState(files[0]?.name ?? "");
  const hasLiveRun = lesson.meta.liveRun;
  const hasChecks = lesson.meta.checks;
  const editable = lesson.meta.files[0];
  const starter = starterFiles.find((file) => file.name === editable)?.text;
  const openedText = files.find((file) => file.name === editable)?.text;
  // A click in the goroutine dump also brings its file's tab to the front.
  const reveal = useStore(editorStore, (state) => state.reveal);
  useEffect(() => {
    if (reveal && files.some((file) => file.name === reveal.file)) setActiveName(reveal.file);
  }, [reveal, files]);
  const [solution, setSolution] = useState<ShownSolution | undefined>();
  /** The bar under the toolbar, one at a time: Share's link or Reset's question. */
  const [toolBar, setToolBar] = useState<
    { readonly kind: "share"; readonly result: ShareResult } | { readonly kind: "reset" } | undefined
  >();
  const closeToolBar = () => setToolBar(undefined);
  /** What Apply or "use the shared code" replaced, and which it was, while Undo is on offer. */
  const [replaced, setReplaced] = useState<{ readonly text: string; readonly by: string } | undefined>();
  const solutionLoader = editable ? lesson.solutionLoaders[editable] : undefined;
  /** The editable file as the editor holds it, or as the lesson opened it while the editor is still loading. */
  const editableText = () => (editable && editorStore.getState().texts[editable]) ?? openedText ?? "";
  const showSolution = async () => {
    if (!editable || !solutionLoader) return;
    setSolution({ learner: editableText(), solution: await solutionLoader() });
  };
  // Closing the lesson (after autosave, an earlier effect, has written what was pending): its texts and any
  // replace request its editor never carried out are not carried over to its next opening, which starts from
  // what was saved (read-only tabs included: the before and shared tabs hold what this opening found).
  useEffect(() => () => forgetFiles(files.map((file) => file.name)), [files]);
  const editableLanguage = files.find((file) => file.name === editable)?.language ?? "typescript";

  return (
    <section className="workspace" aria-label="Code">
      <div className="file-bar">
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
        <div className="file-tools">
          {solutionLoader && !solution && showSolutions && (
            <button type="button" className="tool-button" onClick={() => void showSolution()}>
              Show solution
            </button>
          )}
          <button type="button" className="tool-button" aria-pressed={plain} onClick={() => setPlain(!plain)}>
            Plain editor
          </button>
          {editable && (
            <ShareButton fileName={editable} onShared={(result) => setToolBar({ kind: "share", result })} />
          )}
          {editable && starter !== undefined && (
            <ResetToStarterButton onAsk={() => setToolBar({ kind: "reset" })} />
          )}
        </div>
      </div>
      {toolBar?.kind === "share" && <ShareBar result={toolBar.result} onClose={closeToolBar} />}
      {toolBar?.kind === "reset" && editable && starter !== undefined && (
        <ResetConfirm fileName={editable} starter={starter} onClose={closeToolBar} />
      )}
      {shared && sharedBanner && (
        <SharedBanner
          shared={shared}
          currentText={editableText}
          onUsed={(text) => {
            setSharedBanner(false);
            setReplaced({ text, by: "The shared code" });
            setActiveName(shared.file);
          }}
          onDismiss={() => setSharedBanner(false)}
        />
      )}
      {editable && replaced !== undefined && (
        <AppliedBar
          fileName={editable}
          what={replaced.by}
          replaced={replaced.text}
          onDone={() => setReplaced(undefined)}
        />
      )}
      {editable && solution && (
        <SolutionView
          modelPrefix={lesson.meta.folder}
          fileName={editable}
          language={editableLanguage}
          shown={solution}
          plain={plain}
          onClose={() => setSolution(undefined)}
          onApplied={(text) => setReplaced({ text, by: "The solution" })}
        />
      )}
      {/* Hidden, not unmounted, while the solution shows: the editor keeps its models, undo history and view. */}
      <div
        id="editor-panel"
        role="tabpanel"
        aria-labelledby={`tab-${activeName}`}
        className="editor-panel"
        hidden={solution !== undefined}
      >
        <ErrorBoundary what="the editor">
          <Suspense fallback={<p className="loading">Loading the editor…</p>}>
            {plain ? (
              <PlainEditor files={files} activeName={activeName} />
            ) : (
              <CodeEditor modelPrefix={lesson.meta.folder} files={files} activeName={activeName} />
            )}
          </Suspense>
        </ErrorBoundary>
      </div>
      {hasLiveRun && editable && openedText !== undefined && (
        <ErrorBoundary what="the run panel">
          <Suspense fallback={<p className="loading">Loading the run panel…</p>}>
            <RunPanel lesson={slug} fileName={editable} openedText={openedText} starterText={starter} />
          </Suspense>
        </ErrorBoundary>
      )}
      {hasChecks && editable && openedText !== undefined && (
        <ErrorBoundary what="the checks">
          <Suspense fallback={<p className="loading">Loading the checks…</p>}>
            <CheckPanel lesson={slug} fileName={editable} openedText={openedText} />
          </Suspense>
        </ErrorBoundary>
      )}
    </section>
  );
}
