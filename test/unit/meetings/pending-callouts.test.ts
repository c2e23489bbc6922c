import { describe, expect, it } from 'vitest';
import { createPendingCallouts } from '../../../main/meetings/pending-callouts.js';
import { CALLOUT_RING_MS } from '../../../preload/common/meetings.js';
import { FakeClock } from '../../fakes/fake-clock.js';

function world() {
  const clock = new FakeClock();
  let changes = 0;
  const callouts = createPendingCallouts({ clock, onChange: () => (changes += 1) });
  return { clock, callouts, changes: () => changes };
}

const roster = [{ id: 'host', displayName: 'Reception' }];

describe('pending call-outs', () => {
  it('ring for 30 s with a countdown end, then end as no answer', () => {
    const w = world();
    w.callouts.add({ participantId: 'p1', displayName: 'Boardroom', address: 'boardroom@example.com' }, roster);
    const [item] = w.callouts.list();
    expect(item).toMatchObject({ state: 'ringing', startedAt: w.clock.iso() });
    expect(Date.parse(item?.endsAt ?? '') - Date.parse(item?.startedAt ?? '')).toBe(CALLOUT_RING_MS);

    w.clock.advance(CALLOUT_RING_MS - 1);
    expect(w.callouts.list()[0]?.state).toBe('ringing');
    expect(w.changes()).toBe(0);
    w.clock.advance(1);
    expect(w.callouts.list()[0]?.state).toBe('no-answer');
    expect(w.callouts.isRinging('p1')).toBe(false);
    expect(w.changes()).toBe(1);
    // No-answer stays until dismissed, so a person who looked away still sees it.
    w.clock.advance(10 * 60_000);
    expect(w.callouts.has('p1')).toBe(true);
    expect(w.callouts.remove('p1')).toBe(true);
    expect(w.callouts.list()).toEqual([]);
  });

  it('turn into the joined participant when the roster shows their id, and stop counting down', () => {
    const w = world();
    w.callouts.add({ participantId: 'p1', displayName: 'Boardroom', address: 'x' }, roster);
    expect(w.callouts.reconcile(roster)).toEqual([]);
    expect(w.callouts.reconcile([...roster, { id: 'p1', displayName: 'Boardroom' }])).toEqual(['p1']);
    expect(w.callouts.list()).toEqual([]);
    expect(w.clock.pendingTimers()).toBe(0);
  });

  it('also match a newcomer with the same name when Webex gave the joined person a new id', () => {
    const w = world();
    const withNamesake = [...roster, { id: 'old', displayName: 'Lobby phone' }];
    w.callouts.add({ participantId: 'p1', displayName: 'Lobby phone', address: 'x' }, withNamesake);
    // The namesake who was already there is not the callee.
    expect(w.callouts.reconcile(withNamesake)).toEqual([]);
    expect(w.callouts.reconcile([...withNamesake, { id: 'new', displayName: 'Lobby phone' }])).toEqual(['p1']);
  });

  it('cancel removes a ringing one and its timer', () => {
    const w = world();
    w.callouts.add({ participantId: 'p1', displayName: 'A', address: 'x' }, roster);
    w.callouts.add({ participantId: 'p2', displayName: 'B', address: 'y' }, roster);
    expect(w.callouts.remove('p1')).toBe(true);
    expect(w.callouts.remove('p1')).toBe(false);
    expect(w.clock.pendingTimers()).toBe(1);
    w.callouts.clear();
    expect(w.clock.pendingTimers()).toBe(0);
    expect(w.callouts.list()).toEqual([]);
  });
});
