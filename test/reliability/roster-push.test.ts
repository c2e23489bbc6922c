/**
 * Issue 19: the meeting roster fed by meetingParticipants webhooks, through the whole core on a
 * fake clock, the built-in line and a relay. Someone joining a meeting I host is on screen without
 * waiting for the 5 s roster poll; a join in another of my meetings costs no read of this one; the
 * webhooks exist only while I host an open meeting.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROSTER_POLL_MS } from '../../main/meetings/roster-sync.js';
import { closePushWorld, openLivePushWorld, type PushWorld } from './kit/push-world.js';

let world: PushWorld;
const NUMBER = '26345551234';

beforeEach(async () => {
  world = await openLivePushWorld();
});
afterEach(() => closePushWorld(world));

const rosterHooks = () => world.line.webhooks.list().filter((h) => h.resource === 'meetingParticipants');
const shownNames = () => world.core.meetings.snapshot().participants.map((p) => p.displayName);
const rosterReads = () => world.seen('/meetingParticipants', 'GET').length;

async function hostAndWatch(options: { listedAfterMs?: number | null } = {}) {
  const meeting = world.line.meetings.addMeeting({
    title: 'All hands',
    meetingNumber: NUMBER,
    ...options,
    participants: [{ displayName: 'Reception', email: 'reception@example.com', host: true }],
  });
  await world.ok('meetings:open', { meeting: NUMBER });
  await world.ok('meetings:watch');
  expect(await world.pumpUntil(() => rosterHooks().length === 2, 5_000)).toBeDefined();
  return meeting;
}

/** Right after a roster poll, so the next one is a whole period away. */
async function justAfterAPoll(): Promise<void> {
  const before = rosterReads();
  await world.pumpUntil(() => rosterReads() > before, ROSTER_POLL_MS + 1_000);
}

describe('roster through meetingParticipants webhooks', () => {
  for (const [how, listedAfterMs] of [
    ['opened by its running instance', 0],
    ['opened through its scheduled meeting (Webex does not list the instance yet)', null],
  ] as const) {
    it(`[EVT-10] someone joining a meeting I host is on screen within a second, not at the next roster poll (${how})`, async () => {
      const meeting = await hostAndWatch({ listedAfterMs });
      expect(world.core.meetings.snapshot().meeting?.listed ?? false).toBe(listedAfterMs === 0);
      await justAfterAPoll();
      world.line.meetings.addParticipant(meeting.id, { displayName: 'Ana Silva' });
      const took = await world.pumpUntil(() => shownNames().includes('Ana Silva'), ROSTER_POLL_MS - 1_000);
      expect(took, 'shown before the next poll').toBeDefined();
      expect(took!).toBeLessThanOrEqual(1_000);
    });
  }

  it('[EVT-10] a join in another meeting I host costs no read of the open roster', async () => {
    await hostAndWatch({ listedAfterMs: 0 });
    const other = world.line.meetings.addMeeting({ title: 'Other', meetingNumber: '26345559999', listedAfterMs: 0 });
    await justAfterAPoll();
    const reads = rosterReads();
    world.line.meetings.addParticipant(other.id, { displayName: 'Elsewhere' });
    await world.pump(ROSTER_POLL_MS - 2_000);
    expect(world.line.webhooks.deliveries().some((d) => d.resource === 'meetingParticipants' && d.status === 200)).toBe(true);
    expect(rosterReads()).toBe(reads);
  });

  it('[EVT-10] the roster webhooks go when I close the view, and when I turn out to be only a cohost', async () => {
    const meeting = await hostAndWatch({ listedAfterMs: 0 });
    await world.ok('meetings:unwatch');
    expect(await world.pumpUntil(() => rosterHooks().length === 0, 5_000)).toBeDefined();
    // The calls' webhooks stay.
    expect(world.line.webhooks.list().filter((h) => h.resource === 'telephony_calls')).toHaveLength(3);
    await world.ok('meetings:watch');
    expect(await world.pumpUntil(() => rosterHooks().length === 2, 5_000)).toBeDefined();
    world.line.meetings.setRole(meeting.id, 'cohost');
    expect(await world.pumpUntil(() => world.core.meetings.snapshot().rosterHidden !== undefined, ROSTER_POLL_MS + 1_000)).toBeDefined();
    expect(await world.pumpUntil(() => rosterHooks().length === 0, 5_000)).toBeDefined();
  });

  it('a lobby arrival (which the line does not push) still shows at the roster poll, as without push', async () => {
    const meeting = await hostAndWatch({ listedAfterMs: 0 });
    await justAfterAPoll();
    world.line.meetings.addParticipant(meeting.id, { displayName: 'Waiting', state: 'lobby' });
    const took = await world.pumpUntil(() => shownNames().includes('Waiting'), ROSTER_POLL_MS + 1_000);
    expect(took).toBeDefined();
  });
});
