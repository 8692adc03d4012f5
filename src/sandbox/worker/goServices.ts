/**
 * What a check or a run of a Go file needs, loaded before the worker's realm is locked down (no fetch, no
 * import() after that): the toolchain, and the compiler of the lessons' Go services. A chunk of its own.
 */
import { type GoServiceLoader, goServiceModule } from "../goServiceModule.ts";
import { toolchain } from "./goToolchain.ts";

export async function goServiceLoader(): Promise<GoServiceLoader> {
  const parser = await toolchain();
  return (service, source, fileName) => goServiceModule(parser, service, source, fileName);
}
