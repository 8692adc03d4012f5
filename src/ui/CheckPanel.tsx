/**
 * "Check my fix": the lesson's checks on the code in the editor, each check's result, and what was still alive
 * after the service closed, grouped by the go(...) line that started it (a click takes the editor there).
 * Passing every check marks the lesson complete.
 */
import { useEffect } from "react";
import { checkSummary } from "../checks/checkSummary.ts";
import type { CheckReport } from "../checks/report.ts";
import { cancelCheck, checkFix } from "../jobs/checkController.ts";
import type { CompanionSource } from "../sandbox/protocol/check.ts";
import { checkStore } from "../state/checkStore.ts";
import { findLesson } from "../state/course.ts";
import { editorStore, revealLine } from "../state/editorStore.ts";
import { progressStore } from "../state/progressStore.ts";
import { useStore } from "../state/useStore.ts";
import "./checkPanel.css";

interface CheckPanelProps {
  readonly lesson: string;
  readonly fileName: string;
  readonly openedText: string;
}

export function CheckPanel({ lesson, fileName, openedText }: CheckPanelProps) {
  const check = useStore(checkStore, (state) => state);
  const completed = useStore(progressStore, (state) => state.lessons[lesson]?.completedAt !== undefined);
  const mine = check.lesson === lesson;
  useEffect(() => cancelCheck, []);

  const run = async () => {
    const source = editorStore.getState().texts[fileName] ?? openedText;
    checkFix({ lesson, fileName, source, companions: await companionSources(lesson) });
  };

  return (
    <section className="check-panel" aria-labelledby="check-heading">
      <div className="panel-head">
        <h3 id="check-heading">Check my fix</h3>
        {completed && <span className="lesson-complete">✓ Lesson complete</span>}
        <button
          type="button"
          className="primary"
          onClick={() => void run()}
          disabled={mine && check.status === "checking"}
        >
          {mine && check.status === "checking" ? "Checking…" : "Check my fix"}
        </button>
      </div>
      <div aria-live="polite">
        {!mine || check.status === "idle" ? (
          <p className="hint">
            Runs the lesson's checks on the code in the editor: the service must still work, and nothing it
            starts may outlive it.
          </p>
        ) : check.status === "checking" ? (
          <p className="hint">Running the checks on your code…</p>
        ) : check.failure ? (
          <p role="alert" className="check-failure">
            {check.failure}
          </p>
        ) : check.report ? (
          <CheckResults report={check.report} fileName={fileName} />
        ) : null}
      </div>
    </section>
  );
}

/**
 * The other lessons' files this lesson's checks need (lesson 8's test runs against lesson 4's), as its front
 * matter names them, from the course.
 */
async function companionSources(lesson: string): Promise<CompanionSource[]> {
  return Promise.all(
    (findLesson(lesson)?.meta.companions ?? []).map(async (spec) => {
      const owner = findLesson(spec.lesson);
      const loader =
        spec.from === "lessons" ? owner?.fileLoaders[spec.file] : owner?.solutionLoaders[spec.file];
      if (!loader) throw new Error(`the course has no ${spec.from}/${spec.lesson}/${spec.file}`);
      return { name: spec.name, fileName: spec.file, source: await loader() };
    }),
  );
}

function CheckResults({ report, fileName }: { readonly report: CheckReport; readonly fileName: string }) {
  if (report.status === "error" && report.error) {
    const { error } = report;
    return (
      <div role="alert" className="check-failure">
        <p>Your code could not run: {error.message}</p>
        {error.line !== undefined && (
          <button type="button" onClick={() => revealLine(error.file ?? fileName, error.line ?? 1)}>
            Go to line {error.line}
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="check-results">
      <p className={report.status === "pass" ? "check-summary pass" : "check-summary fail"}>
        {checkSummary(report)}
      </p>
      <ul className="check-list">
        {report.tests.map((test) => (
          <li key={test.name} className={test.status}>
            <span aria-hidden="true">{test.status === "pass" ? "✓" : "✗"}</span>
            <span className="visually-hidden">{test.status === "pass" ? "passed:" : "failed:"}</span>{" "}
            <strong>{test.name}</strong> — {test.message}
            {test.detail ? (
              // Closed by default: the line says what happened; the report with its stacks is for who wants it.
              <details className="check-detail">
                <summary>The whole report</summary>
                <pre>{test.detail}</pre>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      {report.leaks.length > 0 && (
        <>
          <p>Still alive after the service was closed:</p>
          <ul className="leak-list">
            {report.leaks.map((leak) => {
              const line = Number(leak.site.slice(leak.site.lastIndexOf(":") + 1));
              const inFile = leak.site.startsWith(`${fileName}:`);
              const text = `${leak.count} × [${leak.state}] created by ${leak.function} at ${leak.site}`;
              return (
                <li key={`${leak.site}|${leak.state}`}>
                  {inFile ? (
                    <button type="button" className="link-button" onClick={() => revealLine(fileName, line)}>
                      {text}
                    </button>
                  ) : (
                    text
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
