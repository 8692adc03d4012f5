/**
 * The one schema every lesson's front matter must satisfy (docs/ARCHITECTURE.md#lessons). It is checked at build time by the
 * lessons plugin and in the unit tests, so a malformed lesson fails both instead of vanishing from the list.
 */
import { z } from "zod";

/** A file name inside the lesson folder: no folders, no traversal. */
const fileName = z
  .string()
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)+$/, "must be a plain file name inside the lesson folder");

export const lessonFrontMatterSchema = z
  .object({
    /** Shown in the lesson list and as the page heading. */
    title: z.string().trim().min(1),
    /** The lesson's URL segment and CLI name; must match the folder name after `NN-`. */
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by '-'"),
    /** One sentence for the lesson list. */
    summary: z.string().trim().min(1),
    /** Estimated minutes for a learner working alone. */
    time: z.number().int().positive().max(240),
    /** What the learner can do afterwards. */
    goals: z.array(z.string().trim().min(1)).min(1),
    /** Starter files the learner edits, in tab order (default: none, a reading lesson). */
    files: z.array(fileName).default([]),
    /** Read-only reference files (the Go code the TypeScript mirrors). */
    references: z.array(fileName).default([]),
    /** Hints, revealed one at a time, each a step closer to the fix (text with `code` spans). */
    hints: z.array(z.string().trim().min(1)).max(5).default([]),
  })
  .strict();

export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;

/** What the app and the tools know of a lesson without loading its body. */
export interface LessonMeta extends LessonFrontMatter {
  /** Position in the course, from the folder's `NN-` prefix. */
  readonly order: number;
  /** The folder name under `lessons/`, e.g. `04-upload`. */
  readonly folder: string;
}
