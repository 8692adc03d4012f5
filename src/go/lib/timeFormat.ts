/**
 * Time.Format for Leak Lab's virtual clock. A Go program here starts at 2009-11-10 23:00:00 UTC, the moment the
 * Go playground's clock starts at too, so what it prints does not depend on when or where it runs; the zone is
 * always UTC. The layout is Go's reference time, `Mon Jan 2 15:04:05 MST 2006`, read as Go's time package reads
 * it: the longest token at each point, anything else copied.
 */

/** Virtual time 0 as a wall-clock instant, in Unix milliseconds. */
export const EPOCH_MS = Date.UTC(2009, 10, 10, 23, 0, 0);

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Each token of a layout and what it prints of a date; longer tokens first, as Go matches them. */
const TOKENS: readonly [string, (d: Date, nanos: number) => string][] = [
  ["January", (d) => MONTHS[d.getUTCMonth()] as string],
  ["Monday", (d) => DAYS[d.getUTCDay()] as string],
  ["Z07:00", () => "Z"],
  ["-07:00", () => "+00:00"],
  ["Z0700", () => "Z"],
  ["-0700", () => "+0000"],
  ["2006", (d) => pad(d.getUTCFullYear(), 4)],
  ["Jan", (d) => (MONTHS[d.getUTCMonth()] as string).slice(0, 3)],
  ["Mon", (d) => (DAYS[d.getUTCDay()] as string).slice(0, 3)],
  ["MST", () => "UTC"],
  ["_2", (d) => String(d.getUTCDate()).padStart(2, " ")],
  ["01", (d) => pad(d.getUTCMonth() + 1, 2)],
  ["02", (d) => pad(d.getUTCDate(), 2)],
  ["03", (d) => pad(d.getUTCHours() % 12 || 12, 2)],
  ["04", (d) => pad(d.getUTCMinutes(), 2)],
  ["05", (d) => pad(d.getUTCSeconds(), 2)],
  ["06", (d) => pad(d.getUTCFullYear() % 100, 2)],
  ["15", (d) => pad(d.getUTCHours(), 2)],
  ["PM", (d) => (d.getUTCHours() < 12 ? "AM" : "PM")],
  ["pm", (d) => (d.getUTCHours() < 12 ? "am" : "pm")],
  ["1", (d) => String(d.getUTCMonth() + 1)],
  ["2", (d) => String(d.getUTCDate())],
  ["3", (d) => String(d.getUTCHours() % 12 || 12)],
  ["4", (d) => String(d.getUTCMinutes())],
  ["5", (d) => String(d.getUTCSeconds())],
];

/** Jan and Mon are tokens only when no lower-case letter follows ("Janet" is text; January is checked first). */
const WORDS = new Set(["Jan", "Mon"]);

/**
 * A fraction of a second at `i`: `.` or `,` then a run of 0s (that many digits) or 9s (as many, trailing zeros
 * cut, and the separator too when nothing is left), not followed by another digit. Its length, or 0.
 */
function fractionAt(layout: string, i: number): number {
  const separator = layout[i];
  const digit = layout[i + 1];
  if ((separator !== "." && separator !== ",") || (digit !== "0" && digit !== "9")) return 0;
  let end = i + 1;
  while (layout[end] === digit) end++;
  return /[0-9]/.test(layout[end] ?? "") ? 0 : end - i;
}

function formatFraction(separator: string, digits: string, nanos: number): string {
  const shown = pad(nanos, 9).slice(0, digits.length);
  if (digits[0] === "0") return separator + shown;
  const trimmed = shown.replace(/0+$/, "");
  return trimmed === "" ? "" : separator + trimmed;
}

/** `t.Format(layout)` for a time of `virtualMs` milliseconds on the virtual clock. */
export function formatTime(virtualMs: number, layout: string): string {
  const wholeMs = Math.floor(virtualMs);
  const date = new Date(EPOCH_MS + wholeMs);
  const nanos = Math.round((virtualMs - wholeMs) * 1e6) + date.getUTCMilliseconds() * 1e6;
  let out = "";
  for (let i = 0; i < layout.length; ) {
    const fraction = fractionAt(layout, i);
    if (fraction > 0) {
      out += formatFraction(layout[i] as string, layout.slice(i + 1, i + fraction), nanos);
      i += fraction;
      continue;
    }
    const token = TOKENS.find(
      ([t]) => layout.startsWith(t, i) && !(WORDS.has(t) && /[a-z]/.test(layout[i + t.length] ?? "")),
    );
    if (token) {
      out += token[1](date, nanos);
      i += token[0].length;
    } else {
      out += layout[i];
      i++;
    }
  }
  return out;
}
