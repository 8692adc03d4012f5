/**
 * A Go service as a host drives it: the library compiled from the learner's file, the host that makes Go values
 * for it, and the package's functions and methods called from JavaScript with a clear error when the file no
 * longer has one the simulation needs.
 */
import { info, error as logError, warn } from "../../runtime/log.ts";
import { currentRuntime } from "../../runtime/runtime.ts";
import type { GoHost } from "../host.ts";
import type { PackageExports } from "../program.ts";
import type { Boxed } from "../values.ts";

export interface GoService {
  readonly host: GoHost;
  /** The service's package's exported functions and variables. */
  readonly exports: PackageExports[string];
  /** Every package of the library, the standard library's included, by import path (`io`). */
  readonly std: PackageExports;
  /** The name the file gives its package, which its types are known by (`storage`). */
  readonly pkg: string;
  /** The learner's file, which error messages name. */
  readonly file: string;
}

/** Go code's way of calling a function or method: arguments in, the result (a tuple as an array) out. */
export type GoCall = (...args: unknown[]) => Promise<unknown>;

/** The file is missing a function or method the simulation calls, or has one of another shape. */
export class ServiceShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ServiceShapeError";
  }
}

/** The package-level function `name` of the service's package. */
export function goFunction(go: GoService, name: string): GoCall {
  const fn = go.exports[name];
  if (typeof fn !== "function")
    throw new ServiceShapeError(
      `${go.file} must declare func ${name}: the simulation calls ${go.pkg}.${name}`,
    );
  return fn as GoCall;
}

/**
 * What a constructor (NewService) makes: the `*typeName` it returns, kept by the host (a root of the heap) and
 * boxed for its methods. The constructor's Go runs now; a class constructor cannot wait for it, so each call
 * does. A panic in it is seen by the first call that waits, not left unhandled until then.
 */
export function construct(go: GoService, made: Promise<unknown>, typeName: string): Promise<Boxed> {
  const service = made.then((value) => {
    go.host.hold(value);
    return pointerTo(go, typeName, value);
  });
  service.catch(() => {});
  return service;
}

/** A `*T` of the service's package that a constructor returned, as the interface value methods are found on. */
export function pointerTo(go: GoService, typeName: string, value: unknown): Boxed {
  return go.host.pointer(go.pkg, typeName, value);
}

/** Checks, before anything runs, that `*typeName` has each method the simulation will call. */
export function requireMethods(go: GoService, typeName: string, names: readonly string[]): void {
  const pointer = pointerTo(go, typeName, null);
  for (const name of names) goMethod(go, pointer, name);
}

/** The method `name` of `receiver`, which the simulation calls. */
export function goMethod(go: GoService, receiver: Boxed, name: string): GoCall {
  const method = go.host.methodOf(receiver, name);
  if (!method)
    throw new ServiceShapeError(
      `${go.file} must declare the method ${name} on ${receiver.key}: the simulation calls it`,
    );
  return method;
}

/** Runs host code that calls Go (a Close that waits) in a goroutine of the host's, left out of leak reports. */
export function hostTask(name: string, body: () => Promise<unknown>): void {
  currentRuntime().go(body, { internal: true, name });
}

/**
 * Calls the method `name` (Close, Stop) of the service, when its Go declares one, in a host goroutine: it may
 * wait for the service's own goroutines to end. A starter without one simply has nothing to call.
 */
export function shutDown(go: GoService, service: Promise<Boxed>, name: string): void {
  hostTask(name, async () => {
    const method = go.host.methodOf(await service, name);
    if (method) await method();
  });
}

/** A `*slog.Logger` whose records go to the run's log, as the TypeScript services' log calls do. */
export function serviceLogger(host: GoHost): unknown {
  return host.logger((level, message, fields) => {
    // slog's levels: Debug -4, Info 0, Warn 4, Error 8. The run's log has no debug level.
    if (level >= 8) logError(message, fields);
    else if (level >= 4) warn(message, fields);
    else if (level >= 0) info(message, fields);
  });
}
