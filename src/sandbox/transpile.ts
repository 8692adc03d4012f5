/**
 * Learner TypeScript to JavaScript that can be evaluated as a function, keeping every line where it was, so a
 * stack frame or a site (`storage.ts:67`) points at the line the learner wrote. Sucrase strips the types and
 * turns `import`/`export` into `require`/`exports`, line for line. DOM-free: the worker and the grader share it.
 */
import { transform } from "sucrase";

export interface SourceError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type TranspileResult =
  | { readonly ok: true; readonly code: string }
  | { readonly ok: false; readonly error: SourceError };

export function transpile(source: string, file: string): TranspileResult {
  try {
    const { code } = transform(source, {
      transforms: ["typescript", "imports"],
      filePath: file,
      production: true,
      disableESTransforms: true,
      // Keeps `import x from` working on our namespace object without a default export shim.
      enableLegacyTypeScriptModuleInterop: false,
    });
    return { ok: true, code };
  } catch (error) {
    const { message, loc } = error as Error & { loc?: { line: number; column: number } };
    // Sucrase says "Error transforming storage.ts: Unexpected token (12:5)"; keep the reason only.
    const reason = message.replace(/^Error transforming [^:]*: /, "").replace(/ \(\d+:\d+\)$/, "");
    return {
      ok: false,
      error: { file, line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1, message: reason },
    };
  }
}
