import { describe, expect, it } from 'vitest';
import { createMeetingsBook } from '../../../main/sandbox/meetings-state.js';
import { CALLOUT_RING_MS } from '../../../preload/common/meetings.js';
import { FakeClock } from '../../fakes/fake-clock.js';

function book() {
  const clock = new FakeClock();
  const b = createMeetingsBook(clock);
  const m = b.control.addMeeting({
    title: 'Sync',
    meetingNumber: '123456789',
    participants: [{ displayName: 'Host', host: true }, { displayName: 'Waiting', state: 'lobby', muted: true }],
  });
  return { clock, b, m };
}

const callout = (meetingId: string) => ({ meetingId, address: 'sip:room@example.com', addressType: 'sipAddress' as const, displayName: 'Room' });

describe("the built-in line's meetings", () => {
  it('a call-out is pending (not listed), then joins after the scripted delay', () => {
    const { clock, b, m } = book();
    b.control.setCalloutBehavior({ answerAfterMs: 4_000 });
    const c = b.callout(callout(m.id));
    expect(b.participants(m.id).map((p) => p.displayName)).not.toContain('Room');
    clock.advance(3_999);
    expect(b.control.pendingCallouts()).toHaveLength(1);
    clock.advance(1);
    expect(b.control.pendingCallouts()).toEqual([]);
    expect(b.participants(m.id).find((p) => p.id === c.participantId)).toMatchObject({ displayName: 'Room', state: 'joined' });
  });

  it('nobody answering: ringing stops after 30 s and nobody joins; a late cancel is 404', () => {
    const { clock, b, m } = book();
    const c = b.callout(callout(m.id));
    clock.advance(CALLOUT_RING_MS);
    expect(b.control.pendingCallouts()).toEqual([]);
    expect(b.participants(m.id)).toHaveLength(2);
    expect(() => b.cancelCallout(c.participantId)).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('cancel stops the ringing; the callee never joins', () => {
    const { clock, b, m } = book();
    b.control.setCalloutBehavior({ answerAfterMs: 1_000 });
    const c = b.callout(callout(m.id));
    b.cancelCallout(c.participantId);
    clock.advance(60_000);
    expect(b.participants(m.id)).toHaveLength(2);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('admit moves the lobby in; expel wins over admit and muted; a left person cannot be changed', () => {
    const { b, m } = book();
    const waiting = m.participants[1]?.id ?? '';
    expect(b.update(waiting, { expel: true, admit: true, muted: false })).toMatchObject({ state: 'end', muted: true });
    expect(() => b.update(waiting, { muted: false })).toThrow(expect.objectContaining({ status: 404 }));
    const other = b.control.addParticipant(m.id, { displayName: 'Late', state: 'lobby' });
    expect(b.update(other.id, { admit: true })).toMatchObject({ state: 'joined' });
    expect(b.update(other.id, { admit: true })).toMatchObject({ state: 'joined' });
  });

  it('someone who is not the host or a cohost gets 403 for everything about the roster', () => {
    const { b } = book();
    const theirs = b.control.addMeeting({ title: 'Theirs', meetingNumber: '987654321', role: 'attendee', participants: [{ displayName: 'Boss', host: true }] });
    expect(() => b.participants(theirs.id)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => b.update(theirs.participants[0]?.id ?? '', { muted: true })).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => b.callout(callout(theirs.id))).toThrow(expect.objectContaining({ status: 403 }));
    const cohosted = b.control.addMeeting({ title: 'Cohosted', meetingNumber: '555666777', role: 'cohost' });
    expect(b.participants(cohosted.id)).toEqual([]);
  });

  it('lists a number as Webex does: series and in-progress instance, whatever meetingType and state say', () => {
    const { b } = book();
    expect(b.list({ meetingNumber: '123456789', meetingType: 'scheduledMeeting', state: 'ended' }).map((x) => x.kind)).toEqual(['meetingSeries', 'meeting']);
    expect(b.list({ meetingNumber: '000' })).toEqual([]);
  });
});
