/**
 * Type-checks one learner file the way the editor does, with the project's TypeScript (`tsc`, run as a child
 * process against a throwaway tsconfig that extends tsconfig.learner.json). Returns the errors in that file,
 * as `storage.ts:12:5 - error TS2322: ...` lines; errors elsewhere would be ours and are reported as such.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";

const repoRoot = resolve(import.meta.dirname, "..");

export interface TypeError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): error (TS\d+: .*)$/;

export function typecheckLearnerFile(path: string): TypeError[] {
  const dir = mkdtempSync(join(tmpdir(), "leak-lab-check-"));
  try {
    const config = {
      extends: join(repoRoot, "tsconfig.learner.json"),
      compilerOptions: { paths: { "leak-lab/runtime": [join(repoRoot, "src/runtime/index.ts")] } },
      files: [resolve(path), join(repoRoot, "src/sandbox/learnerGlobals.d.ts")],
    };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(config));
    // typescript's package exports do not include its bin; find it next to package.json.
    const tsc = join(
      dirname(createRequire(import.meta.url).resolve("typescript/package.json")),
      "bin",
      "tsc",
    );
    const result = spawnSync(process.execPath, [tsc, "-p", dir, "--pretty", "false"], { encoding: "utf8" });
    if (result.status === 0) return [];
    const errors: TypeError[] = [];
    for (const line of `${result.stdout}\n${result.stderr}`.split("\n")) {
      const match = DIAGNOSTIC.exec(line.trim());
      if (!match) continue;
      const [, file = "", lineNumber, column, message = ""] = match;
      errors.push({ file: basename(file), line: Number(lineNumber), column: Number(column), message });
    }
    if (errors.length === 0) {
      errors.push({
        file: basename(path),
        line: 1,
        column: 1,
        message: `tsc failed: ${result.stderr || result.stdout}`.trim(),
      });
    }
    return errors;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
