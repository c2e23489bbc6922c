import { CALLOUT_RING_MS } from '../../../preload/common/meetings';
import type { PendingCallout } from '../../../preload/contract';
import { useNow } from '../../hooks/use-now';
import { meetingKey } from '../../store/meetings-commands';
import { useAppStore } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';

/** Call-outs Webex does not list while they ring; main tracks each for its 30 seconds. */
export function CallingOutList() {
  const callouts = useAppStore((s) => s.meetings.snapshot?.callouts);
  if (!callouts || callouts.length === 0) return null;
  return (
    <>
      <h4 className="meetings-subtitle">Calling out</h4>
      <ul className="callouts" aria-label="Calling out">
        {callouts.map((c) => (
          <CalloutItem key={c.participantId} callout={c} />
        ))}
      </ul>
    </>
  );
}

function CalloutItem({ callout: c }: { callout: PendingCallout }) {
  const now = useNow();
  const cancelling = useAppStore((s) => s.ui.pending[meetingKey(c.participantId, 'cancel')] === true);
  // `now` is whole seconds (rounded down), so round the remainder down too: 30, 29 … 0.
  const left = Math.min(CALLOUT_RING_MS / 1000, Math.max(0, Math.floor((Date.parse(c.endsAt) - now) / 1000)));
  const commands = useCommands('meetings');
  return (
    <li className={`callout callout-${c.state}`} aria-label={c.displayName}>
      <div className="participant-who">
        <span className="participant-name">{c.displayName}</span>
        <span className="participant-email">{c.address}</span>
      </div>
      {c.state === 'ringing' ? (
        <>
          <span className="tag">Ringing · {left} s left</span>
          {c.canCancel === false ? (
            <span className="hint">Webex gave no participant ID, so this call-out cannot be cancelled here.</span>
          ) : (
          <button
            type="button"
            className="btn"
            aria-disabled={cancelling}
            aria-busy={cancelling}
            onClick={() => !cancelling && void commands.cancelCallout(c)}
          >
            Cancel call-out
          </button>
          )}
        </>
      ) : (
        <>
          <span className="tag tag-warning">No answer</span>
          <button type="button" className="btn btn-quiet" onClick={() => void commands.dismissCallout(c)}>
            Dismiss
          </button>
        </>
      )}
    </li>
  );
}
