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
  private readonly never = nilChan<never>();
  done(): Chan<never> {
    return this.never;
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

class CancelContext implements Context {
  private readonly doneChan = new Chan<never>(0);
  private error: Error | undefined = undefined;
  private readonly children = new Set<CancelContext>();
  timer: Timer | undefined = undefined;

  constructor(
    readonly parent: Context,
    private readonly expiresAt: number | undefined,
  ) {}

  done(): Chan<never> {
    return this.doneChan;
  }
  err(): Error | undefined {
    return this.error;
  }
  deadline(): number | undefined {
    return this.expiresAt ?? this.parent.deadline();
  }
  value(key: unknown): unknown {
    return this.parent.value(key);
  }

  /** Children still registered, for tests of the bookkeeping. */
  get childCount(): number {
    return this.children.size;
  }

  adopt(child: CancelContext): void {
    this.children.add(child);
  }

  disown(child: CancelContext): void {
    this.children.delete(child);
  }

  cancel(reason: Error, removeFromParent: boolean): void {
    if (this.error) return;
    this.error = reason;
    this.doneChan.close();
    for (const child of this.children) child.cancel(reason, false);
    this.children.clear();
    this.timer?.stop();
    this.timer = undefined;
    // Adopted by the nearest cancellable ancestor (through any value contexts), so disowned by it too.
    if (removeFromParent) cancellableAncestor(this.parent)?.disown(this);
  }
}

class ValueContext implements Context {
  constructor(
    readonly parent: Context,
    private readonly key: unknown,
    private readonly stored: unknown,
  ) {}
  done(): Chan<never> {
    return this.parent.done();
  }
  err(): Error | undefined {
    return this.parent.err();
  }
  deadline(): number | undefined {
    return this.parent.deadline();
  }
  value(key: unknown): unknown {
    return key === this.key ? this.stored : this.parent.value(key);
  }
}

const backgroundContext = new BackgroundContext();

/** The root context: never cancelled, no deadline. */
export function background(): Context {
  return backgroundContext;
}

/** Go's context.TODO: the same as background(), for code that has not been given a context yet. */
export const todo = background;

/** The nearest cancellable ancestor, looking through value contexts. */
function cancellableAncestor(context: Context): CancelContext | undefined {
  let current: Context = context;
  while (current instanceof ValueContext) current = current.parent;
  return current instanceof CancelContext ? current : undefined;
}

function derive(parent: Context, expiresAt: number | undefined): [CancelContext, CancelFunc] {
  const child = new CancelContext(parent, expiresAt);
  const ancestor = cancellableAncestor(parent);
  const parentError = parent.err();
  if (parentError) child.cancel(parentError, false);
  else ancestor?.adopt(child);
  return [child, () => child.cancel(Canceled, true)];
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
  const [child, cancel] = derive(parent, at);
  if (!child.err()) {
    if (at <= runtime.now) child.cancel(DeadlineExceeded, true);
    // The deadline's timer is a live handle born where the learner asked for the deadline.
    else
      child.timer = new Timer(runtime, at - runtime.now, captureStack(entry), () =>
        child.cancel(DeadlineExceeded, true),
      );
  }
  return [child, cancel];
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
