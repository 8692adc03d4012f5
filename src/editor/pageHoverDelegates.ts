/**
 * A workaround for a Monaco bug (microsoft/monaco-editor#4612, open in 0.57). Every standalone code editor,
 * the two halves of a diff editor included, points the page-wide factory of hover delegates at its own
 * instantiation service. The solution's diff editor is made after the learner's editor and disposed with its
 * services when it closes, so from then on the next widget that asks the factory for a hover delegate (the
 * suggestion list the first time it opens, a hover's actions) throws "InstantiationService has been
 * disposed". When that first request comes while the learner's editor is being disposed, on the way to the
 * next lesson, the throw leaves the page blank.
 *
 * The factory is pointed back at the page's own services, which live as long as the page, as the learner's
 * editor had set it. Remove this once Monaco's factory no longer outlives the editor that set it.
 */
import { setHoverDelegateFactory } from "monaco-editor/base/browser/ui/hover/hoverDelegateFactory";
import { StandaloneServices } from "monaco-editor/editor/standalone/browser/standaloneServices";
import { WorkbenchHoverDelegate } from "monaco-editor/platform/hover/browser/hover";
import { IInstantiationService } from "monaco-editor/platform/instantiation/common/instantiation";

/** Call after creating a diff editor: hover delegates come from the page's services again. */
export function restorePageHoverDelegates(): void {
  const pageServices = StandaloneServices.get(IInstantiationService);
  setHoverDelegateFactory((placement, instantHover) =>
    pageServices.createInstance(WorkbenchHoverDelegate, placement, { instantHover }, {}),
  );
}
