/**
 * A Go build in the worker (protocol/goBuild.ts): the toolchain readied on the first build (goToolchain.ts;
 * this module is its own chunk, loaded only for a build), then the file is parsed, checked and translated as
 * `npm run go` does, and its errors go back at their lines.
 */
import { compileGo } from "../../go/program.ts";
import { clipText } from "../../runtime/clipText.ts";
import type { GoBuildMessage, StartGoBuild } from "../protocol/goBuild.ts";
import { MAX_GO_ERRORS } from "../protocol/goBuild.ts";
import { toolchain } from "./goToolchain.ts";

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
