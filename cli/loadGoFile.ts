/** The Node host's LoadModule for a Go file: the learner's file compiled as the lesson's Go service. */
import { basename } from "node:path";
import { goServiceModule } from "../src/sandbox/goServiceModule.ts";
import type { LoadModule } from "../src/sim/session.ts";
import { nodeGoParser } from "./go.ts";

export async function goServiceFile(service: string, source: string, path: string): Promise<LoadModule> {
  return goServiceModule(await nodeGoParser(), service, source, basename(path));
}
