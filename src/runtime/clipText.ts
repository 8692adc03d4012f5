/**
 * Learner-made text cut to what a page shows: a learner can log, or throw, a megabyte string, and one such
 * string in the log list, an editor marker or a check report stalls the page. Here in the core so the checks
 * can cut what a learner threw before their own words go around it (the line a panic names stays).
 */

/** Characters of learner-made text the worker sends (a log line, a thrown message); the page refuses far more. */
export const MAX_LOG_TEXT = 2000;

/** `text`, or its first `max` characters and how many more there were. */
export function clipText(text: string, max = MAX_LOG_TEXT): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${(text.length - max).toLocaleString("en-US")} more characters)`;
}
