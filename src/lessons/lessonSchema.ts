/**
 * The one schema every lesson's front matter must satisfy (docs/ARCHITECTURE.md#lessons). It is checked at build time by the
 * lessons plugin and in the unit tests, so a malformed lesson fails both instead of vanishing from the list.
 */
import { z } from "zod";

/** A file name inside the lesson folder: no folders, no traversal. */
const fileName = z
  .string()
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)+$/, "must be a plain file name inside the lesson folder");

/** Lower-case words joined by '-': a slug, or a name the code registers behaviour under. */
const name = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by '-'");

/**
 * A file of another lesson the checks need beside the learner's: lesson 8 runs the learner's leak test
 * against lesson 4's leaky starter and its fixed solution.
 */
const companionSchema = z
  .object({
    /** How the checks ask for it, e.g. `leaky`. */
    name,
    /** The lesson whose file it is, by slug. */
    lesson: name,
    /** Its starter (`lessons`) or its fixed version (`solutions`). */
    from: z.enum(["lessons", "solutions"]),
    file: fileName,
  })
  .strict();

export type CompanionSpec = z.infer<typeof companionSchema>;

export const lessonFrontMatterSchema = z
  .object({
    /** Shown in the lesson list and as the page heading. */
    title: z.string().trim().min(1),
    /** The lesson's URL segment and CLI name; must match the folder name after `NN-`. */
    slug: name,
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
    // What the lesson does with its first file. Each is implemented once, under the lesson's slug or the
    // name given, in a registry (src/checks/registry.ts, src/sim/registry.ts); cli/content.registry.test.ts
    // fails when a lesson declares what no registry implements, or a registry implements what no lesson declares.
    /** "Check my fix" grades the file with the lesson's checks; passing them completes the lesson. */
    checks: z.boolean().default(false),
    /** Run puts the file under the lesson's traffic on a live pod, with charts, logs and dumps. */
    liveRun: z.boolean().default(false),
    /** Other lessons' files the checks run the learner's code with. */
    companions: z.array(companionSchema).default([]),
    /** The cloudvault-api service the file is, in a replay of the incident (its starter leaks as that night). */
    service: name.optional(),
    /** Hints, revealed one at a time, each a step closer to the fix (text with `code` spans). */
    hints: z.array(z.string().trim().min(1)).max(5).default([]),
  })
  .strict()
  .refine((lesson) => lesson.files.length > 0 || !(lesson.checks || lesson.liveRun || lesson.service), {
    message: "must list the file that checks, liveRun or service work on",
    path: ["files"],
  })
  .refine((lesson) => lesson.checks || lesson.companions.length === 0, {
    message: "only a lesson with checks: true has companions (the checks are what use them)",
    path: ["companions"],
  });

export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;

/** What the app and the tools know of a lesson without loading its body. */
export interface LessonMeta extends LessonFrontMatter {
  /** Position in the course, from the folder's `NN-` prefix. */
  readonly order: number;
  /** The folder name under `lessons/`, e.g. `04-upload`. */
  readonly folder: string;
}
