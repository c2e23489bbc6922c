import type { Call, CallAction } from '../../../preload/contract';
import { ACTION_LABELS, ACTION_ORDER } from '../../format/call-text';
import { awaitingPickUp, CANCEL_CALL_LABEL } from '../../../preload/common/click-to-dial-text';
import { pendingKey } from '../../store/calls-commands';
import { useAppStore, useStoreApi } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';
import { CallMenu, hasMenu } from './call-menu';

const DESTRUCTIVE = new Set<CallAction>(['decline', 'hangup']);
/** Actions that end the call with us sit apart at the end of the row. */
const ENDING = new Set<CallAction>(['voicemail', 'decline', 'hangup']);

/** One button per action main offers for this call, in a fixed order. */
export function CallActions({ call, who }: { call: Call; who: string }) {
  const offered = ACTION_ORDER.filter((a) => call.actions.includes(a));
  if (offered.length === 0) return null;
  const firstEnding = offered.find((a) => ENDING.has(a));
  return (
    <div className="call-actions" role="group" aria-label={`Actions for ${who}`}>
      {offered
        .filter((a) => !ENDING.has(a))
        .map((action) => (
          <ActionButton key={action} call={call} action={action} startsEndGroup={false} />
        ))}
      {/* The menu leads the right-hand group, so the call-ending button stays at the edge. */}
      <CallMenu call={call} who={who} startsEndGroup={firstEnding !== undefined} />
      {offered
        .filter((a) => ENDING.has(a))
        .map((action) => (
          <ActionButton key={action} call={call} action={action} startsEndGroup={action === firstEnding && !hasMenu(call)} />
        ))}
    </div>
  );
}

function ActionButton({ call, action, startsEndGroup }: { call: Call; action: CallAction; startsEndGroup: boolean }) {
  const store = useStoreApi();
  const calls = useCommands('calls');
  const busy = useAppStore((s) => s.ui.pending[pendingKey(call.id, action)] === true);
  const variant = action === 'answer' ? 'btn-primary' : DESTRUCTIVE.has(action) ? 'btn-danger' : '';

  function onClick() {
    // aria-disabled (not disabled) keeps focus on the button while the request runs.
    if (busy) return;
    if (action === 'transfer' || action === 'keypad') {
      store.getState().ui.openDialog({ kind: action, callId: call.id });
      return;
    }
    if (action === 'forward' || action === 'transferToVoicemail') return; // offered in the call's menu and the Transfer dialog
    void calls.runDirect(call, action);
  }

  return (
    <button
      type="button"
      className={['btn', variant, startsEndGroup ? 'starts-end-group' : ''].filter(Boolean).join(' ')}
      aria-disabled={busy}
      aria-busy={busy}
      aria-haspopup={action === 'transfer' || action === 'keypad' ? 'dialog' : undefined}
      data-action={action}
      title={action === 'decline' ? 'Ends the call now with a busy signal.' : undefined}
      onClick={onClick}
    >
      {action === 'hangup' && awaitingPickUp(call) ? CANCEL_CALL_LABEL : ACTION_LABELS[action]}
    </button>
  );
}
