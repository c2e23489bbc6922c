/**
 * The dialogs about one call (transfer, keypad, forward, park) and the phone-link prompt load when
 * first opened, not with the window: none is needed to show the window, and together they are a
 * good part of the start-up budget (test/unit/packaging/startup-budget.test.ts). Each stand-in
 * takes the same props as the dialog it stands for and, while the chunk arrives, shows a dialog
 * of the same name with a loading state (LoadedDialog keeps the opener for focus return).
 */
import { lazy } from 'react';
import type { ComponentProps } from 'react';
import { partyName } from '../../../preload/common/party-text';
import { useAppStore } from '../../store/store-context';
import { LoadedDialog } from './lazy-views';

const LazyTransfer = lazy(() => import('../calls/transfer-dialog').then((m) => ({ default: m.TransferDialog })));
const LazyKeypad = lazy(() => import('../calls/keypad-dialog').then((m) => ({ default: m.KeypadDialog })));
const LazyForward = lazy(() => import('../calls/forward-dialogs').then((m) => ({ default: m.ForwardDialog })));
const LazyParkAt = lazy(() => import('../calls/forward-dialogs').then((m) => ({ default: m.ParkAtDialog })));
const LazyLink = lazy(() => import('../desktop/link-dialog').then((m) => ({ default: m.LinkDialog })));

type CallDialogProps = ComponentProps<typeof LazyTransfer>;

function useWho(call: CallDialogProps['call']): string {
  const country = useAppStore((s) => s.settings.values?.defaultCountry);
  return partyName(call.remote, country);
}

export function TransferDialog(props: CallDialogProps) {
  return (
    <LoadedDialog title={`Transfer call with ${useWho(props.call)}`} onClose={props.onClose}>
      <LazyTransfer {...props} />
    </LoadedDialog>
  );
}

export function KeypadDialog(props: CallDialogProps) {
  return (
    <LoadedDialog title={`Keypad — ${useWho(props.call)}`} onClose={props.onClose}>
      <LazyKeypad {...props} />
    </LoadedDialog>
  );
}

export function ForwardDialog(props: CallDialogProps) {
  return (
    <LoadedDialog title={`Forward call from ${useWho(props.call)}`} onClose={props.onClose}>
      <LazyForward {...props} />
    </LoadedDialog>
  );
}

export function ParkAtDialog(props: CallDialogProps) {
  return (
    <LoadedDialog title={`Park call with ${useWho(props.call)}`} onClose={props.onClose}>
      <LazyParkAt {...props} />
    </LoadedDialog>
  );
}

/** The phone-link prompt, titled as the loaded dialog will be; nothing once the prompt is gone. */
export function LinkDialog(props: ComponentProps<typeof LazyLink>) {
  const kind = useAppStore((s) => (s.desktop.state?.link?.id === props.id ? s.desktop.state.link.kind : null));
  if (kind === null) return null;
  return (
    <LoadedDialog title={kind === 'confirm' ? 'Call this number?' : "Can't call this link"} onClose={props.onClose}>
      <LazyLink {...props} />
    </LoadedDialog>
  );
}
