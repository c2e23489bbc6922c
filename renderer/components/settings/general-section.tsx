import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCommands } from '../../store/use-commands';
import { useAppStore } from '../../store/store-context';

/** Countries people most often pick first; any other ISO code still works from the list. */
const COUNTRIES: ReadonlyArray<readonly [code: string, name: string]> = [
  ['US', 'United States / Canada (+1)'],
  ['GB', 'United Kingdom (+44)'],
  ['IE', 'Ireland (+353)'],
  ['DE', 'Germany (+49)'],
  ['FR', 'France (+33)'],
  ['ES', 'Spain (+34)'],
  ['IT', 'Italy (+39)'],
  ['NL', 'Netherlands (+31)'],
  ['BR', 'Brazil (+55)'],
  ['IN', 'India (+91)'],
  ['AU', 'Australia (+61)'],
  ['JP', 'Japan (+81)'],
];

export function GeneralSection() {
  const { save } = useCommands('settings');
  const countryId = useId();
  const [country, deepLinkAction] = useAppStore(
    useShallow((s) => [s.settings.values?.defaultCountry ?? 'US', s.settings.values?.deepLinkAction ?? 'ask'] as const),
  );

  return (
    <section className="settings-section" aria-labelledby={`${countryId}-heading`}>
      <h3 id={`${countryId}-heading`}>General</h3>
      <label htmlFor={countryId}>Country for numbers without a + prefix</label>
      <select id={countryId} value={country} onChange={(event) => save({ defaultCountry: event.target.value })}>
        {COUNTRIES.some(([code]) => code === country) ? null : <option value={country}>{country}</option>}
        {COUNTRIES.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>When I open a phone link (tel:, sip:)</legend>
        <label>
          <input type="radio" name="deep-link-action" checked={deepLinkAction === 'ask'} onChange={() => save({ deepLinkAction: 'ask' })} />
          Ask before dialing
        </label>
        <label>
          <input type="radio" name="deep-link-action" checked={deepLinkAction === 'dial'} onChange={() => save({ deepLinkAction: 'dial' })} />
          Dial immediately
        </label>
      </fieldset>
    </section>
  );
}
