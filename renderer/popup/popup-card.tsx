import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { CallDeckApi, PopupAction, PopupCard } from '../../preload/contract';
import { ACTION_LABELS } from '../format/call-text';
import { formatDuration, secondsSince } from '../../preload/common/duration';
import { useNow } from '../hooks/use-now';

const CLASSES: Record<PopupAction, string> = { answer: 'btn btn-primary', decline: 'btn btn-danger', voicemail: 'btn' };

/**
 * One ringing call. The buttons call the same commands as the window's; a failure is shown on
 * the card (the popup has no message list). Escape hides the card; the call keeps ringing.
 */
export function PopupCardView({ api, card }: { api: CallDeckApi; card: PopupCard }) {
  const nameId = useId();
  const [pending, setPending] = useState<PopupAction | 'dismiss' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(action: PopupAction | 'dismiss') {
    if (pending !== null) return;
    setPending(action);
    setError(null);
    const callId = card.callId;
    const result = await (action === 'dismiss' ? api.popup.dismiss({ callId }) : api.calls[action]({ callId })).catch(() => null);
    setPending(null);
    if (result === null) setError('CallDeck did not answer. Use the window or your phone.');
    else if (!result.ok) setError(result.error.message);
  }

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    void run('dismiss');
  }

  return (
    <li className="popup-card" aria-labelledby={nameId} onKeyDown={onKeyDown}>
      <div className="popup-card-head">
        <RingingFor since={card.ringingSince} />
        <button
          type="button"
          className="btn btn-quiet popup-dismiss"
          aria-label={`Hide this popup for ${card.name}`}
          aria-disabled={pending !== null}
          onClick={() => void run('dismiss')}
        >
          ×
        </button>
      </div>
      <h2 id={nameId} className="popup-name">
        {card.name}
      </h2>
      {error ? (
        <p className="popup-error" role="alert">
          {error}
        </p>
      ) : (
        <>
          <p className="popup-detail">{card.number ?? ' '}</p>
          <p className="popup-detail popup-via">{card.via ?? card.recall ?? ' '}</p>
        </>
      )}
      <div className="popup-actions">
        {card.actions.length === 0 && <p className="hint">CallDeck is reconnecting: answer on your phone.</p>}
        {card.actions.map((action) => (
          <button
            key={action}
            type="button"
            className={CLASSES[action]}
            data-action={action}
            aria-disabled={pending !== null}
            aria-busy={pending === action}
            onClick={() => void run(action)}
          >
            {ACTION_LABELS[action]}
          </button>
        ))}
      </div>
    </li>
  );
}

function RingingFor({ since }: { since: string }) {
  const now = useNow();
  return (
    <p className="popup-label">
      Incoming call · <span role="timer">{formatDuration(secondsSince(since, now))}</span>
    </p>
  );
}
