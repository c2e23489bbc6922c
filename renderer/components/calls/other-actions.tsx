import { BARGE_KEY, PICKUP_KEY, RETRIEVE_KEY } from '../../store/calls-commands';
import { CommandField } from '../shared/command-field';
import { useCommands } from '../../store/use-commands';

export function OtherActions() {
  const calls = useCommands('calls');
  return (
    <section className="pane" aria-labelledby="other-actions-heading">
      <h2 id="other-actions-heading" className="pane-title">
        Other actions
      </h2>
      <div className="subsection">
        <h3 className="subsection-title">Pick up</h3>
        <CommandField
          label="Pickup target"
          buttonLabel="Pick up"
          pendingKey={PICKUP_KEY}
          hint="Leave empty to pick up a call ringing in your pickup group."
          submit={(value) => calls.pickup(value)}
        />
      </div>
      <div className="subsection">
        <h3 className="subsection-title">Retrieve parked call</h3>
        <CommandField
          label="Park extension"
          buttonLabel="Retrieve"
          pendingKey={RETRIEVE_KEY}
          hint="Leave empty to retrieve the call parked on your own line."
          submit={(value) => calls.retrieve(value)}
        />
      </div>
      <div className="subsection">
        <h3 className="subsection-title">Barge in</h3>
        <CommandField
          label="Colleague to barge in on"
          buttonLabel="Barge in"
          pendingKey={BARGE_KEY}
          requiredMessage="Enter the extension or number of the colleague whose call to join."
          hint="Joins a colleague's call in progress, by extension or number."
          submit={(value) => calls.bargeIn(value)}
        />
      </div>
    </section>
  );
}
