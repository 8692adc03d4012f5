/**
 * What the editor holds, for the rest of the page: the current text of each file (what Run runs, never a
 * saved copy), and requests to the editor: put the cursor on a line (a click in the goroutine dump), replace a
 * file's text (Reset, Apply, Undo, shared code).
 */
import { createStore } from "./createStore.ts";

export interface EditorState {
  readonly texts: Readonly<Record<string, string>>;
  /** The latest request to reveal a line; `seq` makes a repeated click a new request. */
  readonly reveal: { readonly file: string; readonly line: number; readonly seq: number } | undefined;
  /** The latest request to replace a file's whole text (Reset), done as one edit the editor can undo. */
  readonly replace: { readonly file: string; readonly text: string; readonly seq: number } | undefined;
  /**
   * The `seq` of the latest replace request an editor has carried out. A request made while no editor holds
   * the file (the editor's code still loading, or a switch to the plain editor) waits for the one that mounts.
   */
  readonly replaceDone: number;
}

export const editorStore = createStore<EditorState>({
  texts: {},
  reveal: undefined,
  replace: undefined,
  replaceDone: 0,
});

/** The replace request no editor has carried out yet, if any. */
export function pendingReplace(): EditorState["replace"] {
  const { replace, replaceDone } = editorStore.getState();
  return replace && replace.seq > replaceDone ? replace : undefined;
}

/** Called by the editor that carried out a replace request. */
export function replaceCarriedOut(seq: number): void {
  editorStore.setState((state) => ({ replaceDone: Math.max(state.replaceDone, seq) }));
}

export function setFileText(file: string, text: string): void {
  editorStore.setState((state) => ({ texts: { ...state.texts, [file]: text } }));
}

export function revealLine(file: string, line: number): void {
  editorStore.setState((state) => ({ reveal: { file, line, seq: (state.reveal?.seq ?? 0) + 1 } }));
}

export function replaceFileText(file: string, text: string): void {
  editorStore.setState((state) => ({ replace: { file, text, seq: (state.replace?.seq ?? 0) + 1 } }));
}

/**
 * A lesson closing: its files' texts are dropped and any replace request still waiting is dropped with them,
 * so the lesson's next opening starts from what was saved.
 */
export function forgetFiles(names: readonly string[]): void {
  editorStore.setState((state) => ({
    texts: Object.fromEntries(Object.entries(state.texts).filter(([name]) => !names.includes(name))),
    replaceDone: state.replace?.seq ?? 0,
  }));
}
