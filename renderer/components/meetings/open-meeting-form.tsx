import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ErrorValue } from '../../../preload/contract';
import { OPEN_MEETING_KEY } from '../../store/meetings-commands';
import { useAppStore } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';
import { ErrorDetails } from '../shared/error-details';
import { TextInput } from '../shared/text-input';

/** "Meeting ID or number" + "Open meeting"; every failure is shown here, under the field. */
export function OpenMeetingForm() {
  const meetings = useCommands('meetings');
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<ErrorValue | null>(null);
  const busy = useAppStore((s) => s.ui.pending[OPEN_MEETING_KEY] === true);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (value.trim() === '') {
      setError({ code: 'invalid-input', message: 'Enter a meeting number (like 2634 555 1234) or a meeting ID.' });
      inputRef.current?.focus();
      return;
    }
    setError(null);
    const result = await meetings.open(value);
    if (result && !result.ok) {
      setError(result.error);
      inputRef.current?.focus();
    }
  }

  const errorId = `${id}-error`;
  return (
    <form className="command-field" onSubmit={onSubmit} noValidate>
      <label htmlFor={`${id}-input`} className="field-label">
        Meeting ID or number
      </label>
      <div className="field-row">
        <TextInput
          ref={inputRef}
          id={`${id}-input`}
          value={value}
          onChange={setValue}
          invalid={Boolean(error)}
          describedBy={error ? errorId : undefined}
        />
        <button type="submit" className="btn btn-primary" aria-disabled={busy} aria-busy={busy}>
          Open meeting
        </button>
      </div>
      {error && (
        <div id={errorId} role="alert" className="field-error">
          {error.code === 'invalid-input' ? error.message : <ErrorDetails title="Couldn't open the meeting" error={error} />}
        </div>
      )}
    </form>
  );
}
