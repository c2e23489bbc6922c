import { useEffect, useRef, type HTMLAttributes, type ReactNode, type Ref } from 'react';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string;
}

/** Label above, hint and error below, both announced with the input they describe. */
export function FieldFrame({ id, label, error, hint, children }: { id: string; label: string; error?: string | undefined; hint?: string | undefined; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** A field's error, announced when it appears; nothing while there is none. */
export function FieldError({ id, error }: { id: string; error: string | null | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {error}
    </p>
  );
}

function describedBy(id: string, error: string | undefined, hint: string | undefined): string | undefined {
  return [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
}

/**
 * The app's one plain text box: no autocomplete or spell check (numbers, IDs and URLs), marked
 * invalid while an error describes it.
 */
export function TextInput({
  id,
  value,
  onChange,
  invalid,
  describedBy,
  inputMode,
  disabled,
  spellCheck = false,
  ref,
}: {
  id: string;
  value: string;
  onChange(value: string): void;
  invalid?: boolean;
  describedBy?: string | undefined;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  /** For a field another choice makes irrelevant (Group park picks its own spot). */
  disabled?: boolean;
  /** Off by default; on for words a person reads, like a display name. */
  spellCheck?: boolean;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <input
      ref={ref}
      id={id}
      className="field-input"
      type="text"
      inputMode={inputMode}
      autoComplete="off"
      spellCheck={spellCheck}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy}
    />
  );
}

/** A labelled TextInput with its hint and error. */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  inputMode,
  inputRef,
  disabled,
}: FieldProps & { inputMode?: HTMLAttributes<HTMLInputElement>['inputMode']; inputRef?: Ref<HTMLInputElement>; disabled?: boolean }) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <TextInput
        ref={inputRef}
        id={id}
        value={value}
        onChange={onChange}
        invalid={Boolean(error)}
        describedBy={describedBy(id, error, hint)}
        inputMode={inputMode}
        disabled={disabled}
      />
    </FieldFrame>
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
    <FieldFrame id={id} label={label} error={error}>
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
        aria-describedby={describedBy(id, error, undefined)}
      />
    </FieldFrame>
  );
}
