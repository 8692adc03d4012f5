/**
 * A compile error in Go's words at Go's position (1-based line and byte column), as `go build` prints it:
 * `./main.go:7:2: declared and not used: x`.
 */
import type { Node } from "web-tree-sitter";

export class CompileError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
    this.name = "CompileError";
  }

  /** The line `go build` prints for it. */
  format(fileName: string): string {
    return `./${fileName}:${this.line}:${this.column}: ${this.message}`;
  }
}

/** Every compile error of a file, in the order of their positions, as Go lists them. */
export class CompileErrors extends Error {
  readonly errors: readonly CompileError[];

  constructor(errors: readonly CompileError[]) {
    const ordered = [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
    super(ordered.map((e) => `${e.line}:${e.column}: ${e.message}`).join("\n"));
    this.name = "CompileErrors";
    this.errors = ordered;
  }
}

/** Go's compiler stops after this many errors, and says so at the last one's position. */
const MAX_ERRORS = 10;

/** The lines `go build` prints for a file's errors: the first ten, then "too many errors" if there were ten. */
export function buildErrorLines(errors: readonly CompileError[], fileName: string): string[] {
  const shown = errors.slice(0, MAX_ERRORS);
  const lines = shown.map((error) => error.format(fileName));
  const last = shown[MAX_ERRORS - 1];
  if (last) lines.push(new CompileError(last.line, last.column, "too many errors").format(fileName));
  return lines;
}

export function errorAt(node: Node, message: string): CompileError {
  return new CompileError(node.startPosition.row + 1, node.startPosition.column + 1, message);
}

/** Go that Leak Lab does not run (yet): a compile error that says so, never a silent misbehaviour. */
export function outsideSubset(node: Node, what: string): CompileError {
  return errorAt(node, `outside Leak Lab's Go: ${what} (see docs/go-subset.md)`);
}
