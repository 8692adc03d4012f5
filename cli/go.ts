/**
 * `npm run go -- FILE.go`: runs a `package main` program on Leak Lab's runtime, on virtual time, printing what
 * `go run` would print and exiting with the program's status. A compile error prints as `go build` prints it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename } from "node:path";
import { goParser } from "../src/go/grammar.ts";
import { compileGo, type ProgramResult, runCompiled } from "../src/go/program.ts";

const require = createRequire(import.meta.url);

/** The grammar's WebAssembly, read from node_modules. */
export async function nodeGoParser() {
  return goParser(async () => ({
    engine: readFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm")),
    go: readFileSync(require.resolve("tree-sitter-go/tree-sitter-go.wasm")),
  }));
}

/** The program's stdout, stderr and exit status, as `go run` would give them. */
export async function runGoFile(path: string): Promise<ProgramResult> {
  return runGoSource(readFileSync(path, "utf8"), basename(path));
}

/** Go source run as the file `fileName` would be; a compile error lists up to ten errors, as `go build` does. */
export async function runGoSource(source: string, fileName: string): Promise<ProgramResult> {
  const compiled = compileGo(await nodeGoParser(), source);
  if (!compiled.ok) {
    const lines = compiled.errors.slice(0, 10).map((e) => e.format(fileName));
    return { stdout: "", stderr: `# command-line-arguments\n${lines.join("\n")}\n`, exitCode: 1 };
  }
  return runCompiled(compiled.js);
}

async function main(): Promise<void> {
  const [path, ...rest] = process.argv.slice(2);
  if (!path || rest.length > 0 || !path.endsWith(".go")) {
    process.stderr.write("usage: npm run go -- FILE.go\n");
    process.exitCode = 2;
    return;
  }
  const result = await runGoFile(path);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  // exitCode, not exit(): output still on its way down a pipe must arrive whole.
  process.exitCode = result.exitCode;
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) await main();
