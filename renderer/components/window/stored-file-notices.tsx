import { useAppStore } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';

/** What main recovered from a damaged file, kept on screen until dismissed (the kept-aside path may matter to support). */
export function StoredFileNotices() {
  const notices = useAppStore((s) => s.notices.list);
  const commands = useCommands('notices');
  if (notices.length === 0) return null;
  return (
    <section className="messages" aria-label="Notices">
      {notices.map((notice) => (
        <div key={notice.id} role="alert" className="message message-error">
          <p className="note-text">{notice.message}</p>
          <button type="button" className="btn btn-quiet" onClick={() => void commands.dismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
