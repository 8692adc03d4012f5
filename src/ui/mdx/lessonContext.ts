/** Which lesson an MDX component is on, so a question can save its answer with that lesson's progress. */
import { createContext, useContext } from "react";

export const LessonSlugContext = createContext<string>("");

export function useLessonSlug(): string {
  return useContext(LessonSlugContext);
}
