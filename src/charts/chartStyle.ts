/**
 * The charts' colours, in one place so that a colour means one thing across them: red is the pod's limit and
 * its OOM kills and nothing else, amber the alert, green a restart. Pods and bands take the palette, which
 * leaves those three out of its first five (the replay's pods) and red out altogether.
 */

/** The limit line and OOM kills. */
export const LIMIT_RED = "#b91c1c";
/** The alert line and alert marks. */
export const ALERT_AMBER = "#a16207";
/** Restart marks. */
export const RESTART_GREEN = "#15803d";
/** The live run's memory line (orange, not red: red is the limit it climbs towards). */
export const MEMORY_ORANGE = "#c2410c";
/** A pinned run, and the pod's modelled baseline: reference lines, in grey. */
export const PINNED_COLOR = "#64748b";
export const BASELINE_GREY = "rgba(100, 116, 139, 0.7)";

/** Mid-tone axis text and faint grid lines: legible on the light and the dark theme alike. */
export const AXIS_TEXT = "#64748b";
export const GRID = { stroke: "rgba(100, 116, 139, 0.25)", width: 1 };

/** Blue, purple, teal, fuchsia, indigo first: the replay draws up to five pods beside amber, green and red marks. */
const PALETTE = [
  "#0369a1",
  "#7e22ce",
  "#0f766e",
  "#c026d3",
  "#6366f1",
  "#c2410c",
  "#a16207",
  "#15803d",
  "#be185d",
  "#4d7c0f",
  "#0e7490",
  "#57534e",
];

/** How many leading palette colours keep clear of the event colours: enough for the replay's five pods. */
export const POD_COLORS = 5;

export function colorAt(index: number): string {
  return PALETTE[index % PALETTE.length] ?? "#0369a1";
}

/** Pod n's colour (0-based), never an event's. */
export function podColor(index: number): string {
  return colorAt(index % POD_COLORS);
}
