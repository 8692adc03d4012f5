/**
 * The editor for small screens (and for anyone who prefers it): a plain textarea per file, no Monaco. It keeps
 * the same contract as CodeEditor with the rest of the page: the current text of every file goes to the editor
 * store, Reset/Apply replace a file's text, and a dump click puts the cursor on a line.
 */
import { useEffect, useRef } from "react";
import { editorStore, pendingReplace, replaceCarriedOut, setFileText } from "../state/editorStore.ts";
import type { LessonFile } from "../state/lessonContent.ts";
import { useStore } from "../state/useStore.ts";

interface PlainEditorProps {
  readonly files: readonly LessonFile[];
  readonly activeName: string;
}

/** The offset of the start of 1-based `line` in `text`. */
function lineStart(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf("\n", offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}

export default function PlainEditor({ files, activeName }: PlainEditorProps) {
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const texts = useStore(editorStore, (state) => state.texts);
  const file = files.find((candidate) => candidate.name === activeName);

  // The files' texts start as the lesson opened them, unless the store already holds them (a switch from
  // the full editor keeps what was typed there).
  useEffect(() => {
    const known = editorStore.getState().texts;
    for (const each of files) if (known[each.name] === undefined) setFileText(each.name, each.text);
  }, [files]);

  // Reset and Apply: the text is replaced in the store, which is this editor's source of truth. A request made
  // before this editor mounted is carried out now.
  useEffect(() => {
    const carryOut = () => {
      const replace = pendingReplace();
      if (!replace || !files.some((each) => each.name === replace.file)) return;
      replaceCarriedOut(replace.seq);
      setFileText(replace.file, replace.text);
    };
    carryOut();
    return editorStore.subscribe(carryOut);
  }, [files]);

  // A click in the goroutine dump: the cursor on the line's first character.
  useEffect(() => {
    let lastSeq = editorStore.getState().reveal?.seq ?? 0;
    return editorStore.subscribe(() => {
      const reveal = editorStore.getState().reveal;
      const area = areaRef.current;
      if (!reveal || reveal.seq === lastSeq || !area || reveal.file !== activeName) return;
      lastSeq = reveal.seq;
      const at = lineStart(area.value, reveal.line);
      area.focus();
      area.setSelectionRange(at, at);
    });
  }, [activeName]);

  if (!file) return null;
  return (
    <textarea
      ref={areaRef}
      className="plain-editor"
      data-testid="code-editor"
      aria-label="Code editor"
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      readOnly={file.readOnly}
      value={texts[file.name] ?? file.text}
      onChange={(event) => setFileText(file.name, event.target.value)}
    />
  );
}
