import { Suspense } from "react";
import { course, findLesson, type LessonEntry } from "../state/course.ts";
import { facilitatorStore, solutionsVisible } from "../state/facilitatorStore.ts";
import { lessonBody } from "../state/lessonContent.ts";
import { routePath } from "../state/route.ts";
import { useStore } from "../state/useStore.ts";
import { CompleteLesson } from "./CompleteLesson.tsx";
import { CourseNav } from "./CourseNav.tsx";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { FacilitatorNotes } from "./Facilitator.tsx";
import { Hints } from "./Hints.tsx";
import { InlineCode } from "./InlineCode.tsx";
import { Link } from "./Link.tsx";
import { lessonComponents } from "./mdx/lessonComponents.tsx";
import { LessonSlugContext } from "./mdx/lessonContext.ts";
import { NotFound } from "./NotFound.tsx";
import { useDocumentTitle } from "./useDocumentTitle.ts";
import { Workspace } from "./Workspace.tsx";

export function LessonPage({ slug }: { readonly slug: string }) {
  const lesson = findLesson(slug);
  return lesson ? <LessonView lesson={lesson} /> : <NotFound what="lesson" />;
}

function LessonView({ lesson }: { readonly lesson: LessonEntry }) {
  const { meta } = lesson;
  useDocumentTitle(meta.title);
  const Body = lessonBody(lesson);
  // In the presenter view, hints wait until the facilitator chooses to show them.
  const showSolutions = useStore(facilitatorStore, solutionsVisible);
  return (
    <div className={meta.files.length > 0 ? "lesson-layout with-workspace" : "lesson-layout"}>
      <article className="lesson-text">
        <CourseNav current={meta.slug} />
        <FacilitatorNotes lesson={lesson} />
        <p className="lesson-kicker">
          Lesson {meta.order} · about {meta.time} minutes
        </p>
        <h1>{meta.title}</h1>
        <section className="goals" aria-labelledby="goals-heading">
          <h2 id="goals-heading">You will</h2>
          <ul>
            {meta.goals.map((goal) => (
              <li key={goal}>
                <InlineCode text={goal} />
              </li>
            ))}
          </ul>
        </section>
        <ErrorBoundary what="the lesson text">
          <Suspense fallback={<p className="loading">Loading the lesson…</p>}>
            <LessonSlugContext value={meta.slug}>
              <Body components={lessonComponents} />
            </LessonSlugContext>
          </Suspense>
        </ErrorBoundary>
        {showSolutions && <Hints lesson={meta.slug} hints={meta.hints} />}
        {!meta.checks && <CompleteLesson slug={meta.slug} />}
        <LessonPager current={lesson} />
      </article>
      {meta.files.length > 0 && (
        <ErrorBoundary what="the lesson's code">
          <Suspense fallback={<p className="loading">Loading the code…</p>}>
            <Workspace lesson={lesson} />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}

function LessonPager({ current }: { readonly current: LessonEntry }) {
  const index = course.indexOf(current);
  const previous = course[index - 1];
  const next = course[index + 1];
  if (!previous && !next) return null;
  return (
    <nav className="pager" aria-label="Lesson pages">
      {previous && (
        <Link to={routePath({ page: "lesson", slug: previous.meta.slug })} rel="prev">
          ← {previous.meta.title}
        </Link>
      )}
      {next && (
        <Link to={routePath({ page: "lesson", slug: next.meta.slug })} rel="next">
          {next.meta.title} →
        </Link>
      )}
    </nav>
  );
}
