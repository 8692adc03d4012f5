/** The app's notices about the learner's saved work, under the top bar; each can be dismissed. */
import { dismiss, noticeStore } from "../state/notices.ts";
import { useStore } from "../state/useStore.ts";

export function Notices() {
  const notices = useStore(noticeStore, (state) => state.notices);
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label="Notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice ${notice.tone}`}
          role={notice.tone === "warning" ? "alert" : "status"}
        >
          <p>{notice.text}</p>
          <button type="button" onClick={() => dismiss(notice.id)} aria-label="Dismiss this notice">
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
