/**
 * The repo's `tsc` entry point, run with this Node. TypeScript 7 is a native compiler with no JS compiler API,
 * so build code that needs the compiler runs it as a process.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export function tscPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
}
