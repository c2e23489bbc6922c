import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { HOTKEY_ACTIONS, HOTKEY_NAMES } from '../../../preload/common/hotkeys';
import type { HotkeyStatus } from '../../../preload/contract';
import { useCommands } from '../../store/use-commands';
import { useAppStore } from '../../store/store-context';
import '../desktop/desktop.css';
import { ShortcutField } from './shortcut-field';

const STATUS_WORDS: Record<HotkeyStatus['registration'], string> = {
  registered: 'Active',
  'in-use': 'In use by another application',
  invalid: 'Not a valid shortcut',
  duplicate: 'Used twice',
  unbound: 'Not set',
};

/** Global hotkeys with what the OS made of each, and how CallDeck starts and closes. */
export function HotkeysSection() {
  const id = useId();
  const { save } = useCommands('settings');
  const platform = useAppStore((s) => s.app.info?.platform ?? 'linux');
  const [hotkeys, startAtLogin, startMinimized, closeToTray] = useAppStore(
    useShallow((s) => [s.settings.values?.hotkeys, s.settings.values?.startAtLogin, s.settings.values?.startMinimized, s.settings.values?.closeToTray] as const),
  );
  const [statuses, caveat, autoStart] = useAppStore(
    useShallow((s) => [s.desktop.state?.hotkeys ?? [], s.desktop.state?.hotkeyCaveat, s.desktop.state?.autoStart] as const),
  );
  if (!hotkeys) return null;

  return (
    <section className="settings-section hotkeys-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Hotkeys &amp; desktop</h3>
      <p className="hint" id={`${id}-how`}>
        These work in every application. Click a field and press the new keys; Backspace clears it.
      </p>
      {caveat && (
        <p className="message message-warn" role="note">
          {caveat}
        </p>
      )}
      <ul className="hotkey-list" aria-label="Hotkeys">
        {HOTKEY_ACTIONS.map((action) => {
          const label = HOTKEY_NAMES[action];
          const status = statuses.find((candidate) => candidate.action === action);
          const fieldId = `${id}-${action}`;
          return (
            <li key={action} className="hotkey-row">
              <label htmlFor={fieldId} className="hotkey-label">
                {label}
              </label>
              <ShortcutField
                id={fieldId}
                label={label}
                accelerator={hotkeys[action]}
                platform={platform}
                describedBy={`${fieldId}-status ${id}-how`}
                onChange={(accelerator) => save({ hotkeys: { ...hotkeys, [action]: accelerator } })}
              />
              <HotkeyState id={`${fieldId}-status`} status={status} />
            </li>
          );
        })}
      </ul>
      <fieldset>
        <legend>Starting and closing</legend>
        <label>
          <input
            type="checkbox"
            checked={startAtLogin ?? false}
            disabled={autoStart?.supported === false}
            aria-describedby={autoStart?.note ? `${id}-autostart` : undefined}
            onChange={(event) => save({ startAtLogin: event.target.checked })}
          />
          Start CallDeck when I log in
        </label>
        {autoStart?.note && (
          <p id={`${id}-autostart`} className="hint">
            {autoStart.note}
          </p>
        )}
        <label>
          <input type="checkbox" checked={startMinimized ?? false} onChange={(event) => save({ startMinimized: event.target.checked })} />
          Start minimised to the tray
        </label>
        <label>
          <input type="checkbox" checked={closeToTray ?? true} onChange={(event) => save({ closeToTray: event.target.checked })} />
          Keep running in the tray when the window is closed
        </label>
      </fieldset>
    </section>
  );
}

function HotkeyState({ id, status }: { id: string; status: HotkeyStatus | undefined }) {
  const registration = status?.registration ?? 'unbound';
  // Main's message says what to do about a problem; the short words suffice otherwise.
  const words = status === undefined ? 'Checking…' : registration === 'registered' || registration === 'unbound' ? STATUS_WORDS[registration] : (status.message ?? STATUS_WORDS[registration]);
  return (
    <span id={id} className={`hotkey-status hotkey-${registration}`} aria-live="polite">
      {words}
    </span>
  );
}
