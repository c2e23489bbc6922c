import './call-controls.css';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { DirectoryEntry } from '../../../preload/contract';
import { formatNumber } from '../../../preload/common/party-text';
import { createDirectoryLookup, type DirectoryLookup, type LookupState } from '../../search/directory-lookup';
import { DIAL_KEY } from '../../store/calls-commands';
import { useAppStore } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';
import { FieldError } from '../shared/text-input';

/**
 * "Number to call": type a number and press Call as before, or type a name and pick a colleague
 * from the directory (an ARIA 1.2 combobox with a listbox popup; arrows, Enter and Escape work).
 */
export function DialCombobox() {
  const calls = useCommands('calls');
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const lookupRef = useRef<DirectoryLookup | null>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [lookup, setLookup] = useState<LookupState>({ status: 'idle' });
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const busy = useAppStore((s) => s.ui.pending[DIAL_KEY] === true);
  const country = useAppStore((s) => s.settings.values?.defaultCountry);

  useEffect(() => {
    const lookup = createDirectoryLookup({
      search: (query) => calls.searchDirectory(query),
      cancel: () => calls.cancelDirectorySearch(),
      onChange: (state) => {
        setLookup(state);
        setActive(-1);
        setOpen(state.status !== 'idle');
      },
    });
    lookupRef.current = lookup;
    return () => lookup.dispose();
  }, [calls]);

  const people = lookup.status === 'found' ? lookup.people : [];
  const expanded = open && lookup.status !== 'idle';
  const optionId = (index: number) => `${id}-option-${index}`;

  function change(text: string) {
    setValue(text);
    setError(null);
    lookupRef.current?.input(text);
  }

  function reset() {
    setValue('');
    lookupRef.current?.input('');
    setOpen(false);
  }

  async function choose(person: DirectoryEntry) {
    setOpen(false);
    const result = await calls.redial(person.dial, person.name);
    if (result?.ok) reset();
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const chosen = expanded && active >= 0 ? people[active] : undefined;
    if (chosen) return void choose(chosen);
    const trimmed = value.trim();
    if (!trimmed) {
      setError('Enter a number or address to call.');
      inputRef.current?.focus();
      return;
    }
    setOpen(false);
    const result = await calls.dial(trimmed);
    if (!result) return;
    if (result.ok) reset();
    else if (result.error.code === 'invalid-input') {
      setError(result.error.message);
      inputRef.current?.focus();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (people.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((at) => (expanded ? (at + step + people.length) % people.length : step === 1 ? 0 : people.length - 1));
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const listId = `${id}-list`;
  const describedBy = [error ? errorId : '', hintId].filter(Boolean).join(' ');

  return (
    <form className="command-field dial-combobox" onSubmit={onSubmit} noValidate>
      <label htmlFor={`${id}-input`} className="field-label">
        Number to call
      </label>
      <div className="field-row">
        <div className="combobox">
          <input
            ref={inputRef}
            id={`${id}-input`}
            className="field-input"
            type="text"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(e) => change(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
            onFocus={() => setOpen(lookup.status !== 'idle')}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
          <div className="combobox-popup" hidden={!expanded}>
            <ul id={listId} role="listbox" aria-label="People in your directory" className="combobox-list">
              {people.map((person, index) => (
                <li
                  key={person.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className="combobox-option"
                  // Keep focus in the field; the click still chooses.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => void choose(person)}
                >
                  <span className="option-name">{person.name}</span>
                  <span className="option-detail">
                    {[person.number ? formatNumber(person.number, country) : '', person.extension ? `Ext. ${person.extension}` : ''].filter(Boolean).join(' · ')}
                  </span>
                </li>
              ))}
            </ul>
            <p className="combobox-status" role="status">
              {lookup.status === 'searching'
                ? 'Searching the directory…'
                : lookup.status === 'failed'
                  ? `Couldn't search the directory: ${lookup.error.message}`
                  : lookup.status === 'found' && people.length === 0
                    ? `No one in the directory matches “${lookup.query}”.`
                    : ''}
            </p>
          </div>
        </div>
        <button type="submit" className="btn btn-primary" aria-disabled={busy} aria-busy={busy}>
          Call
        </button>
      </div>
      <FieldError id={errorId} error={error} />
      <p id={hintId} className="hint">
        A number, an extension, a SIP address, or a colleague's name.
      </p>
    </form>
  );
}
