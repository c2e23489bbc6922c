import { useAppStore, useStoreApi } from '../../store/store-context';
// Loaded when first opened: see lazy-views and lazy-dialogs.
import { ForwardDialog, KeypadDialog, LinkDialog, ParkAtDialog, TransferDialog } from './lazy-dialogs';
import { ExpelDialog, SettingsDialog } from './lazy-views';

/** Renders the one open dialog, if any: settings, or a dialog about one call. */
export function DialogHost() {
  const store = useStoreApi();
  const dialog = useAppStore((s) => s.ui.dialog);
  const call = useAppStore((s) => (dialog && 'callId' in dialog ? s.calls.list.find((c) => c.id === dialog.callId) : undefined));
  const close = () => store.getState().ui.closeDialog();
  if (dialog?.kind === 'settings') return <SettingsDialog onClose={close} />;
  if (dialog?.kind === 'link') return <LinkDialog key={dialog.id} id={dialog.id} onClose={close} />;
  if (dialog?.kind === 'expel') return <ExpelHost participantId={dialog.participantId} onClose={close} />;
  if (!dialog || !call) return null;
  switch (dialog.kind) {
    case 'transfer':
      return <TransferDialog key={call.id} call={call} onClose={close} />;
    case 'keypad':
      return <KeypadDialog key={call.id} call={call} onClose={close} />;
    case 'forward':
      return <ForwardDialog key={call.id} call={call} onClose={close} />;
    case 'parkAt':
      return <ParkAtDialog key={call.id} call={call} onClose={close} />;
  }
}

/** The expel confirmation, for as long as that person is still in the roster. */
function ExpelHost({ participantId, onClose }: { participantId: string; onClose(): void }) {
  const participant = useAppStore((s) => s.meetings.snapshot?.participants.find((p) => p.id === participantId));
  return participant ? <ExpelDialog participant={participant} onClose={onClose} /> : null;
}
