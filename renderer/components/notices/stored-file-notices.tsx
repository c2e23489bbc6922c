import { useAppStore, useStoreApi } from '../../store/store-context';

/** What main recovered from a damaged file, kept on screen until dismissed (the kept-aside path may matter to support). */
export function StoredFileNotices() {
  const store = useStoreApi();
  const notices = useAppStore((s) => s.notices.list);
  if (notices.length === 0) return null;
  return (
    <section className="messages" aria-label="Notices">
      {notices.map((notice) => (
        <div key={notice.id} role="alert" className="message message-error">
          <p className="note-text">{notice.message}</p>
          <button
            type="button"
            className="btn btn-quiet"
            onClick={() => void store.getState().app.act(`notice:${notice.id}`, "Couldn't dismiss the notice", (api) => api.notices.dismiss({ id: notice.id }))}
          >
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
