/**
 * Monaco, bundled from the `monaco-editor` package (never a CDN) with only what Leak Lab needs: the editor's
 * features, the TypeScript and JavaScript languages, and the editor and TypeScript workers. Importing
 * `monaco-editor` itself would pull in every language and 1.1 MB gzip more.
 */
import "./monacoFeatures.ts";
import "monaco-editor/languages/definitions/javascript/register";
import "monaco-editor/languages/definitions/typescript/register";
import { learnerCompilerOptions, runtimeLibs } from "virtual:runtime-types";
import * as monaco from "monaco-editor/editor/editor.api";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TypeScriptWorker from "monaco-editor/language/typescript/ts.worker?worker";
import { typescriptDefaults } from "monaco-editor/languages/features/typescript/register";

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === "typescript" || label === "javascript" ? new TypeScriptWorker() : new EditorWorker();
  },
};

// Learner code is checked as the grader checks it (tsconfig.learner.json: strict, ES2023, no DOM), against
// the runtime's declarations emitted from its source, so hovers show its JSDoc and type errors show before Run.
typescriptDefaults.setCompilerOptions(learnerCompilerOptions);
typescriptDefaults.setExtraLibs(runtimeLibs.map(({ path, content }) => ({ filePath: path, content })));
typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });

/**
 * The editor's theme: VS Code's dark theme with the colours that miss WCAG AA contrast (4.5:1) raised, comments
 * and the diff's removed and inserted backgrounds. The editor is dark in the light theme too, like the code in
 * the lesson text.
 */
export const EDITOR_THEME = "leak-lab-dark";
monaco.editor.defineTheme(EDITOR_THEME, {
  base: "vs-dark",
  inherit: true,
  rules: [{ token: "comment", foreground: "8FBF7F" }],
  colors: {
    "diffEditor.removedTextBackground": "#4b181880",
    "diffEditor.removedLineBackground": "#2b151580",
    "diffEditor.insertedTextBackground": "#17301780",
    "diffEditor.insertedLineBackground": "#12241280",
  },
});

export { monaco };
