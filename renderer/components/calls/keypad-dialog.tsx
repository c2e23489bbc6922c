import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Call } from '../../../preload/contract';
import { partyName } from '../../../preload/common/party-text';
import { useLatestError } from '../../hooks/use-latest-error';
import { pendingKey } from '../../store/calls-commands';
import { useAppStore } from '../../store/store-context';
import { DialogFooter } from '../shared/dialog-footer';
import { ErrorBlock } from '../shared/error-block';
import { activeCallsHeading } from './focus-targets';
import { Modal } from '../shared/modal';
import { useCommands } from '../../store/use-commands';

const KEYS: ReadonlyArray<readonly [digit: string, letters: string]> = [
  ['1', ''],
  ['2', 'ABC'],
  ['3', 'DEF'],
  ['4', 'GHI'],
  ['5', 'JKL'],
  ['6', 'MNO'],
  ['7', 'PQRS'],
  ['8', 'TUV'],
  ['9', 'WXYZ'],
  ['*', ''],
  ['0', '+'],
  ['#', ''],
];

/** Sends touch tones (menus, PINs) into a call, by click or by typing. */
export function KeypadDialog({ call, onClose }: { call: Call; onClose(): void }) {
  const calls = useCommands('calls');
  const country = useAppStore((s) => s.settings.values?.defaultCountry);
  const failure = useLatestError(pendingKey(call.id, 'dtmf'));
  const [sent, setSent] = useState('');

  function press(digit: string) {
    setSent((s) => (s + digit).slice(-32));
    calls.pressKey(call, digit);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (/^[0-9*#]$/.test(event.key)) {
      event.preventDefault();
      press(event.key);
    }
  }

  return (
    <Modal title={`Keypad — ${partyName(call.remote, country)}`} onClose={onClose} onKeyDown={onKeyDown} fallbackFocus={activeCallsHeading} className="modal-keypad">
      <output className="keypad-display" aria-label="Tones sent">
        {sent}
      </output>
      <div className="keypad-grid" role="group" aria-label="Keypad">
        {KEYS.map(([digit, letters]) => (
          <button key={digit} type="button" className="btn keypad-key" aria-label={digit} onClick={() => press(digit)}>
            <span className="keypad-digit">{digit}</span>
            <span className="keypad-letters" aria-hidden="true">
              {letters}
            </span>
          </button>
        ))}
      </div>
      <p className="hint">You can also type 0–9, * and # while this is open.</p>
      {failure && <ErrorBlock failure={failure} />}
      <DialogFooter onClose={onClose} />
    </Modal>
  );
}
