import { useAppStore, useStoreApi } from '../store/store-context';
import { KeypadDialog } from './keypad-dialog';
import { TransferDialog } from './transfer-dialog';

/** Renders the one open dialog, if any, for the call it is about. */
export function DialogHost() {
  const store = useStoreApi();
  const dialog = useAppStore((s) => s.ui.dialog);
  const call = useAppStore((s) => (dialog ? s.calls.list.find((c) => c.id === dialog.callId) : undefined));
  if (!dialog || !call) return null;
  const close = () => store.getState().ui.closeDialog();
  return dialog.kind === 'transfer' ? (
    <TransferDialog key={call.id} call={call} onClose={close} />
  ) : (
    <KeypadDialog key={call.id} call={call} onClose={close} />
  );
}
