/**
 * Monaco, bundled from the `monaco-editor` package (never a CDN) with only what Leak Lab needs: the editor's
 * features, the TypeScript and JavaScript languages, and the editor and TypeScript workers. Importing
 * `monaco-editor` itself would pull in every language and 1.1 MB gzip more.
 */
import "./monacoFeatures.ts";
import "monaco-editor/languages/definitions/javascript/register";
import "monaco-editor/languages/definitions/typescript/register";
import * as monaco from "monaco-editor/editor/editor.api";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TypeScriptWorker from "monaco-editor/language/typescript/ts.worker?worker";
import { typescriptDefaults } from "monaco-editor/languages/features/typescript/register";

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === "typescript" || label === "javascript" ? new TypeScriptWorker() : new EditorWorker();
  },
};

typescriptDefaults.setCompilerOptions({
  target: 99, // ESNext
  module: 99, // ESNext
  strict: true,
  noEmit: true,
});
// Syntax errors show while typing. Type errors wait until the runtime's types are given to the TypeScript
// worker; until then every `leak-lab/runtime` import would be marked as an error.
typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false });

export { monaco };
