import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Result } from '../../../preload/contract';
import { useLatestError } from '../../hooks/use-latest-error';
import { useAppStore } from '../../store/store-context';
import { DialogFooter } from '../shared/dialog-footer';
import { ErrorBlock } from '../shared/error-block';
import { Modal } from '../shared/modal';
import { TextField } from '../shared/text-input';
import { activeCallsHeading } from './focus-targets';

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

  return (
    <Modal title={props.title} onClose={props.onClose} initialFocus={fieldRef} fallbackFocus={activeCallsHeading} className="modal-target">
      <form onSubmit={onSubmit} noValidate className="modal-form">
        <TextField
          id={`${id}-field`}
          label={props.fieldLabel}
          inputRef={fieldRef}
          inputMode="tel"
          value={value}
          onChange={setValue}
          disabled={fieldOff}
          error={fieldError ?? undefined}
          {...(props.fieldHint ? { hint: props.fieldHint } : {})}
        />
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

        {failure && <ErrorBlock failure={failure} />}

        <DialogFooter onClose={props.onClose} closeLabel="Cancel">
          <button type="submit" className="btn btn-primary" aria-disabled={busy} aria-busy={busy}>
            {props.submitLabel}
          </button>
        </DialogFooter>
      </form>
    </Modal>
  );
}
