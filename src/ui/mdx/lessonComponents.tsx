/**
 * The components a lesson's MDX may use without importing anything: `<Quiz>`, `<Timeline>` and the rest are
 * passed to every lesson body. A lesson stays text with a few live pieces in it, and a component's name in the
 * MDX is the whole contract.
 */
import type { ComponentType } from "react";
import { ExhibitPair } from "../evidence/ExhibitPair.tsx";
import { TakeEvidence } from "../evidence/TakeEvidence.tsx";
import { Replay } from "../replay/Replay.tsx";
import { PagerAlert, Timeline } from "./Evidence.tsx";
import { Postmortem } from "./Postmortem.tsx";
import { Quiz } from "./Quiz.tsx";
import { ReportQuestion } from "./ReportQuestion.tsx";

export const lessonComponents: Readonly<Record<string, ComponentType<never>>> = {
  ExhibitPair,
  PagerAlert,
  Postmortem,
  Quiz,
  Replay,
  ReportQuestion,
  TakeEvidence,
  Timeline,
};
