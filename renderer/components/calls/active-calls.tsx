import { useRef } from 'react';
import { useFocusRescue } from '../../hooks/use-focus-rescue';
import { useNarrowWindow } from '../../hooks/use-narrow-window';
import { useAppStore } from '../../store/store-context';
import { LineFilter } from '../devices/line-filter';
import { CallItem } from './call-item';
import { ACTIVE_CALLS_HEADING_ID, activeCallsHeading } from './focus-targets';

export function ActiveCalls() {
  const loaded = useAppStore((s) => s.calls.loaded);
  const all = useAppStore((s) => s.calls.list);
  const lineFilter = useAppStore((s) => s.devices.lineFilter);
  const listed = lineFilter === 'all' ? all : all.filter((c) => (c.line?.id ?? 'me') === lineFilter);
  const narrow = useNarrowWindow();
  // One column leaves room for about one call above the fold: a ringing incoming call goes first
  // there, so its Answer button never sits below calls already in hand (our own phone alerting for
  // a dial is not one). Wide, rows keep main's stable order.
  const incoming = (c: (typeof listed)[number]) => c.state === 'alerting' && c.personality === 'terminator';
  const calls = narrow ? [...listed.filter(incoming), ...listed.filter((c) => !incoming(c))] : listed;
  const ref = useRef<HTMLElement>(null);

  // A call the user was working on ended: go to the next call's first button, else the heading.
  useFocusRescue(
    ref,
    calls.map((c) => c.id).join(','),
    () => ref.current?.querySelector<HTMLElement>('.call-actions button') ?? activeCallsHeading(),
  );

  return (
    <section className="pane pane-calls" aria-labelledby={ACTIVE_CALLS_HEADING_ID} ref={ref}>
      <h2 id={ACTIVE_CALLS_HEADING_ID} className="pane-title" tabIndex={-1}>
        Active calls
      </h2>
      {!loaded ? (
        <p className="empty" role="status">
          Connecting to your line…
        </p>
      ) : (
        <>
          <LineFilter />
          {/* Present even when empty ("list, 0 items" is the truth), so it is always findable. */}
          <ul className="call-list" aria-label="Active calls">
            {calls.map((call) => (
              <CallItem key={call.id} call={call} />
            ))}
          </ul>
          {calls.length === 0 && (
            <div className="empty">
              <p className="empty-title">No active calls</p>
              <p className="hint">Calls appear here as soon as they ring. To place one, use Make a call.</p>
            </div>
          )}
        </>
      )}
    </section>
  );
}
