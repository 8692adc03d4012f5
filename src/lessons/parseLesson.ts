/**
 * Turns one lesson folder (its name, its `lesson.mdx` text and the names of its files) into a LessonMeta, or
 * throws a LessonError naming the file and the problem. Pure: the Node reader and the tests feed it.
 */
import { parse as parseYaml } from "yaml";
import { type LessonMeta, lessonFrontMatterSchema } from "./lessonSchema.ts";

export const LESSON_BODY_FILE = "lesson.mdx";
/** Every lesson has notes for facilitators (timing, what to ask the room, wrong turns, answers). */
export const FACILITATOR_FILE = "facilitator.mdx";
const FOLDER_PATTERN = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const CODE_FILE = /\.(ts|tsx|js|go)$/;
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

export class LessonError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = "LessonError";
  }
}

export interface LessonFolder {
  /** Folder name under `lessons/`, e.g. `04-upload`. */
  readonly folder: string;
  /** Text of `lesson.mdx`, or undefined when the folder has none. */
  readonly body: string | undefined;
  /** Every file name in the folder. */
  readonly fileNames: readonly string[];
}

export function parseLesson({ folder, body, fileNames }: LessonFolder): LessonMeta {
  const where = `lessons/${folder}`;
  const match = FOLDER_PATTERN.exec(folder);
  if (!match) throw new LessonError(where, "folder name must be NN-slug, e.g. 04-upload");
  const [, order, folderSlug] = match;
  if (body === undefined) throw new LessonError(where, `has no ${LESSON_BODY_FILE}`);
  if (!fileNames.includes(FACILITATOR_FILE)) {
    throw new LessonError(where, `has no ${FACILITATOR_FILE} (the notes facilitator mode shows)`);
  }

  const bodyPath = `${where}/${LESSON_BODY_FILE}`;
  const frontMatter = FRONT_MATTER.exec(body);
  if (!frontMatter) throw new LessonError(bodyPath, "must start with front matter between --- lines");
  let data: unknown;
  try {
    data = parseYaml(frontMatter[1] ?? "");
  } catch (error) {
    throw new LessonError(bodyPath, `front matter is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = lessonFrontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".") || "(root)"} ${issue.message}`,
    );
    throw new LessonError(bodyPath, `invalid front matter: ${problems.join("; ")}`);
  }
  const meta = parsed.data;
  if (meta.slug !== folderSlug) {
    throw new LessonError(bodyPath, `slug "${meta.slug}" does not match the folder name "${folder}"`);
  }
  const listed = [...meta.files, ...meta.references];
  for (const file of listed) {
    if (!fileNames.includes(file))
      throw new LessonError(bodyPath, `lists ${file}, which is not in the folder`);
  }
  // A code file nobody lists would never reach the learner: treat it as a mistake, not as decoration.
  const orphan = fileNames.find((name) => CODE_FILE.test(name) && !listed.includes(name));
  if (orphan)
    throw new LessonError(`${where}/${orphan}`, "is not listed in the front matter's files or references");
  return { ...meta, order: Number(order), folder };
}

/**
 * Checks the course as a whole: unique order numbers and slugs, companions that name real files, each replayed
 * service one lesson's; sorted by order.
 */
export function assembleCourse(lessons: readonly LessonMeta[]): LessonMeta[] {
  const sorted = [...lessons].sort((a, b) => a.order - b.order);
  for (let i = 1; i < sorted.length; i++) {
    const [previous, current] = [sorted[i - 1], sorted[i]];
    if (previous && current && previous.order === current.order) {
      throw new LessonError(
        `lessons/${current.folder}`,
        `shares number ${current.order} with ${previous.folder}`,
      );
    }
  }
  const slugs = new Set<string>();
  for (const lesson of sorted) {
    if (slugs.has(lesson.slug))
      throw new LessonError(`lessons/${lesson.folder}`, `duplicate slug ${lesson.slug}`);
    slugs.add(lesson.slug);
  }
  for (const lesson of sorted) checkReferences(lesson, sorted);
  return sorted;
}

/** A lesson's companions are files other lessons list, and no two lessons are the same replayed service. */
function checkReferences(lesson: LessonMeta, course: readonly LessonMeta[]): void {
  const bodyPath = `lessons/${lesson.folder}/${LESSON_BODY_FILE}`;
  for (const companion of lesson.companions) {
    const owner = course.find((candidate) => candidate.slug === companion.lesson);
    const problem = !owner
      ? `there is no lesson ${companion.lesson}`
      : !owner.files.includes(companion.file)
        ? `lesson ${owner.slug} lists no file ${companion.file}`
        : undefined;
    if (problem) throw new LessonError(bodyPath, `companion ${companion.name}: ${problem}`);
  }
  const earlier = course.slice(0, course.indexOf(lesson));
  const twin = lesson.service && earlier.find((other) => other.service === lesson.service);
  if (twin) throw new LessonError(bodyPath, `service ${lesson.service} is already lesson ${twin.slug}'s`);
}
