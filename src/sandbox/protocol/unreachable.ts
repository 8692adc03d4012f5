/** Exhaustiveness check for switches over the protocol's unions: a new message kind fails to compile. */
export function unreachable(value: never): never {
  throw new Error(`unexpected message ${JSON.stringify(value)}`);
}
