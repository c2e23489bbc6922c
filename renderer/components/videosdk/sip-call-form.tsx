import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { ErrorValue, StartSipCallArgs } from '../../../preload/contract';
import { readSipTarget } from '../../../preload/common/sip-target';
import { useAppStore } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';
import { VIDEOSDK_KEYS } from '../../store/videosdk-commands';
import { ErrorBlock } from '../shared/error-block';
import { TextField } from '../shared/text-input';

type Route = 'trunk' | 'gateway';
type FieldName = 'roomId' | 'to' | 'trunkId' | 'displayName' | 'from' | 'gatewayId';
type Errors = Partial<Record<FieldName, string>>;

const ID_PATTERN = /^\S+$/;

function idError(value: string, what: string): string | undefined {
  const text = value.trim();
  if (text === '') return `Enter the ${what}.`;
  if (!ID_PATTERN.test(text)) return `The ${what} has no spaces.`;
  if (text.length > 128) return `The ${what} is at most 128 characters.`;
  return undefined;
}

/** Checks everything the window can check; what it refuses is never sent. */
function validate(route: Route, values: Record<FieldName, string>, country: string): { errors: Errors; args?: StartSipCallArgs } {
  const errors: Errors = {};
  const room = idError(values.roomId, 'room ID');
  if (room) errors.roomId = room;
  const target = readSipTarget(values.to, country);
  if (!target.ok) errors.to = target.reason;
  if (route === 'trunk') {
    const trunk = idError(values.trunkId, 'trunk ID');
    if (trunk) errors.trunkId = trunk;
    if (values.displayName.trim() === '') errors.displayName = 'Enter a display name.';
    else if (values.displayName.trim().length > 64) errors.displayName = 'The display name is at most 64 characters.';
    if (values.from.trim() !== '') {
      const from = readSipTarget(values.from, country);
      if (!from.ok || from.kind !== 'phone') errors.from = 'Enter one of the trunk’s numbers, like +14155550100, or leave it empty.';
    }
  } else {
    const gateway = idError(values.gatewayId, 'gateway ID');
    if (gateway) errors.gatewayId = gateway;
  }
  if (Object.keys(errors).length > 0 || !target.ok) return { errors };
  const common = { roomId: values.roomId.trim(), to: target.value };
  if (route === 'gateway') return { errors, args: { route, ...common, gatewayId: values.gatewayId.trim() } };
  const from = values.from.trim() === '' ? undefined : readSipTarget(values.from, country);
  return {
    errors,
    args: {
      route,
      ...common,
      trunkId: values.trunkId.trim(),
      displayName: values.displayName.trim(),
      ...(from?.ok ? { from: from.value } : {}),
    },
  };
}

const EMPTY: Record<FieldName, string> = { roomId: '', to: '', trunkId: '', displayName: '', from: '', gatewayId: '' };

export function SipCallForm() {
  const id = useId();
  const commands = useCommands('videosdk');
  const country = useAppStore((s) => s.settings.values?.defaultCountry ?? 'US');
  const starting = useAppStore((s) => s.ui.pending[VIDEOSDK_KEYS.start] === true);
  const [route, setRoute] = useState<Route>('trunk');
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ErrorValue | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  const set = (name: FieldName) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (starting) return;
    const checked = validate(route, values, country);
    setErrors(checked.errors);
    setFailure(null);
    setOutcome(null);
    if (!checked.args) return;
    const result = await commands.start(checked.args);
    if (!result) return;
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setOutcome(result.value.participantId !== undefined ? `Participant ID: ${result.value.participantId}` : 'SIP call started.');
  }

  const field = (name: FieldName, label: string, hint?: string) => (
    <TextField id={`${id}-${name}`} label={label} value={values[name]} onChange={set(name)} error={errors[name]} {...(hint ? { hint } : {})} />
  );

  return (
    <form className="sip-call-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Start a SIP call">
      <fieldset className="route-choice">
        <legend>Route</legend>
        {(['trunk', 'gateway'] as const).map((value) => (
          <label key={value} className="route-option">
            <input type="radio" name={`${id}-route`} value={value} checked={route === value} onChange={() => setRoute(value)} />
            {value === 'trunk' ? 'Trunk' : 'Gateway'}
          </label>
        ))}
      </fieldset>
      {field('roomId', 'Room ID')}
      {field('to', 'Call to', 'A phone number like +14155550123, or a SIP address like sip:alice@example.com.')}
      {route === 'trunk' ? (
        <>
          {field('trunkId', 'Trunk ID')}
          {field('displayName', 'Display name')}
          {field('from', 'From number', 'Optional: one of the trunk’s numbers. Empty uses the trunk’s first.')}
        </>
      ) : (
        field('gatewayId', 'Gateway ID')
      )}
      <button type="submit" className="btn btn-primary" aria-busy={starting} aria-disabled={starting}>
        Start SIP call
      </button>
      {outcome && (
        <p role="status" className="sip-call-outcome">
          {outcome}
        </p>
      )}
      {failure && <ErrorBlock failure={{ title: "Couldn't start the SIP call", error: failure }} className="inline-error" />}
    </form>
  );
}
