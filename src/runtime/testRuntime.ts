/** Shared set-up for the runtime's unit tests: a fresh runtime (seed 1 unless given) made the active one. */
import { activate, Runtime, type RuntimeOptions } from "./runtime.ts";

export function startRuntime(options?: RuntimeOptions): Runtime {
  const rt = new Runtime({ seed: 1, ...options });
  activate(rt);
  return rt;
}
