import { afterEach, describe, expect, it } from 'vitest';
import { ROSTER_HOST_ONLY } from '../../../main/meetings/refusals.js';
import { CALLOUT_RING_MS, MEETING_SCOPES, WATCH_LEASE_MS, WATCH_RENEW_MS } from '../../../preload/common/meetings.js';
import { meetingsWorld, seedAllHands, type MeetingsWorld } from './meetings-world.js';

let w: MeetingsWorld;
afterEach(async () => w.close());

const h = () => w.feature.handlers;
const rosterReads = () => w.exchanges.filter((x) => x.method === 'GET' && x.path === '/v1/meetingParticipants');
const names = () => w.feature.snapshot().participants.map((p) => p.displayName);

/** Time passing with the view open: it renews its watch every WATCH_RENEW_MS, as the window does. */
async function viewOpenFor(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += WATCH_RENEW_MS) {
    await w.elapse(Math.min(WATCH_RENEW_MS, ms - t));
    await h()['meetings:watch'](undefined);
  }
}

async function fails(promise: Promise<unknown>) {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: { code: string; message: string; trackingId?: string; details?: string[]; status?: number }) => error,
  );
}

describe('opening a meeting', () => {
  it('[MTG-01] resolves a spaced number to the scheduled meeting, then its listed instance, and lists who is present, across pages', async () => {
    w = await meetingsWorld();
    const seeded = seedAllHands(w.line, { crowd: 150, listedAfterMs: 0 });
    const s = await h()['meetings:open']({ meeting: ' 2634 555 1234 ' });
    expect(s.meeting).toEqual({ id: seeded.id, number: '26345551234', title: 'All hands', listed: true });
    expect(s.participants).toHaveLength(152);
    expect(s.leftCount).toBe(1);
    expect(names()).not.toContain('Lee Chen');
    expect(s.participants.find((p) => p.displayName === 'Sam Rivera')?.state).toBe('lobby');
    expect(rosterReads()).toHaveLength(2);
    expect(rosterReads().every((x) => Number(x.query.max) <= 100)).toBe(true);
    // The number alone (Webex ignores meetingType and state next to it), then the instance by series.
    expect(w.exchanges[0]?.query).toEqual({ meetingNumber: '26345551234' });
    expect(w.exchanges[1]?.query).toEqual({ meetingSeriesId: seeded.seriesId, meetingType: 'meeting', state: 'inProgress' });
    expect(rosterReads().every((x) => x.query.meetingId === seeded.id)).toBe(true);
  });

  it('says so when no meeting with that number is running, and refuses what is not a number or ID', async () => {
    w = await meetingsWorld();
    expect(await fails(h()['meetings:open']({ meeting: '1111 222 3333' }))).toMatchObject({ code: 'not-found', message: /no meeting with number 1111 222 3333/ });
    expect(await fails(h()['meetings:open']({ meeting: 'call me maybe' }))).toMatchObject({ code: 'invalid-input' });
    expect(await fails(h()['meetings:open']({ meeting: '  ' }))).toMatchObject({ code: 'invalid-input' });
  });

  it('[MTG-05] a meeting you do not host opens without its roster: the 403 is said in words, with Webex message and trackingId kept', async () => {
    w = await meetingsWorld();
    seedAllHands(w.line, { role: 'cohost' });
    const s = await h()['meetings:open']({ meeting: '26345551234' });
    expect(s.meeting?.title).toBe('All hands');
    expect(s.participants).toEqual([]);
    expect(s.rosterHidden).toMatchObject({ code: 'forbidden', status: 403 });
    expect(s.rosterHidden?.message).toContain(ROSTER_HOST_ONLY);
    expect(s.rosterHidden?.message).toMatch(/Webex said: “The user must be the meeting host or have an Administrator role/);
    expect(s.rosterHidden?.message).not.toMatch(/you must be the host or a cohost/i);
    expect(s.rosterHidden?.trackingId).toBeTruthy();
    // No polling of a roster Webex will not show; call-out still works for a cohost.
    await h()['meetings:watch'](undefined);
    await w.elapse(30_000);
    expect(rosterReads()).toHaveLength(1);
    const { participantId } = await h()['meetings:callout']({ address: 'sip:room@example.com', displayName: 'Room' });
    expect(w.feature.snapshot().callouts.map((c) => c.participantId)).toEqual([participantId]);
    await h()['meetings:cancelCallout']({ participantId });
    expect(w.line.meetings.pendingCallouts()).toEqual([]);
  });

  it('without the meeting scopes nothing is sent and the snapshot says which scopes and what to do', async () => {
    w = await meetingsWorld({ optedIn: false });
    seedAllHands(w.line);
    expect(w.feature.snapshot().access).toMatchObject({ state: 'needs-scopes', scopes: [...MEETING_SCOPES], howTo: /Use Webex Meetings.*sign in again/ });
    expect(await fails(h()['meetings:open']({ meeting: '26345551234' }))).toMatchObject({ code: 'forbidden' });
    expect(w.exchanges).toEqual([]);
  });

  it('an opted-in token missing one scope names just that one', async () => {
    w = await meetingsWorld({ optedIn: true, granted: ['spark:calls_read', 'meeting:participants_read', 'meeting:schedules_read'] });
    expect(w.feature.snapshot().access).toMatchObject({ state: 'needs-scopes', scopes: ['meeting:participants_write'] });
  });
});

describe('refresh cost: the roster is read only while the view is open', () => {
  it('12 reads a minute for a one-page roster while watching, none once unwatched or before watching', async () => {
    w = await meetingsWorld();
    seedAllHands(w.line);
    await h()['meetings:open']({ meeting: '26345551234' });
    const afterOpen = w.exchanges.length;
    await w.elapse(60_000);
    expect(w.exchanges.length - afterOpen).toBe(0);

    await h()['meetings:watch'](undefined);
    await w.settle();
    const start = rosterReads().length;
    await viewOpenFor(60_000);
    const open = rosterReads().length - start;
    expect(open).toBe(12); // one every 5 s (the read on opening the view came before `start`)

    await h()['meetings:unwatch'](undefined);
    const closedAt = w.exchanges.length;
    await w.elapse(5 * 60_000);
    expect(w.exchanges.length - closedAt).toBe(0);
    expect(w.clock.pendingTimers()).toBe(0);
  });

  it('a watch the window stops renewing lapses after a minute: a reloaded window cannot keep main polling', async () => {
    w = await meetingsWorld();
    seedAllHands(w.line);
    await h()['meetings:open']({ meeting: '26345551234' });
    await h()['meetings:watch'](undefined);
    await w.settle();
    await w.elapse(WATCH_LEASE_MS / 2);
    await h()['meetings:watch'](undefined); // renewed
    await w.elapse(WATCH_LEASE_MS - 1_000);
    expect(w.feature.snapshot().watching).toBe(true);
    await w.elapse(1_000);
    expect(w.feature.snapshot().watching).toBe(false);
    expect(w.events.at(-1)?.watching).toBe(false);
    const lapsed = w.exchanges.length;
    await w.elapse(5 * 60_000);
    expect(w.exchanges.length).toBe(lapsed);
    expect(w.clock.pendingTimers()).toBe(0);
  });

  it('switching "Use Webex Meetings" off stops the reads and the view says why; watching again does not fail', async () => {
    w = await meetingsWorld();
    seedAllHands(w.line);
    await h()['meetings:open']({ meeting: '26345551234' });
    await h()['meetings:watch'](undefined);
    await w.settle();
    w.facts.optedIn = false;
    w.feature.lineMayHaveChanged();
    expect(w.events.at(-1)?.access.state).toBe('needs-scopes');
    const before = w.exchanges.length;
    await w.elapse(60_000);
    expect(await h()['meetings:watch'](undefined)).toMatchObject({ access: { state: 'needs-scopes' } });
    await w.elapse(60_000);
    expect(w.exchanges.length).toBe(before);
  });

  it('a 230-person roster costs three pages per refresh (36 requests a minute)', async () => {
    w = await meetingsWorld();
    seedAllHands(w.line, { crowd: 228 });
    await h()['meetings:open']({ meeting: '26345551234' });
    await h()['meetings:watch'](undefined);
    await w.settle();
    const start = rosterReads().length;
    await viewOpenFor(60_000);
    expect(rosterReads().length - start).toBe(36);
  });
});

describe('participants', () => {
  it('[MTG-14] admit, mute and unmute each send only their own field and re-read the roster; expel removes them', async () => {
    w = await meetingsWorld();
    seedAllHands(w.line);
    const s = await h()['meetings:open']({ meeting: '26345551234' });
    const sam = s.participants.find((p) => p.displayName === 'Sam Rivera')?.id ?? '';
    await h()['meetings:admit']({ participantId: sam });
    expect(w.feature.snapshot().participants.find((p) => p.id === sam)?.state).toBe('joined');
    expect(await fails(h()['meetings:admit']({ participantId: sam }))).toMatchObject({ code: 'conflict' });
    await h()['meetings:mute']({ participantId: sam });
    expect(w.feature.snapshot().participants.find((p) => p.id === sam)?.muted).toBe(true);
    await h()['meetings:unmute']({ participantId: sam });
    await h()['meetings:expel']({ participantId: sam });
    expect(names()).not.toContain('Sam Rivera');
    expect(w.feature.snapshot().leftCount).toBe(2);
    const bodies = w.exchanges.filter((x) => x.method === 'PUT').map((x) => JSON.parse(x.requestBody) as unknown);
    expect(bodies).toEqual([{ admit: true }, { muted: true }, { muted: false }, { expel: true }]);
    // Each PUT is followed by a roster read: the screen shows what Webex's roster says, not the PUT's answer.
    const order = w.exchanges.filter((x) => x.method === 'PUT' || x.path === '/v1/meetingParticipants').map((x) => x.method);
    expect(order.slice(1)).toEqual(['PUT', 'GET', 'PUT', 'GET', 'PUT', 'GET', 'PUT', 'GET']);
    expect(await fails(h()['meetings:mute']({ participantId: sam }))).toMatchObject({ code: 'not-found' });
  });

  it('expel wins on the line when a request carries everything', async () => {
    w = await meetingsWorld();
    const m = seedAllHands(w.line);
    const res = await fetch(`${w.line.baseUrl}/meetingParticipants/${encodeURIComponent(m.participants[1]?.id ?? '')}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${w.line.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ muted: true, admit: true, expel: true }),
    });
    expect(res.status).toBe(200);
    const after = w.line.meetings.meetings()[0]?.participants[1];
    expect(after).toMatchObject({ state: 'end', muted: false });
  });
});

describe('calling out', () => {
  async function opened(): Promise<void> {
    seedAllHands(w.line);
    await h()['meetings:open']({ meeting: '26345551234' });
    await h()['meetings:watch'](undefined);
    await w.settle();
  }

  it('a national number is sent in E.164 as phoneNumber with a lowercase UUID, pending until the roster shows them', async () => {
    w = await meetingsWorld();
    await opened();
    const { participantId } = await h()['meetings:callout']({ address: '(415) 555-0123', displayName: ' Front desk ' });
    const sent = JSON.parse(w.exchanges.find((x) => x.path.endsWith('/callout'))?.requestBody ?? '{}') as Record<string, string>;
    expect(sent).toMatchObject({ address: '+14155550123', addressType: 'phoneNumber', displayName: 'Front desk' });
    expect(sent.invitationCorrelationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(w.feature.snapshot().callouts).toEqual([
      expect.objectContaining({ participantId, displayName: 'Front desk', address: '(415) 555-0123', state: 'ringing' }),
    ]);

    w.line.meetings.answer(participantId);
    await w.elapse(5_000);
    expect(w.feature.snapshot().callouts).toEqual([]);
    expect(names()).toContain('Front desk');
  });

  it('user@host becomes a sip: URI; an unanswered call-out ends as no answer after 30 s', async () => {
    w = await meetingsWorld();
    await opened();
    await h()['meetings:callout']({ address: 'boardroom@example.com', displayName: 'Boardroom' });
    const sent = JSON.parse(w.exchanges.find((x) => x.path.endsWith('/callout'))?.requestBody ?? '{}') as Record<string, string>;
    expect(sent).toMatchObject({ address: 'sip:boardroom@example.com', addressType: 'sipAddress' });
    await w.elapse(CALLOUT_RING_MS - 1_000);
    expect(w.feature.snapshot().callouts[0]?.state).toBe('ringing');
    await w.elapse(1_000);
    expect(w.feature.snapshot().callouts[0]?.state).toBe('no-answer');
    expect(names()).not.toContain('Boardroom');
    expect(w.events.at(-1)?.callouts[0]?.state).toBe('no-answer');
  });

  it('cancel sends cancelCallout with that participantId and drops it', async () => {
    w = await meetingsWorld();
    await opened();
    const { participantId } = await h()['meetings:callout']({ address: 'sip:lobby@example.com', displayName: 'Lobby' });
    await h()['meetings:cancelCallout']({ participantId });
    expect(w.feature.snapshot().callouts).toEqual([]);
    expect(w.line.meetings.pendingCallouts()).toEqual([]);
    expect(JSON.parse(w.exchanges.at(-1)?.requestBody ?? '{}')).toEqual({ participantId });
    expect(await fails(h()['meetings:cancelCallout']({ participantId }))).toMatchObject({ code: 'not-found' });
  });

  it('[MTG-11] refuses 33 characters (counted in UTF-16 units), an empty name, an extension and nonsense, sending nothing', async () => {
    w = await meetingsWorld();
    await opened();
    const before = w.exchanges.length;
    expect(await fails(h()['meetings:callout']({ address: 'sip:a@example.com', displayName: '😀'.repeat(17) }))).toMatchObject({
      code: 'invalid-input',
      message: 'The display name can have at most 32 characters; this one has 34.',
    });
    expect(await fails(h()['meetings:callout']({ address: 'sip:a@example.com', displayName: '  ' }))).toMatchObject({ code: 'invalid-input' });
    expect(await fails(h()['meetings:callout']({ address: '1002', displayName: 'Desk' }))).toMatchObject({ code: 'invalid-input', message: /not an extension/ });
    expect(await fails(h()['meetings:callout']({ address: 'call me', displayName: 'Desk' }))).toMatchObject({ code: 'invalid-input' });
    expect(w.exchanges.length).toBe(before);
    // 16 emoji are 32 UTF-16 units: the line takes them.
    await h()['meetings:callout']({ address: 'sip:a@example.com', displayName: '😀'.repeat(16) });
  });
});
