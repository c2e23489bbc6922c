import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { captureShortcut, formatShortcut } from '../../format/accelerator';

interface ShortcutFieldProps {
  id: string;
  label: string;
  accelerator: string;
  platform: string;
  describedBy: string;
  onChange(accelerator: string): void;
}

/**
 * A key-capture field: focus it and press the new combination. Tab still moves on (a shortcut
 * needs a modifier anyway), Escape drops a half-pressed one (or closes the dialog), and
 * Backspace or Delete alone clears it.
 */
export function ShortcutField({ id, label, accelerator, platform, describedBy, onChange }: ShortcutFieldProps) {
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const plain = (event: KeyboardEvent) => !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Tab' && plain(event)) return;
    // Escape cancels a half-pressed combination; with nothing to cancel it closes the dialog.
    if (event.key === 'Escape' && plain(event)) {
      if (preview === null && problem === null) return;
      event.preventDefault();
      event.stopPropagation();
      return reset();
    }
    event.preventDefault();
    if (plain(event) && (event.key === 'Backspace' || event.key === 'Delete')) {
      reset();
      return onChange('');
    }
    const captured = captureShortcut(event, platform);
    if (captured.kind === 'modifiers') return setPreview(captured.preview);
    reset();
    if (captured.kind === 'unsupported') return setProblem(captured.reason);
    if (captured.accelerator !== accelerator) onChange(captured.accelerator);
  }

  function reset() {
    setPreview(null);
    setProblem(null);
  }

  return (
    <>
      <input
        id={id}
        className="field-input shortcut-field"
        type="text"
        readOnly
        aria-label={`${label} shortcut`}
        aria-describedby={problem ? `${id}-problem ${describedBy}` : describedBy}
        value={preview ?? (formatShortcut(accelerator, platform) || 'Not set')}
        onKeyDown={onKeyDown}
        onKeyUp={() => setPreview(null)}
        onBlur={reset}
      />
      {problem && (
        <p id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
