import { useShallow } from 'zustand/react/shallow';
import { DESKTOP_KEYS } from '../../store/desktop-commands';
import { useAppStore } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';

/**
 * The header's Do Not Disturb switch: the user's Webex setting, the same one the tray's checkbox
 * changes. It shows what Webex stored, not what was clicked, so it never claims a state Webex
 * refused.
 */
export function DndToggle() {
  const desktop = useCommands('desktop');
  const [status, updating, error] = useAppStore(
    useShallow((s) => [s.desktop.state?.dnd.status ?? 'unknown', s.desktop.state?.dnd.updating ?? false, s.desktop.state?.dnd.error] as const),
  );
  const pending = useAppStore((s) => s.ui.pending[DESKTOP_KEYS.dnd] === true);
  const busy = updating || pending;
  const on = status === 'on';

  function toggle() {
    if (busy) return;
    void desktop.setDnd(!on);
  }

  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-busy={busy}
      aria-disabled={busy}
      className={`btn header-button dnd-toggle${on ? ' dnd-on' : ''}`}
      title={status === 'unknown' && error ? error : undefined}
      onClick={toggle}
    >
      Do Not Disturb
    </button>
  );
}
