import { describe, expect, it } from 'vitest';
import { ADMIT_MAX_ITEMS, createMeetingsBook, INSTANCE_LISTING_DELAY_MS, type MeetingInput } from '../../../main/sandbox/meetings-state.js';
import { MEETING_ROUTES } from '../../../main/sandbox/meetings-routes.js';
import { CALLOUT_RING_MS } from '../../../preload/common/meetings.js';
import { FakeClock } from '../../fakes/fake-clock.js';

function book(input: Partial<MeetingInput> = {}) {
  const clock = new FakeClock();
  const b = createMeetingsBook(clock);
  const m = b.control.addMeeting({
    title: 'Sync',
    meetingNumber: '123456789',
    participants: [{ displayName: 'Host', host: true }, { displayName: 'Waiting', state: 'lobby', muted: true }],
    ...input,
  });
  return { clock, b, m };
}

const callout = (meetingId: string) => ({ meetingId, address: 'sip:room@example.com', addressType: 'sipAddress' as const, displayName: 'Room' });

/** Runs one of the line's routes as the server would, without a socket. */
function route(operationId: string, b: ReturnType<typeof createMeetingsBook>, body: unknown, query = new URLSearchParams()) {
  const r = MEETING_ROUTES.find((x) => x.operationId === operationId);
  if (!r) throw new Error(`no route ${operationId}`);
  return r.run({ meetings: b, body, params: {}, query, apiBase: 'http://127.0.0.1:1/v1' });
}

const ids = (items: ReturnType<ReturnType<typeof createMeetingsBook>['list']>) => items.map((x) => x.kind);

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
});

describe('List Meetings and meeting ids, as the contract describes them', () => {
  it('[MTG-01] a number answers the scheduled meeting (the series with current=false), whatever meetingType and state say', () => {
    const { b, m } = book();
    const byNumber = b.list({ meetingNumber: '123456789', meetingType: 'meeting', state: 'inProgress' });
    expect(ids(byNumber)).toEqual(['scheduledMeeting']);
    const body = route('listMeetings', b, undefined, new URLSearchParams({ meetingNumber: '123456789', meetingType: 'meeting', state: 'inProgress' })).body as {
      items: Array<{ id: string; meetingSeriesId: string; meetingType: string; state: string }>;
    };
    expect(body.items).toEqual([expect.objectContaining({ id: m.scheduledId, meetingSeriesId: m.seriesId, meetingType: 'scheduledMeeting', state: 'ready' })]);
    expect(ids(b.list({ meetingNumber: '123456789', current: 'false' }))).toEqual(['meetingSeries']);
    expect(b.list({ meetingNumber: '000' })).toEqual([]);
  });

  it('[MTG-02] the in-progress instance is listed by series only once Webex gets to it ("may take longer"); its scheduled meeting reads the roster meanwhile', () => {
    const { clock, b, m } = book();
    const instances = () => b.list({ meetingSeriesId: m.seriesId, meetingType: 'meeting', state: 'inProgress' });
    expect(instances()).toEqual([]);
    expect(b.participants(m.scheduledId).map((p) => p.displayName)).toEqual(['Host', 'Waiting']);
    clock.advance(INSTANCE_LISTING_DELAY_MS);
    expect(instances().map((x) => x.meeting.id)).toEqual([m.id]);
    expect(b.list({ meetingSeriesId: m.seriesId, meetingType: 'meeting', state: 'ended' })).toEqual([]);
    const never = book({ listedAfterMs: null });
    never.clock.advance(24 * 3600_000);
    expect(never.b.list({ meetingSeriesId: never.m.seriesId, meetingType: 'meeting' })).toEqual([]);
  });

  it('[MTG-03] a call-out names the meeting by id or by number ("Either meetingId or meetingNumber must be specified")', () => {
    const { b, m } = book();
    expect(b.callout({ ...callout(m.id), meetingId: undefined, meetingNumber: '123456789' })).toMatchObject({ meetingId: m.id, meetingNumber: '123456789' });
    expect(() => route('Call Out a SIP Participant', b, { address: 'sip:a@example.com', displayName: 'A' })).toThrow(/meetingId or meetingNumber/);
  });

  it('[MTG-04] ids have Webex shapes: series 32 hex, scheduled _yyyymmddThhmmssZ, instance _I_digits; participants start with the instance', () => {
    const { b, m } = book();
    expect(m.seriesId).toMatch(/^[0-9a-f]{32}$/);
    expect(m.scheduledId).toMatch(new RegExp(`^${m.seriesId}_\\d{8}T\\d{6}Z$`));
    expect(m.id).toMatch(new RegExp(`^${m.seriesId}_I_\\d+$`));
    expect(b.participants(m.id).every((p) => p.id.startsWith(`${m.id}_`))).toBe(true);
    expect(b.participants(m.seriesId)).toHaveLength(2);
  });
});

describe('who may do what', () => {
  it('[MTG-05] only the host lists the roster: a cohost and an attendee get 403', () => {
    const { b } = book();
    const cohosted = b.control.addMeeting({ title: 'Cohosted', meetingNumber: '555666777', role: 'cohost' });
    const theirs = b.control.addMeeting({ title: 'Theirs', meetingNumber: '987654321', role: 'attendee' });
    expect(() => b.participants(cohosted.id)).toThrow(expect.objectContaining({ status: 403, message: expect.stringMatching(/host/) }));
    expect(() => b.participants(theirs.scheduledId)).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('[MTG-06] mute, admit, expel, call-out and cancel are for the host or a cohost; an attendee gets 403', () => {
    const { b } = book();
    const people = [{ displayName: 'Boss', host: true }, { displayName: 'Guest', state: 'lobby' as const }];
    const cohosted = b.control.addMeeting({ title: 'Cohosted', meetingNumber: '555666777', role: 'cohost', participants: people });
    const guest = cohosted.participants[1]?.id ?? '';
    expect(b.update(guest, { muted: true })).toMatchObject({ muted: true });
    b.admit([guest]);
    const c = b.callout(callout(cohosted.id));
    b.cancelCallout(c.participantId);
    const theirs = b.control.addMeeting({ title: 'Theirs', meetingNumber: '987654321', role: 'attendee', participants: people });
    const boss = theirs.participants[0]?.id ?? '';
    expect(() => b.update(boss, { muted: true })).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => b.admit([theirs.participants[1]?.id ?? ''])).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => b.callout(callout(theirs.id))).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('[MTG-07] a user who has not joined cannot call out or cancel; once joined they can', () => {
    const { b, m } = book({ joined: false });
    expect(() => b.callout(callout(m.id))).toThrow(expect.objectContaining({ status: 403, message: expect.stringMatching(/join the meeting/) }));
    b.control.setJoined(m.id, true);
    const c = b.callout(callout(m.id));
    b.control.setJoined(m.id, false);
    expect(() => b.cancelCallout(c.participantId)).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('[MTG-13] the roster marks the host, the row CallDeck takes for its own user', () => {
    const { b, m } = book();
    expect(b.participants(m.id).filter((p) => p.host).map((p) => p.displayName)).toEqual(['Host']);
  });

  it('[MTG-14] a mute, admit or expel answers success and updates the state in the API, which the roster then shows', () => {
    const { b, m } = book();
    const waiting = m.participants[1]?.id ?? '';
    b.update(waiting, { muted: false });
    b.admit([waiting]);
    expect(b.participants(m.id).find((p) => p.id === waiting)).toMatchObject({ muted: false, state: 'joined' });
  });
});

describe('call-out answers and names', () => {
  it('[MTG-08] Webex may add fields and values to the call-out answer; the line can be told to', () => {
    const { b, m } = book();
    b.control.setCalloutBehavior({ answerAfterMs: null, answerExtras: { state: 'ringing', sipCallId: 'abc' } });
    const answer = route('Call Out a SIP Participant', b, callout(m.id)).body as Record<string, unknown>;
    expect(answer).toMatchObject({ state: 'ringing', sipCallId: 'abc', participantId: expect.any(String) });
  });

  it('[MTG-09] a call-out that arrived rings for its 30 seconds whether or not the caller still waits for the answer', () => {
    const { clock, b, m } = book();
    b.callout(callout(m.id));
    clock.advance(CALLOUT_RING_MS - 1);
    expect(b.control.pendingCallouts()).toHaveLength(1);
  });

  it('[MTG-10] an answered call-out joins with the participantId the answer gave and the invitationCorrelationId as its device correlationId', () => {
    const { b, m } = book();
    const c = b.callout({ ...callout(m.id), invitationCorrelationId: '871ab255-64e6-4cd2-a5af-d33953898356' });
    b.control.answer(c.participantId);
    const body = route('List Meeting Participants', b, undefined, new URLSearchParams({ meetingId: m.id })).body as {
      items: Array<{ id: string; displayName: string; devices: Array<{ correlationId: string }> }>;
    };
    const joined = body.items.find((p) => p.id === c.participantId);
    expect(joined?.devices[0]?.correlationId).toBe('871ab255-64e6-4cd2-a5af-d33953898356');
  });

  it('[MTG-11] the display name limit counts UTF-16 code units, on its own: 16 emoji fit, 17 do not', () => {
    const { b, m } = book();
    expect(route('Call Out a SIP Participant', b, { ...callout(m.id), displayName: '😀'.repeat(16) }).status).toBe(200);
    expect(() => route('Call Out a SIP Participant', b, { ...callout(m.id), displayName: '😀'.repeat(17) })).toThrow(/at most 32/);
    expect(() => route('Call Out a SIP Participant', b, { ...callout(m.id), displayName: 'x'.repeat(33) })).toThrow(/at most 32/);
  });

  it('[MTG-12] bulk admit takes at most 100 ids, all with one meeting prefix, and answers 204', () => {
    const { b, m } = book({ participants: Array.from({ length: 101 }, (_, i) => ({ displayName: `G${i}`, state: 'lobby' as const })) });
    const lobby = m.participants.map((p) => p.id);
    const items = (list: string[]) => ({ items: list.map((participantId) => ({ participantId })) });
    expect(() => route('Admit Participants', b, items(lobby))).toThrow(expect.objectContaining({ status: 400 }));
    const other = b.control.addMeeting({ title: 'Other', meetingNumber: '999888777', participants: [{ displayName: 'X', state: 'lobby' }] });
    expect(() => route('Admit Participants', b, items([lobby[0] ?? '', other.participants[0]?.id ?? '']))).toThrow(/same prefix/);
    expect(route('Admit Participants', b, items(lobby.slice(0, ADMIT_MAX_ITEMS))).status).toBe(204);
    expect(b.participants(m.id).filter((p) => p.state === 'lobby')).toHaveLength(1);
  });
});
