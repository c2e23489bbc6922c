import type { MeetingParticipant } from '../../../preload/contract';
import { useCommands } from '../../store/use-commands';
import { DialogFooter } from '../shared/dialog-footer';
import { Modal } from '../shared/modal';

/** Expelling cannot be undone from here, so it asks first; Cancel comes first and has the focus. */
export function ExpelDialog({ participant, onClose }: { participant: MeetingParticipant; onClose(): void }) {
  const meetings = useCommands('meetings');
  return (
    <Modal title={`Expel ${participant.displayName}?`} onClose={onClose}>
      <p>They leave the meeting at once. To come back they have to join again, and may land in the lobby.</p>
      <DialogFooter onClose={onClose} closeLabel="Cancel">
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => {
            onClose();
            void meetings.expel(participant);
          }}
        >
          Expel
        </button>
      </DialogFooter>
    </Modal>
  );
}
