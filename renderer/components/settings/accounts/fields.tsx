import { useEffect, useRef } from 'react';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string;
}

export function TextField({ id, label, value, onChange, error, hint }: FieldProps) {
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        className="field-input"
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A secret is typed, sent sealed, and cleared: the field never shows a stored one, only that one
 * is stored. Uncontrolled on purpose, so React never mirrors the secret into a DOM attribute.
 */
export function SecretField({ id, label, value, onChange, error, stored }: Omit<FieldProps, 'hint'> & { stored: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (value === '' && input.current) input.current.value = '';
  }, [value]);
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        className="field-input"
        type="password"
        autoComplete="off"
        spellCheck={false}
        ref={input}
        onChange={(e) => onChange(e.target.value)}
        placeholder={stored ? 'Stored. Type to replace it.' : ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
