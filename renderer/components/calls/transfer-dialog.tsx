import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Call, TransferArgs } from '../../../preload/contract';
import { CALL_STATE_WORDS } from '../../format/call-text';
import { partyName } from '../../../preload/common/party-text';
import { useLatestError } from '../../hooks/use-latest-error';
import { pendingKey } from '../../store/calls-commands';
import { useAppStore } from '../../store/store-context';
import { DialogFooter } from '../shared/dialog-footer';
import { ErrorBlock } from '../shared/error-block';
import { TextField } from '../shared/text-input';
import { activeCallsHeading } from './focus-targets';
import { Modal } from '../shared/modal';
import { useCommands } from '../../store/use-commands';

type Mode = TransferArgs['mode'];

const ANSWERED: ReadonlySet<Call['state']> = new Set(['connected', 'held', 'remoteHeld']);

export function TransferDialog({ call, onClose }: { call: Call; onClose(): void }) {
  const calls = useCommands('calls');
  const id = useId();
  const country = useAppStore((s) => s.settings.values?.defaultCountry);
  // "Unanswered incoming calls cannot be transferred": attended transfer joins answered calls only.
  const others = useAppStore(useShallow((s) => s.calls.list.filter((c) => c.id !== call.id && ANSWERED.has(c.state))));
  const key = pendingKey(call.id, 'transfer');
  const busy = useAppStore((s) => s.ui.pending[key] === true);
  const failure = useLatestError(key);

  // Waiting for an answer is the default: the call never leaves the user for a phone nobody picks up.
  const [chosenMode, setMode] = useState<Mode>('mute');
  const [destination, setDestination] = useState('');
  const [chosenOther, setOther] = useState<string | undefined>(others[0]?.id);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const destinationRef = useRef<HTMLInputElement>(null);

  // Main says whether this call can be diverted into a voicemail box.
  const canVoicemail = call.actions.includes('transferToVoicemail');
  // The other call can end while the dialog is open; never offer or send a call that is gone.
  const mode: Mode =
    (chosenMode === 'attended' && others.length === 0) || (chosenMode === 'voicemail' && !canVoicemail) ? 'mute' : chosenMode;
  const needsDestination = mode !== 'attended';
  const otherCallId = others.some((o) => o.id === chosenOther) ? chosenOther : others[0]?.id;
  const who = partyName(call.remote, country);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    let args: TransferArgs;
    if (mode === 'attended' && otherCallId) {
      args = { callId: call.id, mode, otherCallId };
    } else {
      const trimmed = destination.trim();
      if (!trimmed) {
        setFieldError(mode === 'voicemail' ? 'Enter whose voicemail to transfer to.' : 'Enter a number to transfer to.');
        destinationRef.current?.focus();
        return;
      }
      args = { callId: call.id, mode: mode === 'attended' ? 'mute' : mode, destination: trimmed };
    }
    setFieldError(null);
    const result = await calls.transfer(call, args);
    if (result?.ok) onClose();
    else if (result && result.error.code === 'invalid-input' && needsDestination) {
      setFieldError(result.error.message);
      destinationRef.current?.focus();
    }
  }

  const radio = (value: Mode, label: string, description: string) => (
    <div className="choice">
      <input
        type="radio"
        id={`${id}-${value}`}
        name={`${id}-mode`}
        value={value}
        checked={mode === value}
        onChange={() => setMode(value)}
        aria-describedby={`${id}-${value}-desc`}
      />
      <label htmlFor={`${id}-${value}`}>{label}</label>
      <span id={`${id}-${value}-desc`} className="choice-description">
        {description}
      </span>
    </div>
  );

  return (
    <Modal
      title={`Transfer call with ${who}`}
      onClose={onClose}
      initialFocus={destinationRef}
      fallbackFocus={activeCallsHeading}
      className="modal-transfer"
    >
      <form onSubmit={onSubmit} noValidate className="modal-form">
        <fieldset className="choices">
          <legend>Transfer type</legend>
          {radio(
            'mute',
            'When they answer',
            'Rings the number and transfers the call only if they answer. If nobody answers, the call stays with you.',
          )}
          {radio('blind', 'Blind', 'Sends the call to the number at once, without waiting for an answer.')}
          {others.length > 0 && radio('attended', 'Attended', 'Connect it to another of your answered calls.')}
          {canVoicemail && radio('voicemail', 'Voicemail', "Send the caller into that person's voicemail.")}
        </fieldset>

        {needsDestination && (
          <TextField
            id={`${id}-dest`}
            label="Transfer to"
            inputRef={destinationRef}
            inputMode="tel"
            value={destination}
            onChange={setDestination}
            error={fieldError ?? undefined}
          />
        )}

        {mode === 'attended' && (
          <fieldset className="choices">
            <legend>Connect with</legend>
            {others.map((other) => {
              const otherName = partyName(other.remote, country);
              return (
                <div className="choice" key={other.id}>
                  <input
                    type="radio"
                    id={`${id}-other-${other.id}`}
                    name={`${id}-other`}
                    value={other.id}
                    checked={otherCallId === other.id}
                    onChange={() => setOther(other.id)}
                  />
                  <label htmlFor={`${id}-other-${other.id}`}>
                    {otherName} — {CALL_STATE_WORDS[other.state]}
                  </label>
                </div>
              );
            })}
          </fieldset>
        )}

        {failure && <ErrorBlock failure={failure} />}

        <DialogFooter onClose={onClose} closeLabel="Cancel">
          <button type="submit" className="btn btn-primary" aria-disabled={busy} aria-busy={busy}>
            {mode === 'mute' ? 'Ring and transfer' : 'Transfer now'}
          </button>
        </DialogFooter>
      </form>
    </Modal>
  );
}
