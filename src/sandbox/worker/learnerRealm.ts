/**
 * The learner's realm inside a worker: what their code may not reach (the network, storage, other workers,
 * messaging) taken away at every level of the global's prototype chain, the virtual clock's timers and a
 * log-bound console put in place, the built-ins and the runtime's classes frozen (hardenRealm.ts), and their
 * transpiled module evaluated with the runtime as its only import. Used by every job of a worker: a live run,
 * a check and a replay.
 */

import * as runtimeModule from "../../runtime/index.ts";
import type { ModuleExports } from "../../sim/session.ts";
import { learnerGlobals } from "../virtualGlobals.ts";
import { hardenRealm, samplesOfThisRealm } from "./hardenRealm.ts";

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

// Evaluating the learner's code is this worker's whole job; the one eval it uses is captured here, when the
// module loads, before lockDown() takes every other way from text to code away from the learner.
// biome-ignore lint/security/noGlobalEval: see above
const indirectEval = globalThis.eval;

const NO_CODE_FROM_TEXT =
  "building code from text (eval, new Function) is not available to learner code: the sandbox cannot check it";

function refuseCodeFromText(): never {
  throw new EvalError(NO_CODE_FROM_TEXT);
}

/**
 * Takes away every door from a string to running code: the global eval and Function, and the constructor of
 * each kind of function (`(async () => {}).constructor` is AsyncFunction). Code from text would pass by the
 * transpiler, which turns the learner's import() into the sandbox's require, and fetch with import() itself.
 */
function closeEvalDoors(): void {
  // biome-ignore lint/complexity/useArrowFunction: each kind of function has its own constructor to close
  const kinds = [function () {}, async function () {}, function* () {}, async function* () {}];
  for (const kind of kinds) {
    Object.defineProperty(Object.getPrototypeOf(kind), "constructor", {
      value: refuseCodeFromText,
      configurable: false,
      writable: false,
    });
  }
  for (const name of ["eval", "Function"] as const) {
    Object.defineProperty(self, name, { value: refuseCodeFromText, configurable: false, writable: false });
  }
}

/** Call before any learner code exists; the worker's own code captures what it needs (postMessage) first. */
export function lockDown(): void {
  closeEvalDoors();
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
  // Last, once the worker's own modules have set up what they need: the built-ins and the runtime's classes
  // frozen, so learner code cannot change what the checks (in this same realm) compute with. See hardenRealm.ts.
  hardenRealm(self, { samples: samplesOfThisRealm(), also: [runtimeModule, learnerGlobals] });
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
  // Indirect eval (captured above): the code runs in the worker's global scope, not in this function's.
  const factory = indirectEval(wrapped) as (r: typeof require, e: object, m: object) => void;
  factory(require, module.exports, module);
  return module.exports;
}
