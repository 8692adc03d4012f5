/**
 * The bounds both sides keep: the worker cuts what it sends to them, the page refuses what goes beyond. Kept
 * apart from the message schemas so the worker, which only sends, imports these numbers and none of zod.
 */

/** Rows of any one kind in one message (samples, log lines, dump groups, replay samples and events). */
export const MAX_ROWS = 10_000;

/** A sample names at most this many sites; beyond them, one row of OTHER_SITES. */
export const MAX_SITES_PER_SAMPLE = 8;
export const OTHER_SITES = "other sites";

/**
 * A name the runtime reports: a function (cut to MAX_FUNCTION_NAME in src/runtime/stack.ts), a file:line site,
 * a wait's description. The page refuses much longer ones, as it does over-long log text.
 */
export const MAX_NAME = 1000;

/**
 * Learner-made text (a log line, a thrown message) is cut to MAX_LOG_TEXT by the worker (clipText); the page
 * takes this much more, for the worker's own words around it.
 */
export const LOG_TEXT_SLACK = 100;

/** A line of evidence (a goroutine of the dump, a log line of the session), as a page shows it. */
export const MAX_EVIDENCE_TEXT = 2000;
