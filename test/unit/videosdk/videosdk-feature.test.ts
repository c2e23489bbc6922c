/**
 * The VideoSDK feature on the built-in line, over real HTTP, with the line's clock and the
 * feature's timers on one fake clock: when it polls, what it sends, and how it explains failures.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VideoSdkSnapshot } from '../../../preload/contract.js';
import { mintVideoSdkToken } from '../../../main/auth/videosdk-token.js';
import { AppError } from '../../../main/core/app-error.js';
import { startTestLine, type TestLine } from '../../line-kit/index.js';
import type { SandboxExchange } from '../../../main/sandbox/index.js';
import { createVideoSdkFeature, POLL_IDLE_MS, POLL_LIVE_MS, WATCH_LEASE_MS, type VideoSdkAccess, type VideoSdkFeature } from '../../../main/videosdk/index.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

let line: TestLine;
let clock: FakeClock;
let exchanges: SandboxExchange[];
let feature: VideoSdkFeature;
let access: VideoSdkAccess | undefined;
let events: VideoSdkSnapshot[];

beforeEach(async () => {
  // Tokens carry the system time, and live 5 minutes: each test's clock starts there.
  clock = new FakeClock(Date.now());
  line = await startTestLine({ clock });
  for (const room of ['room-1', 'room-t', 'room-g', 'r']) line.videosdk.state.addRoom(room);
  line.control.onExchange((x) => exchanges.push(x));
  exchanges = [];
  events = [];
  access = { baseUrl: line.videosdk.origin, source: 'environment', mint: () => mintVideoSdkToken(line.videosdk.project) };
  feature = createVideoSdkFeature({ clock, log: new MemoryLogger(), access: () => access, defaultCountry: () => 'US' });
  feature.onChange((s) => events.push(s));
});
afterEach(async () => {
  feature.stop();
  await line.close();
});

const listRequests = () => exchanges.filter((x) => x.method === 'GET' && x.path === '/v2/sip/call').length;
const posts = () => exchanges.filter((x) => x.method === 'POST');

/** Runs the next poll and waits until it has answered and scheduled the one after. */
async function nextPoll(): Promise<void> {
  const at = clock.nextTimerAt();
  if (at === undefined) throw new Error('no poll scheduled');
  clock.advance(at - clock.now());
  await vi.waitFor(() => expect(clock.nextTimerAt()).toBeGreaterThan(at));
}

/** GET /v2/sip/call requests in one minute of the clock while the list is shown. */
async function requestsInAMinute(): Promise<number> {
  const before = listRequests();
  const end = clock.now() + 60_000;
  while ((clock.nextTimerAt() ?? Number.POSITIVE_INFINITY) <= end) {
    // As the window does while it shows the list.
    await feature.handlers['videosdk:watch']({ open: true });
    await nextPoll();
  }
  clock.advance(end - clock.now());
  return listRequests() - before;
}

async function refused(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('polling', () => {
  it('asks VideoSDK nothing until the list is shown, and stops when it is hidden', async () => {
    clock.advance(2 * 60_000);
    expect(listRequests()).toBe(0);

    const shown = await feature.handlers['videosdk:watch']({ open: true });
    expect(listRequests()).toBe(1);
    expect(shown).toMatchObject({ account: { available: true, source: 'environment' }, loaded: true });

    await nextPoll();
    expect(listRequests()).toBe(2);

    await feature.handlers['videosdk:watch']({ open: false });
    expect(clock.pendingTimers()).toBe(0);
    clock.advance(2 * 60_000);
    expect(listRequests()).toBe(2);
  });

  it('about 6 requests a minute while idle, 30 while a call is live', async () => {
    await feature.handlers['videosdk:watch']({ open: true });
    expect(await requestsInAMinute()).toBe(60_000 / POLL_IDLE_MS);

    await feature.handlers['videosdk:start']({ route: 'gateway', roomId: 'room-1', to: '+14155550123', gatewayId: 'gw_sandbox_1' });
    await vi.waitFor(() => expect(events.at(-1)?.calls[0]).toMatchObject({ to: '+14155550123', live: true }));
    await feature.handlers['videosdk:watch']({ open: true }); // the window renews its lease
    expect(await requestsInAMinute()).toBe(60_000 / POLL_LIVE_MS);
    expect(events.at(-1)?.calls[0]).toMatchObject({ status: 'answered', statusText: 'Answered', live: true });
  });

  it('a window that vanished without saying so stops the polling when its lease runs out', async () => {
    await feature.handlers['videosdk:watch']({ open: true });
    const before = listRequests();
    const leaseEnds = clock.now() + WATCH_LEASE_MS;
    // Polls keep coming until the lease is over; the first one after it finds nobody watching.
    while (clock.now() + POLL_IDLE_MS < leaseEnds) await nextPoll();
    clock.advance(clock.nextTimerAt()! - clock.now());
    expect(clock.pendingTimers()).toBe(0);
    const polled = listRequests() - before;
    // Every 10 s within the minute; the poll due as the lease ends is not sent.
    expect(polled).toBe(WATCH_LEASE_MS / POLL_IDLE_MS - 1);
    clock.advance(10 * 60_000 - WATCH_LEASE_MS);
    expect(listRequests() - before).toBe(polled);
  });

  it('a 429 is waited out as long as its Retry-After asks, even when the window reopens the list', async () => {
    line.control.injectFault({ kind: 'status', status: 429, retryAfterSec: 7, path: '/v2/sip/call', method: 'GET', times: 'always' });
    await feature.handlers['videosdk:watch']({ open: true });
    expect(events.at(-1)?.problem).toMatchObject({ code: 'rate-limited', retryAfterMs: 7_000 });
    expect(listRequests()).toBe(1);

    // The window closes and reopens the list (or its lease lapsed) 3 s into the wait: no read yet.
    clock.advance(3_000);
    await feature.handlers['videosdk:watch']({ open: false });
    await feature.handlers['videosdk:watch']({ open: true });
    expect(listRequests()).toBe(1);
    expect(clock.nextTimerAt()).toBe(clock.now() + 4_000);

    line.control.clearFaults();
    await nextPoll();
    expect(listRequests()).toBe(2);
    expect(events.at(-1)?.problem).toBeUndefined();
  });
});

describe('starting and ending', () => {
  it('a trunk call answers its participant ID; a gateway call is listed, answered, then ended', async () => {
    await feature.handlers['videosdk:watch']({ open: true });
    const trunk = await feature.handlers['videosdk:start']({ route: 'trunk', roomId: 'room-t', to: '(415) 555-0199', trunkId: 'trunk_sandbox_1', displayName: 'Reception' });
    expect(trunk).toEqual({ participantId: expect.stringMatching(/^sip_/) });
    // National input goes out in E.164.
    expect(JSON.parse(posts().at(-1)!.requestBody)).toMatchObject({ to: '+14155550199', displayName: 'Reception', meetingId: 'room-t' });

    const gateway = await feature.handlers['videosdk:start']({ route: 'gateway', roomId: 'room-g', to: 'sip:alice@example.com', gatewayId: 'gw_sandbox_1' });
    expect(gateway.callId).toMatch(/^call_/);
    await nextPoll();
    await nextPoll();
    expect(feature.snapshot().calls.find((c) => c.id === gateway.callId)).toMatchObject({ statusText: 'Answered', live: true, roomId: 'room-g' });

    await feature.handlers['videosdk:end']({ callId: gateway.callId! });
    await vi.waitFor(() => expect(feature.snapshot().calls.find((c) => c.id === gateway.callId)).toMatchObject({ statusText: 'Ended', live: false }));
  });

  it('refuses what is not a phone number or SIP address, and sends nothing', async () => {
    const error = await refused(feature.handlers['videosdk:start']({ route: 'gateway', roomId: 'r', to: 'call bob please', gatewayId: 'gw_sandbox_1' }));
    expect(error).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('cannot contain letters') });
    expect(posts()).toHaveLength(0);
  });

  it('a 401 says the key or secret is wrong, keeps VideoSDK’s words, and points to Settings → Accounts', async () => {
    access = { ...access!, mint: () => mintVideoSdkToken({ apiKey: line.videosdk.project.apiKey, secret: 'wrong' }) };
    const error = await refused(feature.handlers['videosdk:start']({ route: 'gateway', roomId: 'r', to: '+14155550123', gatewayId: 'gw_sandbox_1' }));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toContain('key or secret is wrong');
    expect(error.message).toContain('Invalid token: signature does not match.');
    expect(error.message).toContain('Settings → Accounts');

    const shown = await feature.handlers['videosdk:watch']({ open: true });
    expect(shown.problem).toMatchObject({ code: 'unauthorized', message: error.message });
  });

  it('VideoSDK’s own message for a refusal (404 for an unknown trunk)', async () => {
    const error = await refused(feature.handlers['videosdk:start']({ route: 'trunk', roomId: 'r', to: '+14155550123', trunkId: 'nope', displayName: 'D' }));
    expect(error).toMatchObject({ code: 'not-found', status: 404, message: 'SIP trunk nope not found.' });
  });

  it('without an account: says where to add one, and never polls', async () => {
    access = undefined;
    const shown = await feature.handlers['videosdk:watch']({ open: true });
    expect(shown).toEqual({ account: { available: false }, calls: [], loaded: false });
    const error = await refused(feature.handlers['videosdk:start']({ route: 'gateway', roomId: 'r', to: '+14155550123', gatewayId: 'gw_sandbox_1' }));
    expect(error).toMatchObject({ code: 'not-signed-in', message: 'Add your VideoSDK API key and secret in Settings → Accounts first.' });
    expect(clock.pendingTimers()).toBe(0);
    expect(exchanges).toHaveLength(0);
  });
});

describe('VideoSDK as it really answers', () => {
  it('[VSDK-01] a 200 whose body reports an error is an error, shown with VideoSDK message', async () => {
    const error = await refused(feature.handlers['videosdk:start']({ route: 'trunk', roomId: 'room-t', to: '+14155550123', trunkId: 'nope', displayName: 'D' }));
    expect(posts().at(-1)?.status).toBe(200);
    expect(error).toMatchObject({ code: 'not-found', status: 404, message: 'SIP trunk nope not found.' });
    expect(feature.snapshot().trunkCalls).toBeUndefined();
  });

  it('[VSDK-02] main re-checks "From number", ids and the display name, and sends nothing when one is wrong', async () => {
    const trunk = { route: 'trunk' as const, roomId: 'room-t', to: '+14155550123', trunkId: 'trunk_sandbox_1', displayName: 'Reception' };
    expect(await refused(feature.handlers['videosdk:start']({ ...trunk, from: 'front desk' }))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('From number') });
    expect(await refused(feature.handlers['videosdk:start']({ ...trunk, from: 'sip:a@example.com' }))).toMatchObject({ code: 'invalid-input' });
    expect(await refused(feature.handlers['videosdk:start']({ ...trunk, roomId: 'room/../x' }))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('room ID') });
    expect(await refused(feature.handlers['videosdk:start']({ ...trunk, trunkId: 'trunk\u0000' }))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('trunk ID') });
    expect(await refused(feature.handlers['videosdk:start']({ ...trunk, displayName: 'Re\u202Eception' }))).toMatchObject({ code: 'invalid-input' });
    expect(await refused(feature.handlers['videosdk:start']({ route: 'gateway', roomId: 'r', to: '+14155550123', gatewayId: 'gw sandbox' }))).toMatchObject({ code: 'invalid-input' });
    expect(posts()).toHaveLength(0);
    // A national From number is sent in E.164, as "Call to" is.
    await feature.handlers['videosdk:start']({ ...trunk, from: '(415) 555-0101' });
    expect(JSON.parse(posts().at(-1)!.requestBody)).toMatchObject({ from: '+14155550101' });
  });

  it('[VSDK-03] the "SIP calls" list holds every call, across pages of 20', async () => {
    for (let i = 0; i < 45; i += 1) {
      await feature.handlers['videosdk:start']({ route: 'gateway', roomId: 'r', to: `+141555504${String(i).padStart(2, '0')}`, gatewayId: 'gw_sandbox_1' });
    }
    const shown = await feature.handlers['videosdk:watch']({ open: true });
    expect(shown.calls).toHaveLength(45);
    expect(new Set(shown.calls.map((c) => c.to)).size).toBe(45);
    const pages = exchanges.filter((x) => x.method === 'GET' && x.path === '/v2/sip/call').map((x) => x.query.page);
    expect(pages).toEqual(['1', '2', '3']);
  });

  it('[VSDK-04] an unknown room: the window is told the room does not exist, in words and VideoSDK words', async () => {
    const gateway = await refused(feature.handlers['videosdk:start']({ route: 'gateway', roomId: 'no-such-room', to: '+14155550123', gatewayId: 'gw_sandbox_1' }));
    expect(gateway).toMatchObject({ code: 'not-found', status: 404 });
    expect(gateway.message).toContain('The room no-such-room does not exist');
    expect(gateway.message).toContain('VideoSDK said: Room no-such-room not found.');
    const trunk = await refused(feature.handlers['videosdk:start']({ route: 'trunk', roomId: 'no-such-room', to: '+14155550123', trunkId: 'trunk_sandbox_1', displayName: 'D' }));
    expect(trunk.message).toContain('does not exist');
  });

  it('[VSDK-05] a trunk call the list does not show stays in the snapshot with its participant ID', async () => {
    await feature.handlers['videosdk:watch']({ open: true });
    const { participantId } = await feature.handlers['videosdk:start']({ route: 'trunk', roomId: 'room-t', to: '+14155550123', trunkId: 'trunk_sandbox_1', displayName: 'D' });
    await nextPoll();
    expect(feature.snapshot().calls.some((c) => c.to === '+14155550123')).toBe(false);
    expect(feature.snapshot().trunkCalls).toEqual([{ participantId, to: '+14155550123', roomId: 'room-t', startedAt: expect.any(String) }]);
  });
});
