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

const host = { id: 'host', correlationIds: ['c-host'] };
const CORR = '871ab255-64e6-4cd2-a5af-d33953898356';
const newCallout = (participantId: string | undefined, displayName = 'Boardroom', invitationCorrelationId = CORR) => ({
  participantId,
  invitationCorrelationId,
  displayName,
  address: 'boardroom@example.com',
});

describe('pending call-outs', () => {
  it('ring for 30 s with a countdown end, then end as no answer', () => {
    const w = world();
    w.callouts.add(newCallout('p1'));
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

  it('[MTG-10] turn into the joined participant when the roster shows their id, and stop counting down', () => {
    const w = world();
    w.callouts.add(newCallout('p1'));
    expect(w.callouts.reconcile([host])).toEqual([]);
    expect(w.callouts.reconcile([host, { id: 'p1', correlationIds: [] }])).toEqual(['p1']);
    expect(w.callouts.list()).toEqual([]);
    expect(w.clock.pendingTimers()).toBe(0);
  });

  it('[MTG-10] match by the invitationCorrelationId on a device when Webex gave the joined person another id', () => {
    const w = world();
    w.callouts.add(newCallout('p1'));
    expect(w.callouts.reconcile([host, { id: 'other', correlationIds: [CORR] }])).toEqual(['p1']);
  });

  it('[MTG-10] never match by display name: a namesake joining is not the callee', () => {
    const w = world();
    w.callouts.add(newCallout('p1', 'Lobby phone'));
    expect(w.callouts.reconcile([host, { id: 'new', correlationIds: ['c-new'] }])).toEqual([]);
    expect(w.callouts.isRinging('p1')).toBe(true);
  });

  it('[MTG-08] an answer without a participantId is kept under its invitation, not cancellable', () => {
    const w = world();
    const key = w.callouts.add(newCallout(undefined));
    expect(key).toBe(`invitation:${CORR}`);
    expect(w.callouts.list()[0]).toMatchObject({ participantId: key, canCancel: false });
    expect(w.callouts.participantIdOf(key)).toBeUndefined();
    expect(w.callouts.reconcile([{ id: 'x', correlationIds: [CORR] }])).toEqual([key]);
  });

  it('cancel removes a ringing one and its timer', () => {
    const w = world();
    w.callouts.add(newCallout('p1', 'A', 'a3bb189e-8bf9-3888-9912-ace4e6543001'));
    w.callouts.add(newCallout('p2', 'B', 'a3bb189e-8bf9-3888-9912-ace4e6543002'));
    expect(w.callouts.remove('p1')).toBe(true);
    expect(w.callouts.remove('p1')).toBe(false);
    expect(w.clock.pendingTimers()).toBe(1);
    w.callouts.clear();
    expect(w.clock.pendingTimers()).toBe(0);
    expect(w.callouts.list()).toEqual([]);
  });
});
