/**
 * The Node host's LoadModule for a Go file: the learner's file compiled as the lesson's Go service
 * (src/go/services), or a LearnerCodeError listing its compile errors as `go build` does, at the first one's line.
 */
import { basename } from "node:path";
import { buildErrorLines } from "../src/go/compileError.ts";
import { ServiceShapeError } from "../src/go/services/goService.ts";
import { compileGoService } from "../src/go/services/index.ts";
import { LearnerCodeError } from "../src/sim/learnerCode.ts";
import type { LoadModule } from "../src/sim/session.ts";
import { nodeGoParser } from "./go.ts";

export async function goServiceModule(service: string, source: string, path: string): Promise<LoadModule> {
  const fileName = basename(path);
  const built = compileGoService(await nodeGoParser(), service, source, fileName);
  if (built.ok) {
    const load = built.load;
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
  const line = built.file === fileName ? built.errors[0]?.line : undefined;
  throw new LearnerCodeError(buildErrorLines(built.errors, built.file).join("\n"), built.file, line);
}
