import { DIAL_KEY } from '../../store/calls-commands';
import { CommandField } from '../shared/command-field';
import { useCommands } from '../../store/use-commands';

export function Dialer() {
  const calls = useCommands('calls');
  return (
    <section className="pane" aria-labelledby="dialer-heading">
      <h2 id="dialer-heading" className="pane-title">
        Make a call
      </h2>
      <CommandField
        label="Number to call"
        buttonLabel="Call"
        pendingKey={DIAL_KEY}
        requiredMessage="Enter a number or address to call."
        hint="A number, an extension or a SIP address."
        primary
        submit={(value) => calls.dial(value)}
      />
    </section>
  );
}
