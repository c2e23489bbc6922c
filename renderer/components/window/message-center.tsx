import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFocusRescue } from '../../hooks/use-focus-rescue';
import { RETRIEVE_KEY } from '../../store/calls-commands';
import { useAppStore, useStoreApi } from '../../store/store-context';
import type { NoteItem } from '../../store/ui-slice';
import { useCommands } from '../../store/use-commands';
import { ErrorBlock } from '../shared/error-block';
import { activeCallsHeading } from '../calls/focus-targets';

/** Failures (alerts, kept until dismissed so a tracking ID can be quoted) and quiet notes. */
export function MessageCenter() {
  const store = useStoreApi();
  const [errors, notes] = useAppStore(useShallow((s) => [s.ui.errors, s.ui.notes] as const));
  const ref = useRef<HTMLDivElement>(null);

  // Dismissing removes the focused button; land on the next message, else back at the calls.
  const shownIds = [...errors.map((e) => e.id), ...notes.map((n) => n.id)].join(',');
  useFocusRescue(ref, shownIds, () => ref.current?.querySelector<HTMLElement>('button') ?? activeCallsHeading());

  return (
    <div className="messages" ref={ref}>
      {errors.map((item) => (
        <ErrorBlock key={item.id} failure={item}>
          <button type="button" className="btn btn-quiet" onClick={() => store.getState().ui.dismissError(item.id)}>
            Dismiss
          </button>
        </ErrorBlock>
      ))}
      {/* Always present so screen readers are listening before the first note arrives. */}
      <div role="status" className="notes">
        {notes.map((note) => (
          <Note key={note.id} note={note} />
        ))}
      </div>
    </div>
  );
}

function Note({ note }: { note: NoteItem }) {
  const store = useStoreApi();
  const calls = useCommands('calls');
  const retrieving = useAppStore((s) => s.ui.pending[RETRIEVE_KEY] === true);
  const ext = note.parkedOn;
  return (
    <div className={`message message-note note-${note.kind}`}>
      <p className="note-text">{note.text}</p>
      {ext !== undefined && (
        <button
          type="button"
          className="btn"
          aria-disabled={retrieving}
          aria-busy={retrieving}
          onClick={() => {
            // Shown outside the form, so every failure goes to the error list.
            if (!retrieving) void calls.retrieve(ext, {});
          }}
        >
          Retrieve from {ext}
        </button>
      )}
      <button type="button" className="btn btn-quiet" onClick={() => store.getState().ui.dismissNote(note.id)}>
        Dismiss
      </button>
    </div>
  );
}
