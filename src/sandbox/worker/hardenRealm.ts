/**
 * Freezes a realm's intrinsics, in the spirit of SES's `lockdown()`: learner code shares the worker's realm with
 * the checks that grade it, so the built-ins those checks and the runtime call (array and promise methods, Map
 * and Set, JSON, iterators, errors...) must be ones learner code cannot replace. Every intrinsic reachable from
 * the realm's global names, and from the few it reaches only through syntax (generators, async functions,
 * iterators), is frozen along with everything reachable from it, and each of those global names is made
 * read-only so `globalThis.Map = ...` cannot swap the constructor the checks' own `new Map()` finds.
 *
 * Freezing makes the "override mistake" bite: assigning `this.name = "MyError"` in a subclass of Error, or
 * `obj.toString = ...` on a plain object, throws once the inherited property is read-only. As SES's
 * enablePropertyOverrides does, the common ones become accessors whose setter gives the receiver an own property
 * instead. DOM-free and realm-agnostic (it is handed the realm's global object and sample functions), so Node's
 * `vm` can test it.
 */

/** The language's global names, plus the host objects the worker's own runtime calls (host.ts). */
export const INTRINSIC_GLOBALS: readonly string[] = [
  "Object",
  "Function",
  "Array",
  "Number",
  "parseFloat",
  "parseInt",
  "Boolean",
  "String",
  "Symbol",
  "Date",
  "Promise",
  "RegExp",
  "Error",
  "AggregateError",
  "EvalError",
  "RangeError",
  "ReferenceError",
  "SyntaxError",
  "TypeError",
  "URIError",
  "SuppressedError",
  "JSON",
  "Math",
  "Intl",
  "ArrayBuffer",
  "SharedArrayBuffer",
  "Atomics",
  "DataView",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Int32Array",
  "Uint32Array",
  "Float16Array",
  "Float32Array",
  "Float64Array",
  "BigInt64Array",
  "BigUint64Array",
  "Map",
  "BigInt",
  "Set",
  "WeakMap",
  "WeakSet",
  "WeakRef",
  "FinalizationRegistry",
  "Proxy",
  "Reflect",
  "Iterator",
  "AsyncIterator",
  "DisposableStack",
  "AsyncDisposableStack",
  "decodeURI",
  "decodeURIComponent",
  "encodeURI",
  "encodeURIComponent",
  "escape",
  "unescape",
  "isFinite",
  "isNaN",
  "eval",
  "queueMicrotask",
  "structuredClone",
  // The runtime's host (host.ts) calls these on every turn it gives the event loop and every wall-clock read.
  "performance",
  "MessageChannel",
  "MessagePort",
  "EventTarget",
];

/**
 * Properties learner code may still "assign" on objects inheriting them: for each intrinsic (by how to find it
 * from the global), the inherited names that become accessors. A short list, as SES's moderate one: every
 * accessor costs a call on each read.
 */
const OVERRIDABLE: Readonly<Record<string, readonly PropertyKey[]>> = {
  "Object.prototype": ["toString", "valueOf", "toLocaleString", "constructor"],
  "Function.prototype": ["toString"],
  "Error.prototype": ["name", "message", "toString", "constructor", "cause"],
  "TypeError.prototype": ["name", "message", "constructor"],
  "RangeError.prototype": ["name", "message", "constructor"],
  "SyntaxError.prototype": ["name", "message", "constructor"],
  "ReferenceError.prototype": ["name", "message", "constructor"],
  "EvalError.prototype": ["name", "message", "constructor"],
  "URIError.prototype": ["name", "message", "constructor"],
  "AggregateError.prototype": ["name", "message", "constructor"],
  "Array.prototype": ["toString"],
};

/**
 * Properties that must stay writable data properties: V8 reads `Error.stackTraceLimit` as a data property when
 * it captures a stack (an accessor would turn every stack off), and the runtime sets it around each capture
 * (stack.ts). Learner code may change it too, which only shortens its own errors' stacks: the runtime sets its
 * own limit for each capture.
 */
const STAY_WRITABLE: Readonly<Record<string, readonly PropertyKey[]>> = {
  Error: ["stackTraceLimit"],
};

type AnyFunction = (...args: never[]) => unknown;

function isObjectLike(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}

/** `Error.prototype` of the given global, or undefined. */
function lookUp(global: object, path: string): unknown {
  let value: unknown = global;
  for (const part of path.split(".")) {
    if (!isObjectLike(value)) return undefined;
    const descriptor = Reflect.getOwnPropertyDescriptor(value, part);
    value = descriptor && "value" in descriptor ? descriptor.value : undefined;
  }
  return value;
}

/**
 * Turns `object[key]` into an accessor that reads as before, and whose setter, on any object but `object`
 * itself, defines an own property on the receiver: what assignment would have done had `object` not been frozen.
 */
function enableOverride(object: object, key: PropertyKey): void {
  const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
  if (!descriptor || !("value" in descriptor) || !descriptor.configurable) return;
  const value: unknown = descriptor.value;
  Object.defineProperty(object, key, {
    get: function getOverridable() {
      return value;
    },
    set: function setOverridable(this: unknown, replacement: unknown) {
      if (this === object) throw new TypeError(`Cannot assign to read only property '${String(key)}'`);
      if (!isObjectLike(this)) return;
      if (Object.hasOwn(this, key)) Reflect.set(this, key, replacement);
      else
        Object.defineProperty(this, key, {
          value: replacement,
          writable: true,
          enumerable: true,
          configurable: true,
        });
    },
    enumerable: descriptor.enumerable ?? false,
    configurable: false,
  });
}

/** Objects no global names, reached through syntax or an instance: iterators' and generators' prototypes. */
function hiddenIntrinsics(global: object, samples: readonly AnyFunction[]): unknown[] {
  const g = global as Record<string, unknown>;
  const found: unknown[] = [...samples];
  for (const sample of samples)
    found.push(Object.getPrototypeOf(sample), (sample as { prototype?: unknown }).prototype);
  const tries: (() => unknown)[] = [
    () => new (g.Array as ArrayConstructor)()[Symbol.iterator](),
    () => new (g.Map as MapConstructor)()[Symbol.iterator](),
    () => new (g.Set as SetConstructor)()[Symbol.iterator](),
    () => (g.String as StringConstructor).prototype[Symbol.iterator].call(""),
    () => {
      const RegExpOf = g.RegExp as RegExpConstructor;
      return RegExpOf.prototype[Symbol.matchAll].call(new RegExpOf(".", "g"), "");
    },
    // Iterator helpers (`[].values().map(f)`) and Iterator.from's wrapper have prototypes of their own.
    () =>
      (new (g.Array as ArrayConstructor)().values() as unknown as { map(f: unknown): unknown }).map(String),
    () => (g.Iterator as { from?(iterable: unknown): unknown } | undefined)?.from?.({ next() {} }),
    () => {
      const Segmenter = (g.Intl as { Segmenter?: new () => { segment(text: string): object } } | undefined)
        ?.Segmenter;
      const segments = Segmenter ? new Segmenter().segment("") : undefined;
      return segments ? [segments, (segments as Iterable<unknown>)[Symbol.iterator]()] : undefined;
    },
  ];
  for (const attempt of tries) {
    try {
      found.push(attempt());
    } catch {
      // An engine without that intrinsic: nothing to freeze.
    }
  }
  return found;
}

/** Freezes `root` and everything reachable from it through own properties, accessors and prototypes. */
function hardenAll(
  roots: readonly unknown[],
  keepWritable: ReadonlyMap<object, readonly PropertyKey[]>,
): number {
  const seen = new Set<object>();
  const queue: object[] = [];
  const visit = (value: unknown) => {
    if (isObjectLike(value) && !seen.has(value)) {
      seen.add(value);
      queue.push(value);
    }
  };
  for (const root of roots) visit(root);
  for (let object = queue.pop(); object !== undefined; object = queue.pop()) {
    const keep = keepWritable.get(object);
    if (keep) {
      for (const key of Reflect.ownKeys(object)) {
        const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
        if (!descriptor) continue;
        const writable = "value" in descriptor && !keep.includes(key) ? { writable: false } : {};
        Object.defineProperty(object, key, { ...descriptor, ...writable, configurable: false });
      }
      Object.preventExtensions(object);
    } else {
      try {
        Object.freeze(object);
      } catch (error) {
        // A module namespace cannot be frozen (its bindings are live), but it is not extensible and its
        // properties cannot be assigned or redefined already: only what they hold is walked.
        if (Object.isExtensible(object)) throw error;
      }
    }
    visit(Object.getPrototypeOf(object));
    for (const key of Reflect.ownKeys(object)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
      if (!descriptor) continue;
      if ("value" in descriptor) visit(descriptor.value);
      else {
        visit(descriptor.get);
        visit(descriptor.set);
      }
    }
  }
  return seen.size;
}

export interface HardenOptions {
  /**
   * A plain, an async, a generator and an async generator function made in the realm: the way to its generator
   * and async prototypes, which no global names. Without them those stay as they are.
   */
  readonly samples?: readonly AnyFunction[];
  /** More objects to freeze with everything reachable from them: the runtime's module, say. Default none. */
  readonly also?: readonly unknown[];
}

/**
 * Hardens the realm whose global object is `global`: overridable properties turned into accessors, every
 * intrinsic frozen, and the global names of INTRINSIC_GLOBALS made read-only. Returns how many objects it
 * froze. Call it once, after the realm's own code has set up what it needs and before any learner code runs.
 */
export function hardenRealm(global: object, options: HardenOptions = {}): number {
  for (const [path, keys] of Object.entries(OVERRIDABLE)) {
    const object = lookUp(global, path);
    if (isObjectLike(object)) for (const key of keys) enableOverride(object, key);
  }
  // Every iterator inherits from %IteratorPrototype%, which no global names before Iterator: reached through
  // an array iterator's prototype. Its toString and constructor are overridden by iterator libraries.
  try {
    const arrayIterator = Object.getPrototypeOf(new (lookUp(global, "Array") as ArrayConstructor)().values());
    const iteratorPrototype: unknown = Object.getPrototypeOf(arrayIterator);
    if (isObjectLike(iteratorPrototype)) enableOverride(iteratorPrototype, "toString");
  } catch {
    // No Array in this realm: nothing to enable.
  }

  const keepWritable = new Map<object, readonly PropertyKey[]>();
  for (const [path, keys] of Object.entries(STAY_WRITABLE)) {
    const object = lookUp(global, path);
    if (isObjectLike(object)) keepWritable.set(object, keys);
  }

  const roots: unknown[] = [];
  for (const name of INTRINSIC_GLOBALS) {
    const descriptor = Reflect.getOwnPropertyDescriptor(global, name);
    if (!descriptor) continue;
    if ("value" in descriptor) {
      roots.push(descriptor.value);
      // The whole descriptor, value included: Node's `vm` copies a partial one to its sandbox object as is.
      if (descriptor.configurable || descriptor.writable)
        Object.defineProperty(global, name, { ...descriptor, writable: false, configurable: false });
    } else {
      // A getter on the global (performance, in a worker): what it returns now is what gets frozen.
      roots.push(Reflect.get(global, name));
      if (descriptor.configurable)
        Object.defineProperty(global, name, { ...descriptor, configurable: false });
    }
  }
  roots.push(...hiddenIntrinsics(global, options.samples ?? []), ...(options.also ?? []));
  return hardenAll(roots, keepWritable);
}

/** One function of each kind, made in this module's realm: the samples hardenRealm needs for it. */
export function samplesOfThisRealm(): readonly AnyFunction[] {
  // biome-ignore lint/complexity/useArrowFunction: each kind of function leads to its own prototypes
  return [function () {}, async function () {}, function* () {}, async function* () {}];
}
