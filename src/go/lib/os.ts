/**
 * os.Stdout and os.Stderr for translated code: two *os.File values whose Write puts bytes on the program's
 * standard output or standard error, through a call or through an io.Writer that holds one (slog's default
 * logger writes to os.Stderr, as Go's does).
 */
import type { GoType } from "../types.ts";
import { errorBox, type GoSlice } from "../values.ts";
import { stringOps } from "./strings.ts";

/** An open file: Leak Lab's Go has the two standard streams. */
export class GoFile {
  constructor(readonly write: (text: string) => void) {}
}

/** The program's two output streams. */
export interface Streams {
  write(text: string): void;
  writeStderr(text: string): void;
}

/** (*os.File).Write: every byte written, no error; on a nil *os.File, os.ErrInvalid's error. */
async function fileWrite(file: GoFile | null, p: GoSlice | null): Promise<[number, unknown]> {
  if (file === null) return [0, errorBox("invalid argument")];
  file.write(stringOps.stringOf(p));
  return [p?.length ?? 0, null];
}

export function osOps(streams: Streams) {
  return {
    stdout: new GoFile((text) => streams.write(text)),
    stderr: new GoFile((text) => streams.writeStderr(text)),
    fileWrite,
  };
}

/** The methods of a file held in an interface, or undefined when the value is not one. */
export function fileMethod(
  value: unknown,
  _type: GoType,
  name: string,
): ((...args: unknown[]) => Promise<unknown>) | undefined {
  if (!(value instanceof GoFile) || name !== "Write") return undefined;
  return (p) => fileWrite(value, p as GoSlice | null);
}
