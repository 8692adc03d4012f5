/**
 * `npm run go -- FILE.go`: runs a `package main` program on Leak Lab's runtime, on virtual time, printing what
 * `go run` would print and exiting with the program's status. A compile error prints as `go build` prints it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, resolve } from "node:path";
import { buildErrorLines } from "../src/go/compileError.ts";
import { goParser } from "../src/go/grammar.ts";
import { compileGo, type PackageSource, type ProgramResult, runCompiled } from "../src/go/program.ts";

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
  return runGoSource(readFileSync(path, "utf8"), basename(path), modulePackages(dirname(resolve(path))));
}

/**
 * Go source run as the file `fileName` would be; a compile error lists up to ten errors, as `go build` does,
 * under the import path of the package they are in.
 */
export async function runGoSource(
  source: string,
  fileName: string,
  packages?: PackageSource,
): Promise<ProgramResult> {
  const compiled = compileGo(await nodeGoParser(), source, {
    file: fileName,
    ...(packages ? { packages } : {}),
  });
  if (!compiled.ok) {
    const lines = buildErrorLines(compiled.errors, compiled.file);
    const header = compiled.pkg === "main" ? "command-line-arguments" : compiled.pkg;
    return { stdout: "", stderr: `# ${header}\n${lines.join("\n")}\n`, exitCode: 1 };
  }
  return runCompiled(compiled.js);
}

/**
 * The packages of the Go module `dir` is in, as `go build` finds them: an import path under the module's path
 * (go.mod's `module` line) is the folder of that name under the module's root, whose one non-test .go file is
 * the package. Outside a module there are none.
 */
export function modulePackages(dir: string): PackageSource {
  let root = dir;
  while (!existsSync(join(root, "go.mod")) && dirname(root) !== root) root = dirname(root);
  const goMod = join(root, "go.mod");
  const module = existsSync(goMod) ? /^module\s+(\S+)/m.exec(readFileSync(goMod, "utf8"))?.[1] : undefined;
  return (importPath) => {
    if (!module || !importPath.startsWith(`${module}/`)) return undefined;
    const folder = join(root, importPath.slice(module.length + 1));
    if (!existsSync(folder)) return undefined;
    const files = readdirSync(folder).filter((f) => f.endsWith(".go") && !f.endsWith("_test.go"));
    const [file] = files;
    if (files.length !== 1 || !file) return undefined;
    return { file: relative(dir, join(folder, file)), source: readFileSync(join(folder, file), "utf8") };
  };
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
