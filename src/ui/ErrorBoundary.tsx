import { Component, type ReactNode } from "react";

interface Props {
  /** What failed to load, in the learner's words: "the lesson text", "the editor". */
  readonly what: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | undefined;
}

/** Keeps one broken part (a chunk that failed to load, say) from blanking the whole page. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div role="alert" className="load-error">
          <p>
            Could not load {this.props.what}: {this.state.error.message}
          </p>
          <button type="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
