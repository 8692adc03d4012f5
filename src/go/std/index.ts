/**
 * The standard library packages Leak Lab's Go has as Go source, compiled with the program as its own packages
 * are: the ones whose Go needs nothing the runtime must do for it (io's interfaces, bytes.Join). Each is the
 * subset of the real package's API the lessons use, with the real package's names, so a program that compiles
 * here compiles with Go.
 */
import { bytes } from "./bytes.ts";
import { goleak } from "./goleak.ts";
import { http } from "./http.ts";
import { io } from "./io.ts";
import { net } from "./net.ts";
import { slog } from "./slog.ts";
import { testing } from "./testing.ts";

export const STD_SOURCES: Readonly<Record<string, string>> = {
  io,
  bytes,
  "log/slog": slog,
  net,
  "net/http": http,
  testing,
  "go.uber.org/goleak": goleak,
};
