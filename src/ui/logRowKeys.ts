/**
 * React keys for the log panel's rows. A slow run appends a few lines per batch: each row is keyed by its line
 * number, so the rows already shown stay as they are (and the browser's scroll anchoring keeps a line being read
 * in place). A flat-out run brings more lines per batch than the panel shows, so every row is new anyway: then
 * rows are keyed by position and React rewrites their text in place, instead of removing and creating a few
 * hundred rows ten times a second, which made most of the page's long tasks during such a run.
 */

/**
 * Keys for rows showing the line `numbers` (ascending), given the last line number the panel showed before
 * (undefined before the first render).
 */
export function logRowKeys(numbers: readonly number[], lastShownBefore: number | undefined): string[] {
  const first = numbers[0];
  const noneKept = lastShownBefore !== undefined && first !== undefined && first > lastShownBefore;
  return numbers.map((number, index) => (noneKept ? `at-${index}` : `line-${number}`));
}
