/**
 * The learner's realm inside a worker: what their code may not reach (the network, storage, other workers,
 * messaging) taken away at every level of the global's prototype chain, the virtual clock's timers and a
 * log-bound console put in place, and their transpiled module evaluated with the runtime as its only import.
 * Used by both jobs of a worker: a live run and a check.
 */
import type { ModuleExports } from "../../checks/session.ts";
import * as runtimeModule from "../../runtime/index.ts";
import { learnerGlobals } from "../virtualGlobals.ts";

declare const self: DedicatedWorkerGlobalScope;

/** Globals learner code must not reach: the network, storage, other workers, messaging. */
const FORBIDDEN = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebTransport",
  "EventSource",
  "importScripts",
  "indexedDB",
  "caches",
  "BroadcastChannel",
  "Worker",
  "SharedWorker",
  "RTCPeerConnection",
  "postMessage",
  "close",
] as const;

/** Call before any learner code exists; the worker's own code captures what it needs (postMessage) first. */
export function lockDown(): void {
  // Shadowing on `self` is not enough: the originals live on the prototypes (WorkerGlobalScope and friends),
  // where `Object.getPrototypeOf(self).fetch` would still find them. Take them away at every level.
  for (const name of FORBIDDEN) {
    for (let level: object | null = self; level; level = Object.getPrototypeOf(level)) {
      if (level === self || Object.hasOwn(level, name)) {
        Object.defineProperty(level, name, { value: undefined, configurable: false, writable: false });
      }
    }
  }
  // The same timers and console the Node grader gives learner code (virtualGlobals.ts).
  const { console, ...timers } = learnerGlobals;
  Object.assign(self, timers);
  Object.defineProperty(self, "console", { value: console, configurable: false, writable: false });
}

/** Evaluates the transpiled module with the runtime as its only import; lines stay where the learner wrote them. */
export function evaluate(code: string, fileName: string): ModuleExports {
  const module = { exports: {} as Record<string, unknown> };
  const require = (name: string): unknown => {
    if (name === "leak-lab/runtime") return runtimeModule;
    throw new Error(`cannot import "${name}": only "leak-lab/runtime" is available`);
  };
  // The wrapper opens on the file's first line, so line N of the learner's file is line N here.
  const wrapped = `(function (require, exports, module) {${code}\n})\n//# sourceURL=${fileName}`;
  // Evaluating the learner's code is this worker's whole job; it runs in the worker's global scope (indirect
  // eval), not in this function's.
  // biome-ignore lint/security/noGlobalEval: see above
  const indirectEval = globalThis.eval;
  const factory = indirectEval(wrapped) as (r: typeof require, e: object, m: object) => void;
  factory(require, module.exports, module);
  return module.exports;
}
