/** The course as the app sees it: the generated lesson index, in order. */
import { type LessonEntry, lessons } from "virtual:lessons";

export type { LessonEntry };
export const course: readonly LessonEntry[] = lessons;

export function findLesson(slug: string): LessonEntry | undefined {
  return course.find((lesson) => lesson.meta.slug === slug);
}
