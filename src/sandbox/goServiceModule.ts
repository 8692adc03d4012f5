/**
 * A learner's Go file as the module the simulation builds a lesson's service from (src/go/services), for every
 * host: the check job and the live run in a worker, `npm run check` in Node. A compile error, or a file without
 * a function or method the simulation calls, is a LearnerCodeError: Go's messages, as `go build` prints them,
 * at the first error's line.
 */
import type { Parser } from "web-tree-sitter";
import { buildErrorLines, type CompileError } from "../go/compileError.ts";
import { ServiceShapeError } from "../go/services/goService.ts";
import { compileGoService, hasGoService } from "../go/services/index.ts";
import { LearnerCodeError } from "../sim/learnerCode.ts";
import type { LoadModule } from "../sim/session.ts";

/** Compiles `source` (the file `fileName`) as the course's Go service `service`, once; each load runs it afresh. */
export function goServiceModule(
  parser: Parser,
  service: string,
  source: string,
  fileName: string,
): LoadModule {
  if (!hasGoService(service))
    throw new LearnerCodeError(`${fileName}: this lesson does not run Go`, fileName);
  const built = compileGoService(parser, service, source, fileName);
  if (!built.ok) throw goCompileError(built.errors, built.file, fileName);
  const { load } = built;
  return async () => {
    try {
      return await load();
    } catch (error) {
      // The file compiles but is not the service the lesson drives: a function or method is missing.
      if (error instanceof ServiceShapeError) throw new LearnerCodeError(error.message, fileName);
      throw error;
    }
  };
}

/**
 * Go's compile errors as the learner's code error: `go build`'s lines, at the first error's line when it is in
 * the learner's file `fileName` (rather than in a package it imports).
 */
export function goCompileError(
  errors: readonly CompileError[],
  file: string,
  fileName: string,
): LearnerCodeError {
  const line = file === fileName ? errors[0]?.line : undefined;
  return new LearnerCodeError(buildErrorLines(errors, file).join("\n"), file, line);
}

/** Builds a Go service's module: what a host that can compile Go hands the jobs that take Go files. */
export type GoServiceLoader = (service: string, source: string, fileName: string) => LoadModule;
