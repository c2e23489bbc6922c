import { useId } from 'react';
import type { SettingsPatch } from '../../../preload/contract';
import { useAppStore, useStoreApi } from '../../store/store-context';
import { useShallow } from 'zustand/react/shallow';

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
  const store = useStoreApi();
  const countryId = useId();
  const [country, deepLinkAction] = useAppStore(
    useShallow((s) => [s.settings.values?.defaultCountry ?? 'US', s.settings.values?.deepLinkAction ?? 'ask'] as const),
  );
  // Show the choice at once (a controlled input would otherwise snap back until main answers),
  // then settle on what main stored, or put the old value back if it refused.
  const save = (patch: SettingsPatch) => {
    const state = store.getState();
    const before = state.settings.values;
    if (before) state.settings.setValues({ ...before, ...patch });
    void state.app.act('settings:set', 'Could not save settings', async (api) => {
      const result = await api.settings.set(patch);
      const now = store.getState().settings;
      if (result.ok) now.setValues(result.value);
      else if (before) now.setValues(before);
      return result;
    });
  };

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
