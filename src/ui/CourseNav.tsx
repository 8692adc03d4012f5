/** Every lesson of the course with its completion state; the current one marked. */
import { course } from "../state/course.ts";
import { progressStore } from "../state/progressStore.ts";
import { routePath } from "../state/route.ts";
import { useStore } from "../state/useStore.ts";
import { Link } from "./Link.tsx";

export function CourseNav({ current }: { readonly current: string }) {
  const lessons = useStore(progressStore, (state) => state.lessons);
  const done = course.filter(({ meta }) => lessons[meta.slug]?.completedAt !== undefined).length;
  return (
    <details className="course-nav">
      <summary>
        All lessons ({done} of {course.length} complete)
      </summary>
      <nav aria-label="Course">
        <ol>
          {course.map(({ meta }) => {
            const completed = lessons[meta.slug]?.completedAt !== undefined;
            return (
              <li key={meta.slug} className={completed ? "completed" : undefined}>
                <Link
                  to={routePath({ page: "lesson", slug: meta.slug })}
                  aria-current={meta.slug === current ? "page" : undefined}
                >
                  {meta.order}. {meta.title}
                </Link>
                <span className="lesson-state">{completed ? " ✓ complete" : ` · ${meta.time} min`}</span>
              </li>
            );
          })}
        </ol>
      </nav>
    </details>
  );
}
