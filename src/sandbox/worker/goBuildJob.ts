/**
 * A Go build in the worker (protocol/goBuild.ts): the grammar's WebAssembly comes from the app's own origin,
 * fetched on the first build (this module is its own chunk, loaded only for a build), then the file is parsed,
 * checked and translated as `npm run go` does, and its errors go back at their lines.
 */

import goUrl from "tree-sitter-go/tree-sitter-go.wasm?url";
import type { Parser } from "web-tree-sitter";
import engineUrl from "web-tree-sitter/web-tree-sitter.wasm?url";
import { goParser } from "../../go/grammar.ts";
import { compileGo } from "../../go/program.ts";
import { WARM_UP_SOURCE } from "../../go/warmUp.ts";
import { clipText } from "../../runtime/clipText.ts";
import type { GoBuildMessage, StartGoBuild } from "../protocol/goBuild.ts";
import { MAX_GO_ERRORS } from "../protocol/goBuild.ts";

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

let ready: Promise<Parser> | undefined;

/** The grammar, loaded once, and the compiler run once on a program of its own (go/warmUp.ts). */
function toolchain(): Promise<Parser> {
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

export async function runGoBuildJob(
  job: StartGoBuild,
  send: (message: GoBuildMessage) => void,
): Promise<void> {
  let start = performance.now();
  const parser = await toolchain();
  const toolchainMs = performance.now() - start;
  start = performance.now();
  const built = compileGo(parser, job.source, { file: job.fileName });
  const buildMs = performance.now() - start;
  const errors = built.ok
    ? []
    : built.errors
        .slice(0, MAX_GO_ERRORS)
        // An error in a package the file imports is at that file's line: the message names it.
        .map((e) => ({
          line: e.line,
          column: e.column,
          message: clipText(built.file === job.fileName ? e.message : `${built.file}: ${e.message}`),
        }));
  send({ type: "goBuilt", runId: job.runId, errors, toolchainMs, buildMs });
}
