/**
 * Go's context for translated code: the runtime's contexts held in the Context interface, their Deadline, Done,
 * Err and Value as Go's methods, and context.Canceled and DeadlineExceeded as the error values Go code compares with.
 */
import * as context from "../../runtime/context.ts";
import { type GoType, underlying } from "../types.ts";
import { type Boxed, ERROR_STRING, errorBox, errorPanic, GoError, GoPanic } from "../values.ts";

const NANOS_PER_MS = 1e6;

const CONTEXT_TYPE: GoType = {
  kind: "pointer",
  elem: { kind: "named", name: "ctx", pkg: "context", underlying: undefined },
};
const CONTEXT_CANCELED = errorBox("context canceled", ERROR_STRING);
const CONTEXT_DEADLINE_EXCEEDED: Boxed = {
  value: new GoError("context deadline exceeded"),
  type: { kind: "named", name: "deadlineExceededError", pkg: "context", underlying: undefined },
  key: "context.deadlineExceededError",
};

/**
 * What a context's value is stored under for the key `any`: Go finds it by ==, so two boxes of one dynamic
 * type and equal values name the same entry. A value of a basic type or a struct (`type ctxKey struct{}`) is
 * named by its type and contents; a pointer, channel or map by its own object.
 */
function valueKey(key: Boxed | null): unknown {
  if (key === null) return null;
  const value = key.value;
  if (value !== null && typeof value === "object" && underlying(key.type).kind !== "struct") return value;
  return `${key.key}\u0000${JSON.stringify(value)}`;
}

function contextOf(box: Boxed | null): context.Context {
  if (box === null) throw errorPanic("cannot create context from nil parent");
  return box.value as context.Context;
}

/** The methods of a context held in an interface, or undefined when `type` is not a context. */
export function contextMethod(
  value: unknown,
  type: GoType,
  name: string,
): ((...args: unknown[]) => Promise<unknown>) | undefined {
  if (type !== CONTEXT_TYPE) return undefined;
  const ctx = value as context.Context;
  if (name === "Done") {
    return async () => {
      const done = ctx.done();
      // Background's Done is nil in Go.
      return done.isNil ? null : done;
    };
  }
  if (name === "Deadline") {
    return async () => {
      const at = ctx.deadline();
      // No deadline: time.Time's zero value (here, the clock's start) and false.
      return at === undefined ? [0, false] : [at, true];
    };
  }
  if (name === "Value") return async (key) => ctx.value(valueKey(key as Boxed | null)) ?? null;
  if (name === "Err") {
    return async () => {
      const err = ctx.err();
      if (err === undefined) return null;
      return err === context.Canceled ? CONTEXT_CANCELED : CONTEXT_DEADLINE_EXCEEDED;
    };
  }
  return undefined;
}

/** A context of the runtime's, made by a host (a simulated client's request), as Go code holds one. */
export function boxContext(ctx: context.Context): Boxed {
  return { value: ctx, type: CONTEXT_TYPE, key: "*context.cancelCtx" };
}

export const contextOps = {
  contextBackground: (): Boxed => ({
    value: context.background(),
    type: CONTEXT_TYPE,
    key: "context.backgroundCtx",
  }),
  withCancel(parent: Boxed | null): [Boxed, () => Promise<void>] {
    const [child, cancel] = context.withCancel(contextOf(parent));
    return [{ value: child, type: CONTEXT_TYPE, key: "*context.cancelCtx" }, async () => cancel()];
  },
  withTimeout(parent: Boxed | null, duration: number): [Boxed, () => Promise<void>] {
    const [child, cancel] = context.withTimeout(contextOf(parent), duration / NANOS_PER_MS);
    return [{ value: child, type: CONTEXT_TYPE, key: "*context.timerCtx" }, async () => cancel()];
  },
  withDeadline(parent: Boxed | null, at: number): [Boxed, () => Promise<void>] {
    const [child, cancel] = context.withDeadline(contextOf(parent), at);
    return [{ value: child, type: CONTEXT_TYPE, key: "*context.timerCtx" }, async () => cancel()];
  },
  withValue(parent: Boxed | null, key: Boxed | null, value: Boxed | null): Boxed {
    if (key === null) throw new GoPanic(errorBox("nil key"));
    const child = context.withValue(contextOf(parent), valueKey(key), value);
    return { value: child, type: CONTEXT_TYPE, key: "*context.valueCtx" };
  },
  contextCanceled: CONTEXT_CANCELED,
  contextDeadlineExceeded: CONTEXT_DEADLINE_EXCEEDED,
};
