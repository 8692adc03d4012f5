/**
 * A learner's Go file as the module the simulation builds a lesson's service from (src/go/services), for every
 * host: the check job and the live run in a worker, `npm run check` in Node. A compile error, or a file without
 * a function or method the simulation calls, is a LearnerCodeError: Go's messages, as `go build` prints them,
 * at the first error's line.
 */
import type { Parser } from "web-tree-sitter";
import { buildErrorLines } from "../go/compileError.ts";
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
  if (!built.ok) {
    const line = built.file === fileName ? built.errors[0]?.line : undefined;
    throw new LearnerCodeError(buildErrorLines(built.errors, built.file).join("\n"), built.file, line);
  }
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

/** Builds a Go service's module: what a host that can compile Go hands the jobs that take Go files. */
export type GoServiceLoader = (service: string, source: string, fileName: string) => LoadModule;
