import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Result } from '../../preload/contract';
import { useLatestError } from '../hooks/use-latest-error';
import { useAppStore } from '../store/store-context';
import { ErrorDetails } from './error-details';
import { activeCallsHeading } from './focus-targets';
import { Modal } from './modal';

export interface CallTargetDialogProps {
  title: string;
  /** The textbox's name, e.g. "Forward to". */
  fieldLabel: string;
  fieldHint?: string;
  /** Message for an empty field; absent when empty is allowed (Park at: my own line). */
  requiredMessage?: string;
  checkboxLabel: string;
  checkboxHint?: string;
  /** Checking the box makes the field irrelevant (group park picks its own spot). */
  checkboxDisablesField?: boolean;
  submitLabel: string;
  /** The store key of the command, for busy state and its failures. */
  pendingKey: string;
  submit(value: string, checked: boolean): Promise<Result<unknown> | null>;
  onClose(): void;
}

/** A dialog about one call with a destination field, one checkbox and one action: Forward…, Park at…. */
export function CallTargetDialog(props: CallTargetDialogProps) {
  const id = useId();
  const fieldRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [checked, setChecked] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const busy = useAppStore((s) => s.ui.pending[props.pendingKey] === true);
  const failure = useLatestError(props.pendingKey);
  const fieldOff = props.checkboxDisablesField === true && checked;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const trimmed = fieldOff ? '' : value.trim();
    if (!trimmed && props.requiredMessage) {
      setFieldError(props.requiredMessage);
      fieldRef.current?.focus();
      return;
    }
    setFieldError(null);
    const result = await props.submit(trimmed, checked);
    if (result?.ok) props.onClose();
    else if (result && result.error.code === 'invalid-input') {
      setFieldError(result.error.message);
      fieldRef.current?.focus();
    }
  }

  const describedBy = [fieldError ? `${id}-error` : '', props.fieldHint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <Modal title={props.title} onClose={props.onClose} initialFocus={fieldRef} fallbackFocus={activeCallsHeading} className="modal-target">
      <form onSubmit={onSubmit} noValidate className="modal-form">
        <div className="field">
          <label htmlFor={`${id}-field`} className="field-label">
            {props.fieldLabel}
          </label>
          <input
            ref={fieldRef}
            id={`${id}-field`}
            className="field-input"
            type="text"
            inputMode="tel"
            autoComplete="off"
            spellCheck={false}
            value={value}
            disabled={fieldOff}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={describedBy}
          />
          {fieldError && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {fieldError}
            </p>
          )}
          {props.fieldHint && (
            <p id={`${id}-hint`} className="hint">
              {props.fieldHint}
            </p>
          )}
        </div>
        <div className="check">
          <input
            id={`${id}-check`}
            type="checkbox"
            checked={checked}
            onChange={(e) => setChecked(e.target.checked)}
            aria-describedby={props.checkboxHint ? `${id}-check-hint` : undefined}
          />
          <label htmlFor={`${id}-check`}>{props.checkboxLabel}</label>
          {props.checkboxHint && (
            <span id={`${id}-check-hint`} className="choice-description">
              {props.checkboxHint}
            </span>
          )}
        </div>

        {failure && (
          <div role="alert" className="message message-error">
            <ErrorDetails title={failure.title} error={failure.error} />
          </div>
        )}

        <div className="modal-actions">
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" aria-disabled={busy} aria-busy={busy}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
