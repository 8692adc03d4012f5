/**
 * The replay's clock as people read it ("03:15"), apart from the simulation itself, so the page can label
 * charts and events without loading the runtime.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The replay starts at 03:00, where the report's dashboards start (ms since midnight). */
export const REPLAY_START = 3 * HOUR;

/** "03:15" for a clock time in ms since midnight (wrapping past midnight). */
export function formatClock(at: number): string {
  const minutes = Math.floor(at / MINUTE) % (24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Parses "04:10" into ms since midnight. */
export function parseClock(text: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? hours * HOUR + minutes * MINUTE : undefined;
}
