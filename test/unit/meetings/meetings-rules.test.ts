/**
 * The Webex Meetings rules CallDeck relies on (docs/provider-rules.md, MTG-…), each driven through
 * the feature against the built-in line over real HTTP.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_RETRY_WAIT_MAX_MS } from '../../../main/meetings/meetings-feature.js';
import { CALLOUT_MAY_RING, JOIN_FIRST, MUST_HOST_OR_COHOST } from '../../../main/meetings/refusals.js';
import { INSTANCE_LISTING_DELAY_MS } from '../../../main/sandbox/meetings-state.js';
import { meetingsWorld, seedAllHands, type MeetingsWorld } from './meetings-world.js';

let w: MeetingsWorld;
afterEach(async () => w.close());

const h = () => w.feature.handlers;
const sent = (suffix: string) => w.exchanges.filter((x) => x.method === 'POST' && x.path.endsWith(suffix));
const body = (x: { requestBody: string } | undefined) => JSON.parse(x?.requestBody ?? '{}') as Record<string, unknown>;

async function fails(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: { code: string; message: string; status?: number; trackingId?: string; details?: string[] }) => error,
  );
}

describe('opening by number when Webex does not list the running instance yet', () => {
  it('[MTG-02] reads the roster through the scheduled meeting and says the instance is not listed', async () => {
    w = await meetingsWorld();
    const m = seedAllHands(w.line);
    const s = await h()['meetings:open']({ meeting: '26345551234' });
    expect(s.meeting).toEqual({ id: m.scheduledId, number: '26345551234', title: 'All hands', listed: false });
    expect(s.participants.map((p) => p.displayName)).toContain('Reception');
    expect(w.exchanges.find((x) => x.path === '/v1/meetingParticipants')?.query.meetingId).toBe(m.scheduledId);
  });

  it('[MTG-02] once Webex lists the instance, opening again uses the instance', async () => {
    w = await meetingsWorld();
    const m = seedAllHands(w.line);
    w.clock.advance(INSTANCE_LISTING_DELAY_MS);
    const s = await h()['meetings:open']({ meeting: '26345551234' });
    expect(s.meeting).toMatchObject({ id: m.id, listed: true });
  });

  it('[MTG-03] calls out by meetingNumber while the instance is not listed, and by the instance id once it is', async () => {
    w = await meetingsWorld();
    const m = seedAllHands(w.line);
    await h()['meetings:open']({ meeting: '26345551234' });
    await h()['meetings:callout']({ address: 'sip:room@example.com', displayName: 'Room' });
    expect(body(sent('/callout')[0])).toMatchObject({ meetingNumber: '26345551234' });
    expect(body(sent('/callout')[0])).not.toHaveProperty('meetingId');
    w.clock.advance(INSTANCE_LISTING_DELAY_MS);
    await h()['meetings:open']({ meeting: '26345551234' });
    await h()['meetings:callout']({ address: 'sip:room2@example.com', displayName: 'Room 2' });
    expect(body(sent('/callout')[1])).toMatchObject({ meetingId: m.id });
  });
});

describe('opening by id', () => {
  it('[MTG-04] takes Webex ids: 32 hex, with _I_<digits> or _<yyyymmdd>T<hhmmss>Z; refuses other shapes before sending', async () => {
    w = await meetingsWorld();
    const m = seedAllHands(w.line);
    for (const id of [m.id, m.scheduledId, m.seriesId]) {
      expect((await h()['meetings:open']({ meeting: id })).meeting).toEqual({ id, title: 'Meeting' });
    }
    const before = w.exchanges.length;
    for (const bad of ['d8c3347d7ec04242ba9b856184b334a', `${m.seriesId}_X_1`, `${m.seriesId}_20261203T2030Z`, 'meeting-room-42-abcdefgh']) {
      expect(await fails(h()['meetings:open']({ meeting: bad }))).toMatchObject({ code: 'invalid-input' });
    }
    expect(w.exchanges.length).toBe(before);
    await h()['meetings:callout']({ address: 'sip:room@example.com', displayName: 'Room' });
    expect(body(sent('/callout')[0])).toMatchObject({ meetingId: m.seriesId });
  });
});

describe('roles and joining', () => {
  it('[MTG-06] a mute refused with 403 says "you must be the host or a cohost" with Webex words and trackingId, and re-reads', async () => {
    w = await meetingsWorld();
    const m = seedAllHands(w.line);
    const s = await h()['meetings:open']({ meeting: '26345551234' });
    const guest = s.participants.find((p) => p.displayName === 'Sam Rivera')?.id ?? '';
    w.line.meetings.setRole(m.id, 'attendee');
    const error = await fails(h()['meetings:mute']({ participantId: guest }));
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
    expect(error.message).toContain(MUST_HOST_OR_COHOST);
    expect(error.message).toContain('Webex said: “The user must be the meeting host or a cohost.”');
    expect(error.trackingId).toBeTruthy();
  });

  it('[MTG-06] a cohost may admit; the re-read after it finds the roster closed to a cohost', async () => {
    w = await meetingsWorld();
    const m = seedAllHands(w.line);
    await h()['meetings:open']({ meeting: '26345551234' });
    w.line.meetings.setRole(m.id, 'cohost');
    const sam = w.feature.snapshot().participants.find((p) => p.displayName === 'Sam Rivera')?.id ?? '';
    await h()['meetings:admit']({ participantId: sam });
    expect(w.line.meetings.meetings()[0]?.participants.find((p) => p.id === sam)?.state).toBe('joined');
    // The re-read after it was refused: the view now says only the host sees the list.
    expect(w.feature.snapshot().rosterHidden).toBeDefined();
  });

  it('[MTG-07] before joining, a call-out is refused with "join the meeting in Webex first", not a host-or-cohost claim', async () => {
    w = await meetingsWorld();
    const m = seedAllHands(w.line, { joined: false });
    await h()['meetings:open']({ meeting: '26345551234' });
    const error = await fails(h()['meetings:callout']({ address: 'sip:room@example.com', displayName: 'Room' }));
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
    expect(error.message).toContain(JOIN_FIRST);
    expect(error.message).toContain('Webex said: “The user must join the meeting before invoking the API.”');
    expect(error.message).not.toMatch(/must be the host or a cohost/i);
    expect(w.feature.snapshot().callouts).toEqual([]);
    w.line.meetings.setJoined(m.id, true);
    const { participantId } = await h()['meetings:callout']({ address: 'sip:room@example.com', displayName: 'Room' });
    w.line.meetings.setJoined(m.id, false);
    expect((await fails(h()['meetings:cancelCallout']({ participantId }))).message).toContain('Join the meeting in Webex first');
  });

  it('[MTG-13] the host row is marked as yours and cannot be expelled from here', async () => {
    w = await meetingsWorld();
    seedAllHands(w.line);
    const s = await h()['meetings:open']({ meeting: '26345551234' });
    const me = s.participants.find((p) => p.you === true);
    expect(me?.displayName).toBe('Reception');
    expect(s.participants.filter((p) => p.you === true)).toHaveLength(1);
    const before = w.exchanges.length;
    expect(await fails(h()['meetings:expel']({ participantId: me?.id ?? '' }))).toMatchObject({ code: 'conflict' });
    expect(w.exchanges.length).toBe(before);
  });
});

describe('call-out answers', () => {
  it('[MTG-08] a 2xx with new fields and values still makes the "Calling out" row', async () => {
    w = await meetingsWorld();
    seedAllHands(w.line);
    await h()['meetings:open']({ meeting: '26345551234' });
    w.line.meetings.setCalloutBehavior({ answerAfterMs: null, answerExtras: { state: 'dialing', addressType: 'h323', ringTimeout: 30, meetingId: 42 } });
    const { participantId } = await h()['meetings:callout']({ address: 'sip:room@example.com', displayName: 'Room' });
    expect(w.feature.snapshot().callouts).toEqual([expect.objectContaining({ participantId, displayName: 'Room', state: 'ringing' })]);
  });

  it('[MTG-08] a 2xx without a participantId still makes the row, which cannot be cancelled and times out', async () => {
    w = await meetingsWorld();
    seedAllHands(w.line);
    await h()['meetings:open']({ meeting: '26345551234' });
    w.line.meetings.setCalloutBehavior({ answerAfterMs: null, answerExtras: { participantId: null } });
    const { participantId } = await h()['meetings:callout']({ address: 'sip:room@example.com', displayName: 'Room' });
    expect(participantId).toMatch(/^invitation:/);
    expect(w.feature.snapshot().callouts[0]).toMatchObject({ canCancel: false, state: 'ringing' });
    expect(await fails(h()['meetings:cancelCallout']({ participantId }))).toMatchObject({ code: 'conflict' });
  });

  it('[MTG-09] a call-out POST that times out is not retried; the error says the phone may already be ringing', async () => {
    w = await meetingsWorld({ httpTimeoutMs: 300 });
    seedAllHands(w.line);
    await h()['meetings:open']({ meeting: '26345551234' });
    w.line.control.injectFault({ kind: 'slow', delayMs: 800, path: '/meetingParticipants/callout', method: 'POST' });
    const error = await fails(h()['meetings:callout']({ address: 'sip:room@example.com', displayName: 'Room' }));
    expect(error.code).toBe('timeout');
    expect(error.message).toContain(CALLOUT_MAY_RING);
    await new Promise((resolve) => setTimeout(resolve, 900));
    // The line got it after CallDeck gave up: it rings, and it was sent once.
    expect(w.line.meetings.pendingCallouts()).toHaveLength(1);
    expect(w.line.control.state().requests.filter((r) => r.path.endsWith('/callout'))).toHaveLength(1);
  });

  it('[MTG-09] a call-out whose connection is reset is not retried either', async () => {
    w = await meetingsWorld();
    seedAllHands(w.line);
    await h()['meetings:open']({ meeting: '26345551234' });
    w.line.control.injectFault({ kind: 'drop', path: '/meetingParticipants/callout', method: 'POST' });
    const error = await fails(h()['meetings:callout']({ address: 'sip:room@example.com', displayName: 'Room' }));
    expect(error.code).toBe('network');
    expect(error.message).toContain('may already be ringing');
    expect(w.line.control.state().requests.filter((r) => r.path.endsWith('/callout'))).toHaveLength(1);
  });

  it('[MTG-10] a pending row leaves only when its own participant joins, never for a namesake', async () => {
    w = await meetingsWorld();
    const m = seedAllHands(w.line);
    await h()['meetings:open']({ meeting: '26345551234' });
    await h()['meetings:watch'](undefined);
    const { participantId } = await h()['meetings:callout']({ address: 'sip:room@example.com', displayName: 'Lobby phone' });
    w.line.meetings.addParticipant(m.id, { displayName: 'Lobby phone' });
    await w.elapse(6_000);
    expect(w.feature.snapshot().callouts.map((c) => c.participantId)).toEqual([participantId]);
    w.line.meetings.answer(participantId);
    await w.elapse(6_000);
    expect(w.feature.snapshot().callouts).toEqual([]);
  });
});

describe('host tools', () => {
  it('[MTG-12] "Admit all" admits the whole lobby in requests of at most 100 ids, then re-reads', async () => {
    w = await meetingsWorld();
    const m = seedAllHands(w.line, { crowd: 0 });
    for (let i = 0; i < 149; i += 1) w.line.meetings.addParticipant(m.id, { displayName: `Waiting ${i}`, state: 'lobby' });
    await h()['meetings:open']({ meeting: '26345551234' });
    await h()['meetings:admitAll'](undefined);
    const batches = sent('/meetingParticipants/admit').map((x) => (body(x).items as unknown[]).length);
    expect(batches).toEqual([100, 50]);
    expect(w.feature.snapshot().participants.filter((p) => p.state === 'lobby')).toEqual([]);
    expect(await fails(h()['meetings:admitAll'](undefined))).toMatchObject({ code: 'conflict' });
  });
});

describe('423 Locked', () => {
  it('[MTG-15] a 423 with Retry-After on the roster is waited out like a 429', async () => {
    w = await meetingsWorld();
    seedAllHands(w.line);
    await h()['meetings:open']({ meeting: '26345551234' });
    await h()['meetings:watch'](undefined);
    await w.settle();
    w.line.control.injectFault({ kind: 'status', status: 423, retryAfterSec: 20, path: '/meetingParticipants', method: 'GET' });
    await w.elapse(5_000);
    const reads = () => w.exchanges.filter((x) => x.path === '/v1/meetingParticipants').length;
    const locked = reads();
    expect(w.feature.snapshot().sync.error).toMatchObject({ code: 'rate-limited', status: 423, retryAfterMs: 20_000 });
    await w.elapse(19_000);
    expect(reads()).toBe(locked);
    await w.elapse(1_000);
    expect(reads()).toBe(locked + 1);
    expect(w.feature.snapshot().sync.state).toBe('ok');
  });

  it('[MTG-15] a mute answered 423 with a short Retry-After is sent once more after the wait; a long one is shown', async () => {
    w = await meetingsWorld();
    seedAllHands(w.line);
    const s = await h()['meetings:open']({ meeting: '26345551234' });
    const sam = s.participants.find((p) => p.displayName === 'Sam Rivera')?.id ?? '';
    w.line.control.injectFault({ kind: 'status', status: 423, retryAfterSec: 2, method: 'PUT' });
    const muting = h()['meetings:mute']({ participantId: sam });
    await w.elapse(2_000);
    await muting;
    expect(w.exchanges.filter((x) => x.method === 'PUT').map((x) => x.status)).toEqual([423, 200]);
    w.line.control.injectFault({ kind: 'status', status: 423, retryAfterSec: ACTION_RETRY_WAIT_MAX_MS / 1000 + 1, method: 'PUT' });
    expect(await fails(h()['meetings:unmute']({ participantId: sam }))).toMatchObject({ code: 'rate-limited', status: 423 });
  });
});
