import { course } from "../state/course.ts";
import { progressStore } from "../state/progressStore.ts";
import { routePath } from "../state/route.ts";
import { useStore } from "../state/useStore.ts";
import { Link } from "./Link.tsx";
import { useDocumentTitle } from "./useDocumentTitle.ts";

export function HomePage() {
  useDocumentTitle("");
  const progress = useStore(progressStore, (state) => state.lessons);
  return (
    <div className="home">
      <section className="intro">
        <h1>Leak Lab</h1>
        <p className="lead">
          At 03:42 UTC on 15 January the CloudVault API paged its on-call engineer: memory at 94% and
          climbing. Thirteen minutes later Kubernetes killed the first pod. Goroutines were leaking in three
          services.
        </p>
        <p>
          In this workshop you read the evidence, run the leaky services live on a virtual clock, watch their
          goroutines and memory climb, fix the code, and prove the fix with the same charts and automatic
          checks.
        </p>
      </section>
      <nav aria-labelledby="lessons-heading" className="lesson-list">
        <h2 id="lessons-heading">Lessons</h2>
        <ol>
          {course.map(({ meta }) => (
            <li key={meta.slug}>
              <Link to={routePath({ page: "lesson", slug: meta.slug })}>
                <span className="lesson-number">{String(meta.order).padStart(2, "0")}</span>
                <span className="lesson-title">{meta.title}</span>
              </Link>
              <p className="lesson-summary">{meta.summary}</p>
              <p className="lesson-time">
                About {meta.time} minutes
                {progress[meta.slug]?.completedAt !== undefined && (
                  <strong className="lesson-done"> · ✓ complete</strong>
                )}
              </p>
            </li>
          ))}
        </ol>
      </nav>
    </div>
  );
}
