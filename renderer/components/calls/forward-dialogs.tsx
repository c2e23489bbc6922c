import type { Call } from '../../../preload/contract';
import { partyName } from '../../../preload/common/party-text';
import { pendingKey } from '../../store/calls-commands';
import { useAppStore } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';
import { CallTargetDialog } from './call-target-dialog';

/** Forward… a ringing call: to a number, or straight into that person's voicemail (divert). */
export function ForwardDialog({ call, onClose }: { call: Call; onClose(): void }) {
  const calls = useCommands('calls');
  const country = useAppStore((s) => s.settings.values?.defaultCountry);
  return (
    <CallTargetDialog
      title={`Forward call from ${partyName(call.remote, country)}`}
      fieldLabel="Forward to"
      fieldHint="A number, an extension or a SIP address."
      requiredMessage="Enter where to forward the call."
      checkboxLabel="Straight to their voicemail"
      checkboxHint="Their phone won't ring; the caller can leave them a message."
      submitLabel="Forward"
      pendingKey={pendingKey(call.id, 'forward')}
      submit={(destination, toVoicemail) => calls.forward(call, destination, toVoicemail)}
      onClose={onClose}
    />
  );
}

/** Park at… a connected call: an extension, the call park group, or (empty) my own line. */
export function ParkAtDialog({ call, onClose }: { call: Call; onClose(): void }) {
  const calls = useCommands('calls');
  const country = useAppStore((s) => s.settings.values?.defaultCountry);
  return (
    <CallTargetDialog
      title={`Park call with ${partyName(call.remote, country)}`}
      fieldLabel="Park at"
      fieldHint="An extension. Leave empty to park on your own line."
      checkboxLabel="Group park"
      checkboxHint="Webex picks a free spot in your call park group."
      checkboxDisablesField
      submitLabel="Park"
      pendingKey={pendingKey(call.id, 'park')}
      submit={(destination, isGroupPark) =>
        calls.park(call, isGroupPark ? { isGroupPark: true } : destination ? { destination } : {}, { report: (e) => e.code !== 'invalid-input' })
      }
      onClose={onClose}
    />
  );
}
