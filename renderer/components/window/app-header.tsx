import { LINE_STATE_WORDS } from '../../format/call-text';
import { useAppStore, useStoreApi } from '../../store/store-context';
import { DndToggle } from '../desktop/dnd-toggle';

export function AppHeader() {
  // The snapshot's label is live; app.info's is what main knew at start-up.
  const label = useAppStore((s) => s.calls.line?.label ?? s.app.info?.lineLabel ?? '');
  const state = useAppStore((s) => s.calls.line?.state ?? 'starting');
  const store = useStoreApi();
  return (
    <header className="app-header">
      <h1 className="app-name">CallDeck</h1>
      <p className="line-info">
        {label && <span className="line-label">{label}</span>}
        <span className={`line-state line-state-${state}`}>{LINE_STATE_WORDS[state]}</span>
      </p>
      <DndToggle />
      <button type="button" className="btn header-button" aria-haspopup="dialog" onClick={() => store.getState().ui.openDialog({ kind: 'settings' })}>
        Settings
      </button>
    </header>
  );
}
