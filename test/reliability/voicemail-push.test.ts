/**
 * Issue 19: the voicemail count fed by telephony_mwi webhooks, through the whole core on a fake
 * clock, the built-in line and a relay. A new message is counted at once; idle, the summary is read
 * every five minutes instead of every minute; when the webhooks fail, the minute comes back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VOICEMAIL_PUSHED_MS, VOICEMAIL_REFRESH_MS } from '../../main/calls/my-line.js';
import { closePushWorld, openLivePushWorld, type PushWorld } from './kit/push-world.js';

let world: PushWorld;

beforeEach(async () => {
  world = await openLivePushWorld();
});
afterEach(() => closePushWorld(world));

const summaryReads = () => world.seen('/telephony/voiceMessages/summary', 'GET').length;
const newMessages = () => world.core.calls.lineInfo().voicemail?.newMessages;

describe('voicemail count through telephony_mwi webhooks', () => {
  it('[EVT-05] a new message is counted within a second; idle, the summary is read every five minutes, not every minute', async () => {
    await world.pump(VOICEMAIL_REFRESH_MS);
    const before = newMessages() ?? 0;
    const reads = summaryReads();
    world.line.control.leaveVoicemail({ from: { number: '+14155550101' } });
    const took = await world.pumpUntil(() => newMessages() === before + 1, 5_000);
    expect(took).toBeDefined();
    expect(took!).toBeLessThanOrEqual(1_000);
    expect(summaryReads()).toBe(reads + 1);

    const idleFrom = summaryReads();
    await world.pump(VOICEMAIL_PUSHED_MS);
    // One safety-net read in five minutes (at most two, by phase), where polling reads five.
    expect(summaryReads() - idleFrom).toBeGreaterThanOrEqual(1);
    expect(summaryReads() - idleFrom).toBeLessThanOrEqual(2);
  });

  it('when the webhooks fail (relay gone), the summary is read every minute again', async () => {
    await world.relay.stop();
    // A call makes deliveries fail until Webex turns the webhooks off and CallDeck polls again.
    world.line.control.incomingCall({ from: { number: '+14155550100' } });
    expect(await world.pumpUntil(() => world.live() === 'poll', 120_000)).toBeDefined();
    const from = summaryReads();
    await world.pump(3 * VOICEMAIL_REFRESH_MS);
    expect(summaryReads() - from).toBeGreaterThanOrEqual(3);
  });
});
