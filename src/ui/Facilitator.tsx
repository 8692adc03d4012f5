/**
 * Facilitator mode on the page: the switch in the footer, the notes panel on each lesson, and the presenter
 * view's bar (large type for a projector; solutions hidden until the facilitator chooses to show them).
 */
import { Suspense, useEffect, useId } from "react";
import type { LessonEntry } from "../state/course.ts";
import {
  facilitatorStore,
  setFacilitatorMode,
  setPresenting,
  setSolutionsShown,
} from "../state/facilitatorStore.ts";
import { facilitatorNotes } from "../state/lessonContent.ts";
import { useStore } from "../state/useStore.ts";
import { ErrorBoundary } from "./ErrorBoundary.tsx";

export function FacilitatorSwitch() {
  const on = useStore(facilitatorStore, (state) => state.facilitator);
  const id = useId();
  return (
    <label htmlFor={id} className="facilitator-switch">
      <input
        id={id}
        type="checkbox"
        checked={on}
        onChange={(event) => setFacilitatorMode(event.target.checked)}
      />
      Facilitator mode
    </label>
  );
}

/** The lesson's notes for the facilitator, with the way into the presenter view. Not shown while presenting. */
export function FacilitatorNotes({ lesson }: { readonly lesson: LessonEntry }) {
  const { facilitator, presenting } = useStore(facilitatorStore, (state) => state);
  if (!facilitator || presenting) return null;
  const Notes = facilitatorNotes(lesson);
  return (
    <section className="facilitator-notes" aria-labelledby="facilitator-heading">
      <div className="facilitator-head">
        <h2 id="facilitator-heading">Facilitator notes</h2>
        <button type="button" onClick={() => setPresenting(true)}>
          Present this lesson
        </button>
      </div>
      <ErrorBoundary what="the facilitator notes">
        <Suspense fallback={<p className="loading">Loading the notes…</p>}>
          <Notes />
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}

/** The presenter view's controls, and the class that turns the page into it. */
export function PresenterBar() {
  const { presenting, solutionsShown } = useStore(facilitatorStore, (state) => state);
  useEffect(() => {
    document.documentElement.classList.toggle("presenting", presenting);
    return () => document.documentElement.classList.remove("presenting");
  }, [presenting]);
  if (!presenting) return null;
  return (
    <section className="presenter-bar" aria-label="Presenter view">
      <span>Presenter view</span>
      <label>
        <input
          type="checkbox"
          checked={solutionsShown}
          onChange={(event) => setSolutionsShown(event.target.checked)}
        />
        Show solutions and hints
      </label>
      <button type="button" onClick={() => setPresenting(false)}>
        Leave presenter view
      </button>
    </section>
  );
}
