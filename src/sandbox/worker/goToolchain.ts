/**
 * The Go toolchain in a worker: the grammar's WebAssembly from the app's own origin, fetched once, and the
 * compiler run once on a program of its own (go/warmUp.ts), for the Go build, check and run jobs. Its module is
 * a chunk of its own, loaded only when a job needs Go.
 */
import goUrl from "tree-sitter-go/tree-sitter-go.wasm?url";
import type { Parser } from "web-tree-sitter";
import engineUrl from "web-tree-sitter/web-tree-sitter.wasm?url";
import { goParser } from "../../go/grammar.ts";
import { compileGo } from "../../go/program.ts";
import { WARM_UP_SOURCE } from "../../go/warmUp.ts";

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

let ready: Promise<Parser> | undefined;

/** The grammar, loaded once, and the compiler run once on a program of its own (go/warmUp.ts). */
export function toolchain(): Promise<Parser> {
  ready ??= goParser(async () => {
    const [engine, go] = await Promise.all([fetchBytes(engineUrl), fetchBytes(goUrl)]);
    return { engine, go };
  }).then(
    (parser) => {
      compileGo(parser, WARM_UP_SOURCE, { file: "warmup.go" });
      return parser;
    },
    (error: unknown) => {
      // A failed load (a fetch that failed) is not kept: the next build tries again.
      ready = undefined;
      throw error;
    },
  );
  return ready;
}
