import './devices.css';
import { useShallow } from 'zustand/react/shallow';
import { CHOOSE_DEVICE_KEY, PULL_KEY } from '../../store/devices-commands';
import { useAppStore } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';

/** "Use device": where dialled calls ring first and where Answer, Retrieve, Pickup and Barge in land. */
export function DevicePicker() {
  const info = useAppStore((s) => s.devices.info);
  const [choosing, pulling] = useAppStore(useShallow((s) => [s.ui.pending[CHOOSE_DEVICE_KEY] === true, s.ui.pending[PULL_KEY] === true]));
  const hasCall = useAppStore((s) => s.calls.list.some((c) => c.line === undefined && (c.state === 'connected' || c.state === 'held' || c.state === 'remoteHeld')));
  const devices = useCommands('devices');
  if (!info || info.devices.length === 0) return null;
  const chosen = info.devices.find((d) => d.id === info.chosenId);
  const preferred = chosen !== undefined && chosen.id === info.preferredId;

  return (
    <div className="device-picker field">
      <label className="field-label" htmlFor="use-device">
        Use device
      </label>
      <div className="field-row">
        <select
          id="use-device"
          className="field-input"
          value={info.chosenId ?? ''}
          aria-describedby="use-device-note"
          aria-busy={choosing}
          onChange={(event) => void devices.choose(event.target.value, false)}
        >
          {info.devices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn"
          aria-disabled={pulling || !hasCall}
          title={hasCall ? undefined : 'Pull needs a call in progress on one of your devices.'}
          onClick={() => {
            if (!pulling && hasCall) void devices.pull();
          }}
        >
          Pull call
        </button>
      </div>
      <p id="use-device-note" className="hint">
        {chosen && !chosen.remoteAnswer
          ? `${chosen.name} rings, but CallDeck cannot answer it. Answer on the phone itself.`
          : preferred
            ? 'Your preferred answer device.'
            : 'Calls you place ring here first.'}
        {chosen && !preferred && (
          <>
            {' '}
            <button type="button" className="btn-link" aria-disabled={choosing} onClick={() => void devices.choose(chosen.id, true)}>
              Make preferred
            </button>
          </>
        )}
      </p>
    </div>
  );
}
