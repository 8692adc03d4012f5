/**
 * Go's `context`: cancellation that flows from parent to children. A context's `done()` channel is closed
 * when it is cancelled, by its cancel function, its deadline or its parent; `err()` then says why. As in Go,
 * a child must be cancelled (call `cancel()`, typically in a `finally`) or it stays registered with its
 * parent, and a deadline's timer stays live until it fires.
 */
import { Chan, nilChan } from "./chan.ts";
import { currentRuntime } from "./runtime.ts";
import { captureStack } from "./stack.ts";
import { Timer } from "./time.ts";

/** `ctx.err()` after `cancel()`: Go's context.Canceled. */
export const Canceled: Error = Object.freeze(new Error("context canceled"));
/** `ctx.err()` after the deadline: Go's context.DeadlineExceeded. */
export const DeadlineExceeded: Error = Object.freeze(new Error("context deadline exceeded"));

export type CancelFunc = () => void;

export interface Context {
  /** A channel closed when the context is cancelled; Background's never is (a nil channel). */
  done(): Chan<never>;
  /** Undefined while live; Canceled or DeadlineExceeded once done. */
  err(): Error | undefined;
  /** The virtual time this context expires at, if it has a deadline. */
  deadline(): number | undefined;
  /** The value stored under `key` here or in an ancestor. */
  value(key: unknown): unknown;
}

class BackgroundContext implements Context {
  readonly #never = nilChan<never>();
  done(): Chan<never> {
    return this.#never;
  }
  err(): undefined {
    return undefined;
  }
  deadline(): undefined {
    return undefined;
  }
  value(): undefined {
    return undefined;
  }
}

// The tree's operations, set in the classes' static blocks: functions of this module, not members learner code
// could reach from a context (`Object.getPrototypeOf(ctx).constructor`) and call with objects of its own.
/** Cancels a context and its children. */
let cancel: (context: CancelContext, reason: Error, removeFromParent: boolean) => void;
/** Gives a context its deadline's timer, stopped when the context is cancelled. */
let setDeadlineTimer: (context: CancelContext, timer: Timer) => void;
/** Registers `child` with `context`, if that is a cancellable context, to be cancelled with it. */
let adopt: (context: Context, child: CancelContext) => void;
/** Whether `context` is a cancellable context made here (a brand check, not `instanceof`, which can be faked). */
let isCancellable: (context: Context) => context is CancelContext;
/** The context a value context wraps, or undefined for any other context. */
let wrappedBy: (context: Context) => Context | undefined;

/**
 * Contexts are handed to learner code, which runs in the same realm as the checks (a check's traffic hands one
 * to every request): the tree, the error and the deadline's timer live in private fields (`#`), so learner code
 * can neither cancel a context it was only given nor unhook its children.
 */
class CancelContext implements Context {
  readonly #parent: Context;
  readonly #expiresAt: number | undefined;
  readonly #doneChan = new Chan<never>(0);
  readonly #children = new Set<CancelContext>();
  #error: Error | undefined = undefined;
  #timer: Timer | undefined = undefined;

  static {
    cancel = (context, reason, removeFromParent) => context.#cancel(reason, removeFromParent);
    setDeadlineTimer = (context, timer) => {
      context.#timer = timer;
    };
    adopt = (context, child) => {
      if (#children in context) context.#children.add(child);
    };
    isCancellable = (context): context is CancelContext => #children in context;
  }

  constructor(parent: Context, expiresAt: number | undefined) {
    this.#parent = parent;
    this.#expiresAt = expiresAt;
  }

  done(): Chan<never> {
    return this.#doneChan;
  }
  err(): Error | undefined {
    return this.#error;
  }
  deadline(): number | undefined {
    return this.#expiresAt ?? this.#parent.deadline();
  }
  value(key: unknown): unknown {
    return this.#parent.value(key);
  }

  /** Children still registered, for tests of the bookkeeping. */
  get childCount(): number {
    return this.#children.size;
  }

  #cancel(reason: Error, removeFromParent: boolean): void {
    if (this.#error) return;
    this.#error = reason;
    this.#doneChan.close();
    for (const child of this.#children) child.#cancel(reason, false);
    this.#children.clear();
    this.#timer?.stop();
    this.#timer = undefined;
    // Adopted by the nearest cancellable ancestor (through any value contexts), so disowned by it too.
    const ancestor = removeFromParent ? cancellableAncestor(this.#parent) : undefined;
    if (ancestor) ancestor.#children.delete(this);
  }
}

class ValueContext implements Context {
  readonly #parent: Context;
  readonly #key: unknown;
  readonly #stored: unknown;

  constructor(parent: Context, key: unknown, stored: unknown) {
    this.#parent = parent;
    this.#key = key;
    this.#stored = stored;
  }

  done(): Chan<never> {
    return this.#parent.done();
  }
  err(): Error | undefined {
    return this.#parent.err();
  }
  deadline(): number | undefined {
    return this.#parent.deadline();
  }
  value(key: unknown): unknown {
    return key === this.#key ? this.#stored : this.#parent.value(key);
  }

  static {
    wrappedBy = (context) => (#parent in context ? context.#parent : undefined);
  }
}

// A singleton every caller of background() shares, learner code and the checks' traffic alike: frozen.
const backgroundContext = Object.freeze(new BackgroundContext());

/** The root context: never cancelled, no deadline. */
export function background(): Context {
  return backgroundContext;
}

/** Go's context.TODO: the same as background(), for code that has not been given a context yet. */
export const todo = background;

/** The nearest cancellable ancestor, looking through value contexts. */
function cancellableAncestor(context: Context): CancelContext | undefined {
  let current = context;
  for (let wrapped = wrappedBy(current); wrapped; wrapped = wrappedBy(current)) current = wrapped;
  return isCancellable(current) ? current : undefined;
}

function derive(parent: Context, expiresAt: number | undefined): [CancelContext, CancelFunc] {
  const child = new CancelContext(parent, expiresAt);
  const ancestor = cancellableAncestor(parent);
  const parentError = parent.err();
  if (parentError) cancel(child, parentError, false);
  else if (ancestor) adopt(ancestor, child);
  return [child, () => cancel(child, Canceled, true)];
}

/** A child of `parent` cancelled by the returned function (or with its parent). */
export function withCancel(parent: Context): [Context, CancelFunc] {
  return derive(parent, undefined);
}

function withExpiry(
  parent: Context,
  at: number,
  entry: (...args: never[]) => unknown,
): [Context, CancelFunc] {
  const runtime = currentRuntime();
  const parentDeadline = parent.deadline();
  if (parentDeadline !== undefined && parentDeadline < at) return withCancel(parent);
  const [child, cancelChild] = derive(parent, at);
  if (!child.err()) {
    if (at <= runtime.now) cancel(child, DeadlineExceeded, true);
    // The deadline's timer is a live handle born where the learner asked for the deadline.
    else
      setDeadlineTimer(
        child,
        new Timer(runtime, at - runtime.now, captureStack(entry), () =>
          cancel(child, DeadlineExceeded, true),
        ),
      );
  }
  return [child, cancelChild];
}

/** A child of `parent` cancelled at virtual time `at`, by the returned function, or with its parent. */
export function withDeadline(parent: Context, at: number): [Context, CancelFunc] {
  return withExpiry(parent, at, withDeadline);
}

/** A child of `parent` cancelled `ms` from now, by the returned function, or with its parent. */
export function withTimeout(parent: Context, ms: number): [Context, CancelFunc] {
  return withExpiry(parent, currentRuntime().now + ms, withTimeout);
}

/** A child of `parent` that carries `value` under `key`. */
export function withValue(parent: Context, key: unknown, value: unknown): Context {
  return new ValueContext(parent, key, value);
}
