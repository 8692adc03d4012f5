/**
 * "Build my Go"'s protocol: the page sends a Go file; the worker parses, checks and translates it, as `go build`
 * would judge it, and answers with its compile errors (none when it builds) and how long each step took. The
 * Go grammar's WebAssembly is fetched the first time a worker builds, not with the page.
 */
import * as z from "zod/mini";
import { errorMessage, figure, heartbeat, jobProtocol, listOf, logText, runId, type Wire } from "./shared.ts";

/** Builds `source` as `fileName` of package main; the worker answers with one `goBuilt` message. */
export interface StartGoBuild {
  readonly type: "goBuild";
  readonly runId: number;
  readonly fileName: string;
  readonly source: string;
}

/** `go build` lists at most ten errors; so does the worker. */
export const MAX_GO_ERRORS = 10;

const goBuilt = z.object({
  type: z.literal("goBuilt"),
  runId,
  /** Each error at its line and column of the file, in Go's words. */
  errors: listOf(z.object({ line: figure, column: figure, message: logText }), MAX_GO_ERRORS),
  /**
   * Milliseconds: readying the toolchain (loading the grammar and warming the compiler up on a program of its
   * own; 0 once a worker has it), then parsing, checking and translating the file.
   */
  toolchainMs: figure,
  buildMs: figure,
});

const goBuildMessage = z.discriminatedUnion("type", [goBuilt, errorMessage, heartbeat]);
/** What a Go build's worker may say. */
export type GoBuildMessage = Wire<typeof goBuildMessage>;

/** A build ends with its result or its error. */
export const goBuildProtocol = jobProtocol(goBuildMessage, ["goBuilt", "error"]);
