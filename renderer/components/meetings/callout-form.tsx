import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { CALLOUT_DISPLAY_NAME_MAX, displayNameLength } from '../../../preload/common/meetings';
import { CALLOUT_KEY } from '../../store/meetings-commands';
import { useAppStore } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';
import { FieldFrame, TextField, TextInput } from '../shared/text-input';

type FieldErrors = { address?: string; displayName?: string };

/**
 * Calls a room, desk phone or mobile into the open meeting. The display name is checked here as
 * well as in main: a name over the limit is refused before anything is sent.
 */
export function CalloutForm() {
  const meetings = useCommands('meetings');
  const id = useId();
  const addressRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const busy = useAppStore((s) => s.ui.pending[CALLOUT_KEY] === true);
  const length = displayNameLength(name);
  const over = length > CALLOUT_DISPLAY_NAME_MAX;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: FieldErrors = {};
    if (address.trim() === '') found.address = 'Enter a SIP address (sip:room@example.com) or a phone number.';
    if (name.trim() === '') found.displayName = 'Enter a display name: Webex shows it in the roster.';
    else if (over) found.displayName = `The display name can have at most ${CALLOUT_DISPLAY_NAME_MAX} characters; this one has ${length}.`;
    setErrors(found);
    if (found.address) return addressRef.current?.focus();
    if (found.displayName) return nameRef.current?.focus();
    const result = await meetings.callout(address, name);
    if (!result) return;
    if (result.ok) {
      setAddress('');
      setName('');
    } else if (result.error.code === 'invalid-input') {
      // Main names the field: a name problem mentions the display name, anything else is the address.
      if (/display name/i.test(result.error.message)) {
        setErrors({ displayName: result.error.message });
        nameRef.current?.focus();
      } else {
        setErrors({ address: result.error.message });
        addressRef.current?.focus();
      }
    }
  }

  const counterId = `${id}-counter`;
  return (
    <form className="callout-form" onSubmit={onSubmit} noValidate aria-label="Call someone into the meeting">
      <h4 className="meetings-subtitle">Call someone in</h4>
      <p className="hint">Join the meeting in Webex first, then call out.</p>
      <TextField
        id={`${id}-address`}
        label="SIP address or number"
        inputRef={addressRef}
        value={address}
        onChange={setAddress}
        error={errors.address}
      />
      <FieldFrame id={`${id}-name`} label="Display name" error={errors.displayName}>
        <TextInput
          ref={nameRef}
          id={`${id}-name`}
          spellCheck
          value={name}
          onChange={setName}
          invalid={Boolean(errors.displayName) || over}
          describedBy={[counterId, errors.displayName ? `${id}-name-error` : ''].filter(Boolean).join(' ')}
        />
        <p id={counterId} className={over ? 'counter counter-over' : 'counter'} aria-live="polite">
          {length} of {CALLOUT_DISPLAY_NAME_MAX} characters
        </p>
      </FieldFrame>
      <button type="submit" className="btn btn-primary" aria-disabled={busy} aria-busy={busy}>
        Call out
      </button>
    </form>
  );
}
