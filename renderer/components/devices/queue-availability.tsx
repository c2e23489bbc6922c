import type { AgentState, LineQueues } from '../../../preload/contract';
import { queueKey, queueStateKey } from '../../store/devices-commands';
import { useAppStore } from '../../store/store-context';
import { useCommands } from '../../store/use-commands';

const NOW: Record<AgentState, string> = {
  AVAILABLE: 'Available',
  UNAVAILABLE: 'Unavailable',
  WRAP_UP: 'Wrap-up',
  SIGN_IN: 'Signed in',
  SIGN_OUT: 'Signed out',
};

/** What an agent can move to from `state`: signing in first when signed out; signing out otherwise. */
export function agentChoices(state: AgentState | null): Array<{ value: AgentState; label: string }> {
  if (state === 'SIGN_OUT') return [{ value: 'SIGN_OUT', label: NOW.SIGN_OUT }, { value: 'SIGN_IN', label: 'Sign in' }];
  return [
    ...(state === 'SIGN_IN' ? [{ value: 'SIGN_IN' as const, label: NOW.SIGN_IN }] : []),
    { value: 'AVAILABLE', label: NOW.AVAILABLE },
    { value: 'UNAVAILABLE', label: NOW.UNAVAILABLE },
    ...(state === null ? [] : [{ value: 'WRAP_UP' as const, label: NOW.WRAP_UP }, { value: 'SIGN_OUT' as const, label: 'Sign out' }]),
  ];
}

/** "Queue availability" per line with call queues, and a checkbox per queue. */
export function QueueAvailability() {
  const lines = useAppStore((s) => s.devices.info?.queues);
  if (!lines || lines.length === 0) return null;
  return (
    <section className="pane" aria-labelledby="queues-heading">
      <h2 id="queues-heading" className="pane-title">
        Queues
      </h2>
      {lines.map((line) => (
        <LineQueuesView key={line.lineId} line={line} own={line.lineId === 'me'} />
      ))}
    </section>
  );
}

function LineQueuesView({ line, own }: { line: LineQueues; own: boolean }) {
  const devices = useCommands('devices');
  const busy = useAppStore((s) => s.ui.pending[queueStateKey(line.lineId)] === true);
  const pending = useAppStore((s) => s.ui.pending);
  const selectId = `queue-state-${line.lineId}`;
  const name = own ? 'Queue availability' : `Queue availability (${line.lineName})`;
  return (
    <div className="subsection" role="group" aria-label={own ? 'My queues' : `Queues on ${line.lineName}`}>
      {!own && <h3 className="subsection-title">{line.lineName}</h3>}
      <div className="field">
        <label className="field-label" htmlFor={selectId}>
          {name}
        </label>
        <select
          id={selectId}
          className="field-input"
          value={line.state ?? ''}
          aria-busy={busy}
          onChange={(event) => {
            if (!busy) void devices.setAgentState(line.lineId, event.target.value as AgentState);
          }}
        >
          {line.state === null && <option value="">Unknown</option>}
          {agentChoices(line.state).map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      {line.queues.length > 0 && (
        <ul className="queue-list">
          {line.queues.map((queue) => (
            <li key={queue.id}>
              <label title={queue.canChange ? undefined : 'Your administrator does not let agents join or leave this queue.'}>
                <input
                  type="checkbox"
                  checked={queue.available}
                  disabled={!queue.canChange}
                  aria-busy={pending[queueKey(line.lineId, queue.id)] === true}
                  onChange={(event) => void devices.setQueue(line.lineId, queue.id, event.target.checked)}
                />
                {queue.label}
              </label>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
