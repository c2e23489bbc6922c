import './call-controls.css';
import { useId, useState } from 'react';
import type { HistoryEntry } from '../../../preload/contract';
import { HISTORY_TYPE_WORDS, OUTCOME_WORDS } from '../../format/call-text';
import { formatDuration } from '../../../preload/common/duration';
import { formatNumber } from '../../../preload/common/party-text';
import { formatWhen } from '../../format/when';
import { DIAL_KEY } from '../../store/calls-commands';
import { useAppStore } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';

type Filter = 'all' | 'missed' | 'received' | 'placed';

const FILTERS: readonly { value: Filter; label: string; empty: string }[] = [
  { value: 'all', label: 'All', empty: 'No calls yet' },
  { value: 'missed', label: 'Missed', empty: 'No missed calls' },
  { value: 'received', label: 'Received', empty: 'No received calls' },
  { value: 'placed', label: 'Placed', empty: 'No placed calls' },
];

/**
 * Missed means Webex's missed record (or CallDeck's own log of one). A call the person declined,
 * forwarded or sent to voicemail, or one that stopped ringing with no record, shows under All only.
 */
function matches(entry: HistoryEntry, filter: Filter): boolean {
  if (filter === 'all') return true;
  if (entry.type === 'missed' && entry.outcome !== undefined && entry.outcome !== 'missed') return false;
  if (entry.outcome === 'answered-elsewhere') return false;
  return entry.type === filter;
}

/** The word for the row: what the person did, else Webex's type; a local unanswered call with no record is just "Call ended". */
function rowWord(entry: HistoryEntry): string {
  const did = entry.outcome === undefined ? undefined : OUTCOME_WORDS[entry.outcome];
  if (did !== undefined) return did;
  if (entry.type === 'missed' && entry.outcome === 'ended') return 'Call ended';
  return HISTORY_TYPE_WORDS[entry.type];
}

export function CallHistory() {
  const id = useId();
  const loaded = useAppStore((s) => s.calls.historyLoaded);
  const all = useAppStore((s) => s.calls.history);
  const [filter, setFilter] = useState<Filter>('all');
  const history = all.filter((entry) => matches(entry, filter));
  const chosen = FILTERS.find((f) => f.value === filter) ?? FILTERS[0];
  const dialing = useAppStore((s) => s.ui.pending[DIAL_KEY] === true);
  // Which row started the pending call, so only that button shows as busy.
  const [redialed, setRedialed] = useState<number | null>(null);

  return (
    <section className="pane pane-history" aria-labelledby="history-heading">
      <h2 id="history-heading" className="pane-title">
        Call history
      </h2>
      <div role="radiogroup" aria-label="Show calls" className="segmented">
        {FILTERS.map((f) => (
          <span key={f.value} className="segment">
            <input type="radio" id={`${id}-${f.value}`} name={`${id}-filter`} value={f.value} checked={filter === f.value} onChange={() => setFilter(f.value)} />
            <label htmlFor={`${id}-${f.value}`}>{f.label}</label>
          </span>
        ))}
      </div>
      {!loaded ? (
        <p className="empty">Loading call history…</p>
      ) : history.length === 0 ? (
        <div className="empty">
          <p className="empty-title">{chosen?.empty}</p>
          {filter === 'all' && <p className="hint">Calls you place, receive or miss show up here.</p>}
        </div>
      ) : (
        <ul className="history-list" aria-label="Call history">
          {history.map((entry, index) => (
            <HistoryRow
              key={`${entry.time}-${entry.type}-${entry.number ?? ''}-${index}`}
              entry={entry}
              dialing={dialing}
              busy={dialing && redialed === index}
              onRedial={() => setRedialed(index)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function HistoryRow({ entry, dialing, busy, onRedial }: { entry: HistoryEntry; dialing: boolean; busy: boolean; onRedial(): void }) {
  const calls = useCommands('calls');
  const country = useAppStore((s) => s.settings.values?.defaultCountry);
  const number = entry.number && !entry.privacy ? entry.number : undefined;
  const shownNumber = number ? formatNumber(number, country) : undefined;
  const headline = entry.privacy ? (entry.name ?? 'Private number') : (entry.name ?? shownNumber ?? 'Unknown caller');
  const label = entry.name ?? number;
  // Not a call this person missed (they acted on it, or it just stopped): not styled as one.
  const notMissed = entry.type === 'missed' && entry.outcome !== undefined && entry.outcome !== 'missed';

  const meta = [
    entry.durationSec !== undefined ? formatDuration(entry.durationSec) : '',
    entry.source === 'local' ? 'Logged by CallDeck' : '',
  ].filter(Boolean);

  return (
    <li className={`history-item history-${notMissed ? 'elsewhere' : entry.type}`}>
      <span className="history-type">{rowWord(entry)}</span>
      <div className="history-party">
        <span className="history-name">{headline}</span>
        {entry.name && shownNumber && <span className="history-number">{shownNumber}</span>}
      </div>
      <div className="history-meta">
        <time dateTime={entry.time}>{formatWhen(entry.time)}</time>
        {meta.map((m) => (
          <span key={m}>{m}</span>
        ))}
      </div>
      {number && (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Redial ${label}`}
          aria-disabled={dialing}
          aria-busy={busy}
          onClick={() => {
            if (dialing) return;
            onRedial();
            void calls.redial(number, label ?? number);
          }}
        >
          Redial
        </button>
      )}
    </li>
  );
}
