import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { hardenRealm } from "./worker/hardenRealm.ts";

const SAMPLES = "[function () {}, async function () {}, function* () {}, async function* () {}]";

/** A fresh realm (a `vm` context) hardened as the worker hardens its own, and a way to run strict code in it. */
function hardenedRealm(also: (run: (code: string) => unknown) => unknown[] = () => []) {
  const context = vm.createContext({});
  const run = (code: string): unknown => vm.runInContext(`"use strict";\n${code}`, context);
  const global = run("globalThis") as object;
  const frozen = hardenRealm(global, { samples: run(SAMPLES) as never, also: also(run) });
  return { run, frozen };
}

/** What a strict assignment in the realm does: "ok", or the message of what it threw. */
function attempt(run: (code: string) => unknown, code: string): string {
  return run(`try { ${code}; "ok" } catch (error) { String(error.message) }`) as string;
}

describe("hardenRealm", () => {
  it("freezes the built-ins learner code could change the checks' behaviour with", () => {
    const { run, frozen } = hardenedRealm();
    expect(frozen).toBeGreaterThan(500);
    const tampering = [
      "Array.prototype.filter = () => []",
      "Array.prototype.map = () => []",
      "Promise.prototype.then = function () {}",
      "Map.prototype.get = () => undefined",
      "Set.prototype.has = () => false",
      "Object.keys = () => []",
      "JSON.stringify = () => '{}'",
      "Math.max = () => 0",
      "Reflect.ownKeys = () => []",
      "Number.isFinite = () => true",
      "String.prototype.localeCompare = () => 0",
      "Symbol.prototype.toString = () => ''",
      "Uint8Array.prototype.fill = () => 0",
      "Object.getPrototypeOf(Uint8Array).prototype.set = () => 0",
      "Object.getPrototypeOf([][Symbol.iterator]()).next = () => ({ done: true })",
      "Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())).map = () => 0",
      "Object.getPrototypeOf(new Map().entries()).next = () => ({ done: true })",
      "Object.getPrototypeOf(new Set().values()).next = () => ({ done: true })",
      "Object.getPrototypeOf(function* () {}).prototype.next = () => ({ done: true })",
      "Object.getPrototypeOf(Object.getPrototypeOf((async function* () {}).prototype))[Symbol.asyncIterator] = null",
      "Object.getPrototypeOf(async function () {}).call = null",
      "Function.prototype.apply = null",
      "Error.captureStackTrace = null",
      "Error.prepareStackTrace = () => ''",
      "TypeError.prototype.toString = () => ''",
    ];
    for (const code of tampering) expect(attempt(run, code), code).not.toBe("ok");
    expect(run("[3, 1, 2].filter((n) => n > 1).map(String).join()")).toBe("3,2");
  });

  it("makes the global names of the built-ins read-only, so the checks' own `new Map()` finds the real one", () => {
    const { run } = hardenedRealm();
    for (const name of ["Map", "Set", "Array", "Promise", "Object", "JSON", "Error", "Reflect"]) {
      expect(attempt(run, `globalThis.${name} = function Fake() {}`), name).toMatch(/read only|read-only/);
    }
    expect(run("new Map([[1, 2]]).get(1)")).toBe(2);
  });

  it("refuses new properties on the prototypes: no Object.prototype.then to catch every promise resolution", () => {
    const { run } = hardenedRealm();
    expect(attempt(run, "Object.prototype.then = (resolve) => resolve(42)")).toMatch(
      /not extensible|add property/,
    );
    expect(attempt(run, "Object.defineProperty(Array.prototype, '0', { get: () => 1 })")).not.toBe("ok");
    expect(attempt(run, "Object.setPrototypeOf(Array.prototype, null)")).not.toBe("ok");
  });

  it("lets ordinary code override inherited names by assignment (the override mistake, repaired)", () => {
    const { run } = hardenedRealm();
    const results = run(`
      class MyError extends Error {
        constructor(message) {
          super(message);
          this.name = "MyError";
          this.message = "mine: " + message;
        }
      }
      const error = new MyError("boom");
      const plain = {};
      plain.toString = () => "plain";
      plain.valueOf = () => 7;
      class Named { toString() { return "named"; } }
      const typeError = new TypeError("t");
      typeError.name = "Custom";
      [error.name, error.message, String(error), error instanceof Error, Object.hasOwn(error, "name"),
       String(plain), plain + 1, String(new Named()), String(typeError), Error.prototype.name]
    `);
    expect(results).toEqual([
      "MyError",
      "mine: boom",
      "MyError: mine: boom",
      true,
      true,
      "plain",
      8,
      "named",
      "Custom: t",
      "Error",
    ]);
    expect(attempt(run, "Error.prototype.name = 'Changed'")).toMatch(/read only/);
    expect(attempt(run, "Object.prototype.toString = () => 'x'")).toMatch(/read only/);
  });

  it("leaves Error.stackTraceLimit writable, as V8 needs it and the runtime sets it around each capture", () => {
    const { run } = hardenedRealm();
    expect(run("Error.stackTraceLimit = 3; Error.stackTraceLimit")).toBe(3);
    expect(attempt(run, "delete Error.stackTraceLimit")).not.toBe("ok");
    expect(run("typeof new Error('x').stack")).toBe("string");
  });

  it("keeps classes, Maps, Sets, async iteration and generators working", async () => {
    const { run } = hardenedRealm();
    const result = run(`
      (async () => {
        class Queue { #items = []; push(item) { this.#items.push(item); } *[Symbol.iterator]() { yield* this.#items; } }
        const queue = new Queue();
        queue.push(1); queue.push(2);
        const map = new Map([["a", 1]]);
        map.set("b", 2);
        const set = new Set([...queue, ...map.values()]);
        async function* ticks() { yield 1; yield 2; }
        let sum = 0;
        for await (const tick of ticks()) sum += tick;
        const settled = await Promise.allSettled([Promise.resolve(1), Promise.reject(new Error("x"))]);
        return [[...set], sum, settled.map((s) => s.status), JSON.stringify({ a: [1] }), [..."ab"].length];
      })()
    `);
    expect(await result).toEqual([[1, 2], 3, ["fulfilled", "rejected"], '{"a":[1]}', 2]);
  });

  it("freezes what it is also given (the runtime's module), and everything it reaches", () => {
    let api: { Chan: { prototype: object }; nested: object } | undefined;
    hardenedRealm((inRealm) => {
      api = inRealm("({ Chan: class Chan { send() {} }, nested: { x: 1 } })") as typeof api;
      return [api];
    });
    expect([api, api?.Chan, api?.Chan.prototype, api?.nested].map(Object.isFrozen)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });
});
