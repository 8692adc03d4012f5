/**
 * The Monaco editor, owned by a ref (docs/ARCHITECTURE.md#widgets): created once on mount, disposed with its models on unmount.
 * Each file has its own model, keyed by URI, and its own view state (cursor, scroll, folds), kept when the
 * learner switches tabs.
 */
import { useCallback, useEffect, useRef } from "react";
import { editorStore, pendingReplace, replaceCarriedOut, setFileText } from "../state/editorStore.ts";
import { facilitatorStore } from "../state/facilitatorStore.ts";
import type { LessonFile } from "../state/lessonContent.ts";
import { runStore } from "../state/runStore.ts";
import { EDITOR_THEME, monaco } from "./monaco.ts";
import { TabFocusHint } from "./TabFocusHint.tsx";

/** Owner of the markers a run puts in the editor (Monaco keeps markers per owner). */
const RUN_MARKERS = "leak-lab-run";

interface CodeEditorProps {
  /** Keeps model URIs unique across lessons, e.g. the lesson folder. */
  readonly modelPrefix: string;
  readonly files: readonly LessonFile[];
  readonly activeName: string;
}

/** 14 px, or 20 in the presenter view. */
function editorFontSize(): number {
  return facilitatorStore.getState().presenting ? 20 : 14;
}

interface FileState {
  readonly file: LessonFile;
  readonly model: monaco.editor.ITextModel;
  viewState: monaco.editor.ICodeEditorViewState | null;
}

export default function CodeEditor({ modelPrefix, files, activeName }: CodeEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const statesRef = useRef(new Map<string, FileState>());
  const shownRef = useRef<string | undefined>(undefined);
  // The tab to show when the editor is (re)created, without re-creating it on every tab switch.
  const activeNameRef = useRef(activeName);
  activeNameRef.current = activeName;

  /** Puts a file's model in the editor, saving the view state of the one it replaces. */
  const show = useCallback((name: string) => {
    const editor = editorRef.current;
    const next = statesRef.current.get(name);
    if (!editor || !next || shownRef.current === name) return;
    const previous = shownRef.current === undefined ? undefined : statesRef.current.get(shownRef.current);
    if (previous) previous.viewState = editor.saveViewState();
    editor.setModel(next.model);
    editor.updateOptions({ readOnly: next.file.readOnly });
    if (next.viewState) editor.restoreViewState(next.viewState);
    shownRef.current = name;
  }, []);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const states = statesRef.current;
    for (const file of files) {
      const uri = monaco.Uri.parse(`file:///${modelPrefix}/${file.name}`);
      // What the store holds wins over the lesson's text: a switch from the plain editor keeps what was typed.
      const text = editorStore.getState().texts[file.name] ?? file.text;
      const model = monaco.editor.createModel(text, file.language, uri);
      states.set(file.name, { file, model, viewState: null });
      setFileText(file.name, text);
      model.onDidChangeContent(() => setFileText(file.name, model.getValue()));
    }
    editorRef.current = monaco.editor.create(host, {
      ariaLabel: "Code editor",
      automaticLayout: true,
      fontSize: editorFontSize(),
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      tabSize: 2,
      theme: EDITOR_THEME,
    });
    show(activeNameRef.current);
    return () => {
      editorRef.current?.dispose();
      editorRef.current = undefined;
      shownRef.current = undefined;
      for (const state of states.values()) state.model.dispose();
      states.clear();
    };
  }, [modelPrefix, files, show]);

  useEffect(() => show(activeName), [activeName, show]);

  // A run's error (syntax, a throw, a panic) is marked at its line in the file that ran, like a compiler's.
  useEffect(() => {
    let marked: monaco.editor.ITextModel | undefined;
    let seen: unknown;
    const mark = () => {
      const { error, fileName } = runStore.getState();
      // The store changes with every batch of samples; the markers only when the error does.
      if (error === seen && marked) return;
      seen = error;
      const model = statesRef.current.get(fileName)?.model;
      if (marked && marked !== model) monaco.editor.setModelMarkers(marked, RUN_MARKERS, []);
      marked = model;
      if (!model) return;
      const line = error?.line;
      const markers =
        error && line !== undefined && line <= model.getLineCount()
          ? [
              {
                severity: monaco.MarkerSeverity.Error,
                message: error.message,
                startLineNumber: line,
                startColumn: model.getLineFirstNonWhitespaceColumn(line) || 1,
                endLineNumber: line,
                endColumn: model.getLineMaxColumn(line),
              },
            ]
          : [];
      monaco.editor.setModelMarkers(model, RUN_MARKERS, markers);
    };
    mark();
    return runStore.subscribe(mark);
  }, []);

  // A click in the goroutine dump: cursor on the line, scrolled into view, highlighted for a moment.
  useEffect(() => {
    let lastSeq = editorStore.getState().reveal?.seq ?? 0;
    return editorStore.subscribe(() => {
      const reveal = editorStore.getState().reveal;
      const editor = editorRef.current;
      if (!reveal || reveal.seq === lastSeq || !editor) return;
      lastSeq = reveal.seq;
      show(reveal.file);
      if (shownRef.current !== reveal.file) return;
      editor.setPosition({ lineNumber: reveal.line, column: 1 });
      editor.revealLineInCenter(reveal.line);
      editor.focus();
      const highlight = editor.createDecorationsCollection([
        {
          range: new monaco.Range(reveal.line, 1, reveal.line, 1),
          options: { isWholeLine: true, className: "revealed-line" },
        },
      ]);
      setTimeout(() => highlight.clear(), 2000);
    });
  }, [show]);

  // The presenter view: type large enough for the back of the room.
  useEffect(() => {
    const apply = () => editorRef.current?.updateOptions({ fontSize: editorFontSize() });
    apply();
    return facilitatorStore.subscribe(apply);
  }, []);

  // Reset: the whole text replaced as one edit, so Ctrl+Z in the editor brings the learner's code back.
  // A request made before this editor mounted is carried out now.
  useEffect(() => {
    const carryOut = () => {
      const replace = pendingReplace();
      const model = replace && statesRef.current.get(replace.file)?.model;
      if (!replace || !model) return;
      replaceCarriedOut(replace.seq);
      if (model.getValue() === replace.text) return;
      model.pushStackElement();
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: replace.text }], () => null);
      model.pushStackElement();
    };
    carryOut();
    return editorStore.subscribe(carryOut);
  }, []);

  return (
    <>
      <div ref={hostRef} className="code-editor" data-testid="code-editor" />
      <TabFocusHint />
    </>
  );
}
