import { useRef } from 'react';
import type { MeetingParticipant } from '../../../preload/contract';
import { meetingsCommandsFor } from '../../store/meetings-commands';
import { useStoreApi } from '../../store/store-context';
import { Modal } from '../modal';

/** Expelling cannot be undone from here, so it asks first; Cancel has the focus. */
export function ExpelDialog({ participant, onClose }: { participant: MeetingParticipant; onClose(): void }) {
  const store = useStoreApi();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal title={`Expel ${participant.displayName}?`} onClose={onClose} initialFocus={cancelRef}>
      <p>They leave the meeting at once. To come back they have to join again, and may land in the lobby.</p>
      <div className="modal-actions">
        <button ref={cancelRef} type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => {
            onClose();
            void meetingsCommandsFor(store).expel(participant);
          }}
        >
          Expel
        </button>
      </div>
    </Modal>
  );
}
