import '../calls/call-controls.css';
import { myLineText, voicemailWaitingText } from '../../../preload/common/line-text';
import { formatNumber } from '../../../preload/common/party-text';
import { LINE_STATE_WORDS } from '../../format/call-text';
import { useAppStore, useStoreApi } from '../../store/store-context';
import { DndToggle } from '../desktop/dnd-toggle';
import { LiveStatus } from '../events/live-status';

export function AppHeader() {
  // The snapshot's label is live; app.info's is what main knew at start-up.
  const label = useAppStore((s) => s.calls.line?.label ?? s.app.info?.lineLabel ?? '');
  const state = useAppStore((s) => s.calls.line?.state ?? 'starting');
  const me = useAppStore((s) => s.calls.lineInfo?.me);
  const voicemail = useAppStore((s) => voicemailWaitingText(s.calls.lineInfo?.voicemail));
  const country = useAppStore((s) => s.settings.values?.defaultCountry);
  const store = useStoreApi();
  const meetingsOpen = useAppStore((s) => s.meetings.viewOpen);
  const mine = myLineText(me, me?.number ? formatNumber(me.number, country) : undefined);
  return (
    <header className="app-header">
      <h1 className="app-name">CallDeck</h1>
      <p className="line-info">
        {label && (
          <span className="line-label" title={label}>
            {label}
          </span>
        )}
        <span className={`line-state line-state-${state}`}>{LINE_STATE_WORDS[state]}</span>
        <LiveStatus />
      </p>
      <p className="my-line">
        {mine && <span className="my-number">{mine}</span>}
        {/* Present even when empty, so a new message is announced when it arrives. */}
        <span role="status" className="voicemail-waiting">
          {voicemail}
        </span>
      </p>
      <div className="header-actions">
        <DndToggle />
        <button
          type="button"
          className="btn header-button"
          aria-pressed={meetingsOpen}
          onClick={() => store.getState().meetings.setViewOpen(!meetingsOpen)}
        >
          Meetings
        </button>
        <button type="button" className="btn header-button" aria-haspopup="dialog" onClick={() => store.getState().ui.openDialog({ kind: 'settings' })}>
          Settings
        </button>
      </div>
    </header>
  );
}
