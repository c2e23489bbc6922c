// Loaded when my devices arrive: see lazy-views.
import { DevicePicker } from '../window/lazy-views';
import { DialCombobox } from './dial-combobox';

export function Dialer() {
  return (
    <section className="pane" aria-labelledby="dialer-heading">
      <h2 id="dialer-heading" className="pane-title">
        Make a call
      </h2>
      <DevicePicker />
      <DialCombobox />
    </section>
  );
}
