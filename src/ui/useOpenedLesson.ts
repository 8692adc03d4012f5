/**
 * The files a lesson's workspace opens with, read once per visit (suspending until they are loaded): the
 * starter and references, the learner's saved code in place of the starter, code saved against an earlier
 * starter, and code from a share link in a read-only tab of its own. Autosave runs while the workspace is open.
 */
import { use, useEffect, useState } from "react";
import { type OpenedCode, openLessonCode, startAutosave } from "../state/autosave.ts";
import type { LessonEntry } from "../state/course.ts";
import { copyTab, type LessonFile, lessonFiles } from "../state/lessonContent.ts";
import { notify } from "../state/notices.ts";
import { sharedOnOpen } from "../state/share/sharedOnOpen.ts";
import type { SharedCode } from "../state/share/shareLink.ts";
import { SHARED_FOLDER } from "./Share.tsx";

export interface OpenedLesson {
  /** Every tab: a shared file first when the link carried one. */
  readonly files: readonly LessonFile[];
  /** The lesson's own starter files, for Reset. */
  readonly starterFiles: readonly LessonFile[];
  /** The code a share link carried, if it is for this lesson. */
  readonly shared: SharedCode | undefined;
}

export function useOpenedLesson(lesson: LessonEntry): OpenedLesson {
  const { slug } = lesson.meta;
  const starterFiles = use(lessonFiles(lesson));
  const share = use(sharedOnOpen(window.location.hash));
  const [opened] = useState<OpenedCode & { readonly shared: SharedCode | undefined }>(() => {
    const code = openLessonCode(slug, starterFiles);
    const shared =
      share.kind === "ok" && lesson.meta.files.includes(share.shared.file) ? share.shared : undefined;
    if (!shared) return { ...code, shared };
    const sharedFile = copyTab(SHARED_FOLDER, shared.file, shared.text);
    return { ...code, files: [sharedFile, ...code.files], shared };
  });
  useEffect(() => {
    if (share.kind === "bad") notify({ id: "share-bad", tone: "warning", text: share.message });
    else if (share.kind === "ok" && !opened.shared) {
      notify({
        id: "share-elsewhere",
        tone: "warning",
        text: `This link carries a ${share.shared.file}, which is not a file of this lesson, so it is not shown.`,
      });
    }
  }, [share, opened]);
  useEffect(() => startAutosave(slug, opened), [slug, opened]);
  return { files: opened.files, starterFiles, shared: opened.shared };
}
