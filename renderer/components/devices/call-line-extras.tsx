import type { Call } from '../../../preload/contract';
import { pushKey } from '../../store/devices-commands';
import { useAppStore } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';

/** Which line a call is on, when it is not my own. */
export function CallLineTag({ call }: { call: Call }) {
  if (!call.line) return null;
  return <span className="call-line">Line: {call.line.name}</span>;
}

/** "Push to executive", offered only where Webex would take it; a refusal makes main drop the offer. */
export function PushToExecutive({ call }: { call: Call }) {
  const devices = useCommands('devices');
  const busy = useAppStore((s) => s.ui.pending[pushKey(call.id)] === true);
  if (!call.pushable) return null;
  return (
    <button
      type="button"
      className="btn push-executive"
      aria-disabled={busy}
      aria-busy={busy}
      onClick={() => {
        if (!busy) void devices.push(call);
      }}
    >
      Push to executive
    </button>
  );
}
