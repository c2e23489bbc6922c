import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Result } from '../../../preload/contract';
import { useAppStore } from '../../store/store-context';
import { FieldError, TextInput } from './text-input';

interface CommandFieldProps {
  label: string;
  buttonLabel: string;
  /** The store key whose pending state disables the button. */
  pendingKey: string;
  /** Message for an empty submit; leave out when the field is optional. */
  requiredMessage?: string;
  hint?: string;
  primary?: boolean;
  submit(value: string): Promise<Result<unknown> | null>;
}

/**
 * One text field + one button, submitted with Enter. Main is the authority on what is valid: an
 * `invalid-input` answer appears under the field and the text stays for correction; success
 * clears it. Other failures go to the app's error list (the command decides that).
 */
export function CommandField({ label, buttonLabel, pendingKey, requiredMessage, hint, primary, submit }: CommandFieldProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const busy = useAppStore((s) => s.ui.pending[pendingKey] === true);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const trimmed = value.trim();
    if (!trimmed && requiredMessage) {
      setError(requiredMessage);
      inputRef.current?.focus();
      return;
    }
    setError(null);
    const result = await submit(trimmed);
    if (!result) return;
    if (result.ok) {
      setValue('');
    } else if (result.error.code === 'invalid-input') {
      setError(result.error.message);
      inputRef.current?.focus();
    }
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form className="command-field" onSubmit={onSubmit} noValidate>
      <label htmlFor={`${id}-input`} className="field-label">
        {label}
      </label>
      <div className="field-row">
        <TextInput ref={inputRef} id={`${id}-input`} inputMode="tel" value={value} onChange={setValue} invalid={Boolean(error)} describedBy={describedBy} />
        <button type="submit" className={primary ? 'btn btn-primary' : 'btn'} aria-disabled={busy} aria-busy={busy}>
          {buttonLabel}
        </button>
      </div>
      <FieldError id={errorId} error={error} />
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </form>
  );
}
