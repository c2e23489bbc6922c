import { memo, useRef } from 'react';
import type { Call } from '../../../preload/contract';
import { CALL_STATE_WORDS, RECORDING_WORDS } from '../../format/call-text';
import { awaitingPickUp, pickUpText } from '../../../preload/common/click-to-dial-text';
import { partyDetail, partyName } from '../../../preload/common/party-text';
import { useFocusRescue } from '../../hooks/use-focus-rescue';
import { useAppStore } from '../../store/store-context';
import { CallActions } from './call-actions';
import { CallDuration } from './call-duration';
import { CallLineTag, PushToExecutive } from '../devices/call-line-extras';

// Memoised: the store keeps unchanged calls as the same object (keep-unchanged.ts), so a snapshot
// re-renders only the rows whose call changed.
export const CallItem = memo(function CallItem({ call }: { call: Call }) {
  const country = useAppStore((s) => s.settings.values?.defaultCountry);
  const ref = useRef<HTMLLIElement>(null);
  const who = partyName(call.remote, country);
  const detail = partyDetail(call.remote, country);
  const recording = call.recording ? RECORDING_WORDS[call.recording] : undefined;
  const pickUp = awaitingPickUp(call);

  // Answer/Hold/… swap for other buttons once main confirms; keep focus on this call.
  useFocusRescue(ref, call.actions.join(','), () => ref.current?.querySelector<HTMLElement>('.call-actions button') ?? ref.current);

  return (
    <li ref={ref} tabIndex={-1} className={`call call-${pickUp ? 'pick-up' : call.state}`} aria-label={`Call with ${who}`}>
      <div className="call-head">
        <div className="call-party">
          <span className="call-name">{who}</span>
          {detail && <span className="call-number">{detail}</span>}
        </div>
        <div className="call-status">
          {/* Our own phone alerting for a dial: say what to do (below), never "Ringing". */}
          <span className={`call-state state-${pickUp ? 'pick-up' : call.state}`}>{pickUp ? 'Pick up' : CALL_STATE_WORDS[call.state]}</span>
          {call.state !== 'disconnected' && <CallDuration call={call} />}
        </div>
      </div>
      {pickUp && <p className="call-pick-up-hint">{pickUpText(who)}</p>}
      {(call.line || call.via || call.recall || recording || call.muted) && (
        <div className="call-meta">
          <CallLineTag call={call} />
          {call.via && <span className="call-via">{call.via}</span>}
          {call.recall && <span className="call-recall">{call.recall}</span>}
          {recording && <span className={`badge badge-recording recording-${call.recording}`}>{recording}</span>}
          {call.muted && <span className="badge badge-muted">Muted</span>}
        </div>
      )}
      <CallActions call={call} who={who} />
      <PushToExecutive call={call} />
    </li>
  );
});
