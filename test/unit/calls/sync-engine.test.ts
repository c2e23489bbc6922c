import { afterEach, describe, expect, it } from 'vitest';
import { createCallCommands } from '../../../main/calls/call-commands.js';
import { createCallSync, type CallSync } from '../../../main/calls/sync-engine.js';
import { createUserEndings } from '../../../main/calls/user-endings.js';
import { AppError } from '../../../main/core/app-error.js';
import type { CallsSnapshot } from '../../../preload/contract.js';
import { FakeCallsProvider } from '../../fakes/fake-calls-provider.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';
import { missedRecord, party, webexCall } from '../../fakes/webex-call-fixtures.js';
import { FakeClock, flushAsync } from '../../fakes/fake-clock.js';

const MINUTE = 60_000;

let running: CallSync[] = [];
afterEach(() => {
  for (const sync of running) sync.stop();
  running = [];
});

function setup(options: { activeMs?: number; idleMs?: number; latencyMs?: number } = {}) {
  const userEndings = createUserEndings();
  const clock = new FakeClock();
  const provider = new FakeCallsProvider(clock);
  provider.listLatencyMs = options.latencyMs ?? 0;
  const log = new MemoryLogger();
  const snapshots: CallsSnapshot[] = [];
  const intervals = { activeMs: options.activeMs ?? 1000, idleMs: options.idleMs ?? 2000 };
  const sync = createCallSync({
    provider,
    clock,
    log,
    intervals: () => intervals,
    lineLabel: () => 'Front desk',
    onSnapshot: (snapshot) => snapshots.push(structuredClone(snapshot)),
    userEndings,
  });
  running.push(sync);
  const ended = () => snapshots.flatMap((s) => s.ended.map((e) => ({ id: e.call.id, outcome: e.outcome })));
  const lineStates = () => snapshots.map((s) => s.line.state);
  return { clock, provider, log, snapshots, sync, intervals, ended, lineStates, userEndings };
}

/** Requests started in [from, from + ms). */
function requestsBetween(provider: FakeCallsProvider, from: number, ms: number): number {
  return provider.listStartedAt.filter((t) => t >= from && t < from + ms).length;
}

const connectedCall = (id: string, extra: Partial<Parameters<typeof webexCall>[0]> = {}) =>
  webexCall({ id, state: 'connected', answered: '2026-03-02T09:00:03.000Z', ...extra });

describe('poll cadence', () => {
  it('polls every idleMs with no calls: 30 requests a minute at 2000 ms', async () => {
    const { clock, provider, sync } = setup();
    const t0 = clock.now();
    sync.start();
    await clock.advanceAsync(MINUTE);
    expect(requestsBetween(provider, t0, MINUTE)).toBe(30);
  });

  it('polls every activeMs while a call exists: 60 requests a minute at 1000 ms', async () => {
    const { clock, provider, sync } = setup();
    provider.calls = [connectedCall('c1')];
    const t0 = clock.now();
    sync.start();
    await clock.advanceAsync(MINUTE);
    expect(requestsBetween(provider, t0, MINUTE)).toBe(60);
  });

  it('measures start to start, so a 300 ms response time does not stretch the interval', async () => {
    const { clock, provider, sync } = setup({ latencyMs: 300 });
    provider.calls = [connectedCall('c1')];
    const t0 = clock.now();
    sync.start();
    await clock.advanceAsync(MINUTE);
    expect(requestsBetween(provider, t0, MINUTE)).toBe(60);
    const gaps = provider.listStartedAt.slice(1).map((t, i) => t - (provider.listStartedAt[i] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1000);
  });

  it('switches to the active cadence as soon as a call appears, and back when it is gone', async () => {
    const { clock, provider, sync } = setup();
    sync.start();
    await clock.advanceAsync(10_000);
    provider.calls = [webexCall({ id: 'r1' })];
    await clock.advanceAsync(2_000); // the idle poll that sees it
    const sawCallAt = clock.now();
    await clock.advanceAsync(10_000);
    expect(requestsBetween(provider, sawCallAt, 10_000)).toBe(10);
    provider.calls = [];
    await clock.advanceAsync(1_000);
    const idleFrom = clock.now();
    await clock.advanceAsync(10_000);
    expect(requestsBetween(provider, idleFrom, 10_000)).toBe(5);
  });

  it('applies changed intervals from the next poll', async () => {
    const { clock, provider, sync, intervals } = setup();
    sync.start();
    await clock.advanceAsync(1);
    intervals.idleMs = 500;
    await clock.advanceAsync(2_000);
    const from = clock.now();
    await clock.advanceAsync(10_000);
    expect(requestsBetween(provider, from, 10_000)).toBe(20);
  });

  it('with a slow API, never overlaps and leaves a small gap', async () => {
    const { clock, provider, sync } = setup({ latencyMs: 2_500 });
    provider.calls = [connectedCall('c1')];
    sync.start();
    await clock.advanceAsync(MINUTE);
    expect(provider.maxListInFlight).toBe(1);
    // 2500 ms per request + 100 ms gap
    expect(provider.listRequests).toBe(Math.ceil(MINUTE / 2_600));
  });
});

describe('refresh', () => {
  it('never has two list requests in flight, however many refreshes arrive', async () => {
    const { clock, provider, sync } = setup({ latencyMs: 700 });
    provider.calls = [connectedCall('c1')];
    sync.start();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < 200; i += 1) {
      pending.push(sync.refresh());
      if (i % 3 === 0) await clock.advanceAsync(137);
    }
    await clock.advanceAsync(5_000);
    await Promise.all(pending);
    expect(provider.maxListInFlight).toBe(1);
  });

  it('coalesces refreshes during an in-flight poll into exactly one extra poll, which they all wait for', async () => {
    const { clock, provider, sync } = setup({ latencyMs: 500 });
    sync.start(); // poll 1 in flight until t=500
    await clock.advanceAsync(100);
    let resolved = 0;
    const refreshes = [sync.refresh(), sync.refresh(), sync.refresh()].map((p) => p.then(() => (resolved += 1)));
    await clock.advanceAsync(400); // poll 1 lands; poll 2 starts at once
    expect(provider.listRequests).toBe(2);
    expect(resolved).toBe(0); // poll 1 was sent before they asked: not fresh
    await clock.advanceAsync(500); // poll 2 lands
    await Promise.all(refreshes);
    expect(resolved).toBe(3);
    expect(provider.listRequests).toBe(2);
    expect(provider.listStartedAt[1]).toBe(provider.listStartedAt[0]! + 500);
  });

  it('resolves with the state as it is after the action, not as the in-flight poll saw it', async () => {
    const { clock, provider, sync } = setup({ latencyMs: 300 });
    provider.calls = [webexCall({ id: 'r1' })];
    sync.start();
    await clock.advanceAsync(300);
    await clock.advanceAsync(900); // next poll in flight, it saw r1 alerting
    provider.calls = [connectedCall('r1')]; // answered meanwhile
    const refreshed = sync.refresh();
    await clock.advanceAsync(1_000);
    await refreshed;
    expect(sync.snapshot().calls[0]?.state).toBe('connected');
  });

  it('polls at once when idle and pushes the regular schedule back', async () => {
    const { clock, provider, sync } = setup();
    sync.start();
    await clock.advanceAsync(1_500);
    expect(provider.listRequests).toBe(1);
    await sync.refresh();
    expect(provider.listRequests).toBe(2);
    expect(provider.listStartedAt[1]).toBe(provider.listStartedAt[0]! + 1_500);
    await clock.advanceAsync(1_999);
    expect(provider.listRequests).toBe(2);
    await clock.advanceAsync(1);
    expect(provider.listRequests).toBe(3);
  });

  it('a command re-syncs right after the action without the caller waiting for the poll', async () => {
    const { clock, provider, sync, log } = setup({ latencyMs: 400 });
    provider.calls = [webexCall({ id: 'r1' })];
    sync.start();
    await clock.advanceAsync(400);
    const before = provider.listRequests;
    const commands = createCallCommands({ provider, sync, defaultCountry: () => 'US', log, callLog: { entries: () => [] } });
    provider.calls = [connectedCall('r1')];
    await commands.answer({ callId: 'r1' }); // resolves while the poll is still out
    expect(provider.listRequests).toBe(before + 1);
    expect(provider.listInFlight).toBe(1);
    expect(sync.snapshot().calls[0]?.state).toBe('alerting');
    await clock.advanceAsync(400);
    expect(sync.snapshot().calls[0]?.state).toBe('connected');
  });

  it('resolves at once and does not poll when the engine is not running', async () => {
    const { provider, sync } = setup();
    await sync.refresh();
    expect(provider.listRequests).toBe(0);
  });
});

describe('snapshots', () => {
  it('emits nothing when nothing changed', async () => {
    const { clock, provider, snapshots, sync } = setup();
    provider.calls = [connectedCall('c1')];
    sync.start();
    await clock.advanceAsync(MINUTE);
    expect(provider.listRequests).toBeGreaterThan(50);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.line).toEqual({ state: 'ok', label: 'Front desk' });
  });

  it('emits when a call changes state, with the actions that state offers', async () => {
    const { clock, provider, snapshots, sync } = setup();
    provider.calls = [connectedCall('c1')];
    sync.start();
    await clock.advanceAsync(1);
    provider.calls = [connectedCall('c1', { state: 'held' })];
    await clock.advanceAsync(1_000);
    expect(snapshots).toHaveLength(2);
    expect(snapshots[1]?.calls[0]).toMatchObject({ state: 'held', actions: ['resume', 'hangup', 'transfer', 'transferToVoicemail'] });
  });

  it('orders calls by appearance, then created, then id, and a reshuffled list is not a change', async () => {
    const { clock, provider, snapshots, sync } = setup();
    const a = connectedCall('a', { appearance: 2, created: '2026-03-02T09:00:00.000Z' });
    const b = connectedCall('b', { appearance: 1, created: '2026-03-02T09:05:00.000Z' });
    const c = webexCall({ id: 'c', created: '2026-03-02T09:01:00.000Z' });
    const d = webexCall({ id: 'd', created: '2026-03-02T09:00:30.000Z' });
    const e = webexCall({ id: 'e', created: '2026-03-02T09:00:30.000Z' });
    provider.scriptList([c, a, e, d, b], [b, c, d, e, a], [e, d, c, b, a]);
    provider.calls = [a, b, c, d, e];
    sync.start();
    await clock.advanceAsync(5_000);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]?.calls.map((call) => call.id)).toEqual(['b', 'a', 'd', 'e', 'c']);
  });

  it('reports a call that left the list as ended, once', async () => {
    const { clock, provider, ended, sync } = setup();
    provider.calls = [connectedCall('c1')];
    sync.start();
    await clock.advanceAsync(1);
    provider.calls = [];
    await clock.advanceAsync(10_000);
    expect(ended()).toEqual([{ id: 'c1', outcome: 'ended' }]);
  });

  it('keeps polling when the snapshot listener throws', async () => {
    const clock = new FakeClock();
    const provider = new FakeCallsProvider(clock);
    const log = new MemoryLogger();
    const sync = createCallSync({
      provider,
      clock,
      log,
      intervals: () => ({ activeMs: 1000, idleMs: 2000 }),
      lineLabel: () => 'x',
      onSnapshot: () => {
        throw new Error('renderer gone');
      },
    });
    running.push(sync);
    provider.calls = [connectedCall('c1')];
    sync.start();
    await clock.advanceAsync(1);
    provider.calls = [];
    await clock.advanceAsync(10_000);
    expect(provider.listRequests).toBeGreaterThan(5);
    expect(log.lines.some((line) => line.level === 'error' && /listener threw/.test(line.message))).toBe(true);
  });
});

describe('rate limiting (429)', () => {
  const limited = (retryAfterMs?: number) =>
    new AppError('rate-limited', 'Too Many Requests', retryAfterMs === undefined ? { status: 429 } : { status: 429, retryAfterMs });

  it('waits Retry-After before polling again and emits exactly one status snapshot', async () => {
    const { clock, provider, snapshots, sync, lineStates } = setup();
    sync.start();
    await clock.advanceAsync(1); // ok
    await clock.advanceAsync(2_000);
    provider.scriptList(limited(7_000), limited(7_000), limited(7_000));
    await clock.advanceAsync(2_000); // first 429
    expect(provider.listRequests).toBe(3);
    const limitedAt = provider.listStartedAt[2]!;
    expect(clock.now() - limitedAt).toBe(1); // advance() ran one ms past the poll
    expect(snapshots.at(-1)?.line).toMatchObject({
      state: 'rate-limited',
      retryAt: new Date(limitedAt + 7_000).toISOString(),
    });
    await clock.advanceAsync(6_998);
    expect(provider.listRequests).toBe(3); // still waiting
    await clock.advanceAsync(1);
    expect(provider.listRequests).toBe(4); // second 429
    await clock.advanceAsync(7_000); // third 429
    await clock.advanceAsync(7_000); // recovers
    expect(provider.listRequests).toBe(6);
    expect(lineStates()).toEqual(['ok', 'rate-limited', 'ok']);
    expect(sync.snapshot().line.state).toBe('ok');
  });

  it('waits 5 s when the 429 has no Retry-After', async () => {
    const { clock, provider, sync } = setup();
    provider.scriptList(limited());
    sync.start();
    await clock.advanceAsync(4_999);
    expect(provider.listRequests).toBe(1);
    await clock.advanceAsync(1);
    expect(provider.listRequests).toBe(2);
  });

  it('caps an absurd Retry-After at 60 s', async () => {
    const { clock, provider, sync } = setup();
    provider.scriptList(limited(3_600_000));
    sync.start();
    await clock.advanceAsync(59_999);
    expect(provider.listRequests).toBe(1);
    await clock.advanceAsync(1);
    expect(provider.listRequests).toBe(2);
  });

  it('does not let refresh() jump the wait; the refresh resolves with the poll at retryAt', async () => {
    const { clock, provider, sync } = setup();
    provider.scriptList(limited(6_000));
    sync.start();
    await clock.advanceAsync(1);
    let done = false;
    void sync.refresh().then(() => (done = true));
    sync.setOnline(true);
    await clock.advanceAsync(5_000);
    expect(provider.listRequests).toBe(1);
    expect(done).toBe(false);
    await clock.advanceAsync(1_000);
    expect(provider.listRequests).toBe(2);
    expect(done).toBe(true);
  });

  it('keeps the call controls while rate-limited (the calls are recent, commands may still work)', async () => {
    const { clock, provider, sync } = setup();
    provider.calls = [connectedCall('c1')];
    sync.start();
    await clock.advanceAsync(1);
    provider.scriptList(limited(5_000));
    await clock.advanceAsync(1_000);
    expect(sync.snapshot().line.state).toBe('rate-limited');
    expect(sync.snapshot().calls[0]?.actions).toContain('hangup');
  });
});

describe('offline and other failures', () => {
  const networkDown = () => new AppError('network', 'getaddrinfo ENOTFOUND webexapis.com');

  it('goes offline with a message, keeps the calls without controls, and recovers on the next success', async () => {
    const { clock, provider, snapshots, sync, lineStates } = setup();
    provider.calls = [connectedCall('c1'), webexCall({ id: 'r1' })];
    sync.start();
    await clock.advanceAsync(1);
    provider.scriptList(networkDown(), networkDown(), networkDown(), new AppError('timeout', 'timed out'));
    await clock.advanceAsync(1_000);
    const offline = snapshots.at(-1);
    expect(offline?.line).toMatchObject({ state: 'offline', message: expect.stringMatching(/Cannot reach Webex/) });
    expect(offline?.calls.map((call) => call.id)).toEqual(['c1', 'r1']);
    expect(offline?.calls.every((call) => call.actions.length === 0)).toBe(true);
    expect(sync.snapshot().calls.every((call) => call.actions.length === 0)).toBe(true);

    await clock.advanceAsync(30_000);
    expect(provider.listRequests).toBeGreaterThanOrEqual(6);
    expect(lineStates()).toEqual(['ok', 'offline', 'ok']);
    expect(sync.snapshot().calls.find((call) => call.id === 'c1')?.actions).toContain('hangup');
  });

  it('backs off while failing: 1, 2, 4, 8, 15, 15 s with a call on the line', async () => {
    const { clock, provider, sync } = setup();
    provider.calls = [connectedCall('c1')];
    sync.start();
    await clock.advanceAsync(1);
    provider.scriptList(...Array.from({ length: 7 }, networkDown));
    const from = clock.now();
    await clock.advanceAsync(1_000 + 1_000 + 2_000 + 4_000 + 8_000 + 15_000 + 15_000);
    const starts = provider.listStartedAt.filter((t) => t >= from).map((t) => t - from);
    expect(starts).toEqual([999, 1_999, 3_999, 7_999, 15_999, 30_999, 45_999]);
  });

  it('setOnline(false) marks the line offline at once and slows to a probe; setOnline(true) polls at once', async () => {
    const { clock, provider, snapshots, sync } = setup();
    provider.calls = [connectedCall('c1')];
    sync.start();
    await clock.advanceAsync(1);
    const before = provider.listRequests;
    sync.setOnline(false);
    expect(snapshots.at(-1)?.line).toMatchObject({ state: 'offline', message: expect.stringMatching(/No network connection/) });
    expect(snapshots.at(-1)?.calls[0]?.actions).toEqual([]);
    await clock.advanceAsync(14_000);
    expect(provider.listRequests).toBe(before);
    sync.setOnline(true);
    await flushAsync();
    expect(provider.listRequests).toBe(before + 1);
    expect(sync.snapshot().line.state).toBe('ok');
  });

  it('an expired token shows the line as unauthorized', async () => {
    const { clock, provider, sync } = setup();
    provider.scriptList(new AppError('unauthorized', 'The request requires a valid access token', { status: 401 }));
    sync.start();
    await clock.advanceAsync(1);
    expect(sync.snapshot().line).toMatchObject({ state: 'unauthorized', label: 'Front desk' });
  });

  it('a bug (non-AppError) is logged as an error and shown as a line error, not thrown', async () => {
    const { clock, provider, sync, log } = setup();
    provider.scriptList(new TypeError('cannot read x of undefined'));
    sync.start();
    await clock.advanceAsync(1);
    expect(sync.snapshot().line.state).toBe('error');
    expect(log.lines.some((line) => line.level === 'error')).toBe(true);
  });

  it('does not emit or log per failure while the line stays down (no error storm)', async () => {
    const { clock, provider, snapshots, sync, log } = setup();
    provider.scriptList(...Array.from({ length: 20 }, () => new AppError('provider', `Internal error ${Math.random()}`, { status: 500 })));
    sync.start();
    await clock.advanceAsync(5 * MINUTE);
    expect(provider.listRequests).toBeGreaterThan(20);
    expect(snapshots.map((s) => s.line.state)).toEqual(['error', 'ok']);
    expect(log.lines.filter((line) => line.level !== 'info')).toHaveLength(1);
  });
});

describe('how a ringing call that vanished ended', () => {
  async function ringThenVanish(
    ctx: ReturnType<typeof setup>,
    call = webexCall({ id: 'r1', created: '2026-03-02T09:00:00.000Z' }),
  ) {
    ctx.provider.calls = [call];
    ctx.sync.start();
    await ctx.clock.advanceAsync(3_000);
    ctx.provider.calls = [];
    await ctx.clock.advanceAsync(1_000);
  }

  it('missed: a new missed record from that number is in the history', async () => {
    const ctx = setup();
    ctx.provider.historyRecords.missed = [missedRecord({ time: '2026-03-02T09:00:03.500Z', number: '2015550123' })];
    await ringThenVanish(ctx);
    expect(ctx.ended()).toEqual([{ id: 'r1', outcome: 'missed' }]);
    expect(ctx.provider.historyRequests).toEqual(['missed']);
  });

  it('[CC-07] no missed record for it: a neutral "ended", never "answered elsewhere"', async () => {
    const ctx = setup();
    ctx.provider.historyRecords.missed = [
      // Same caller, but that call ended before this one was created.
      missedRecord({ time: '2026-03-02T08:59:30.000Z' }),
      // A new missed call, but from somebody else.
      missedRecord({ time: '2026-03-02T09:00:03.500Z', number: '+12015550999' }),
    ];
    await ringThenVanish(ctx);
    expect(ctx.ended()).toEqual([{ id: 'r1', outcome: 'ended' }]);
  });

  it('the ringing row goes at once; the outcome follows in its own snapshot', async () => {
    const ctx = setup();
    await ringThenVanish(ctx);
    const [, gone, outcome] = ctx.snapshots;
    expect(gone).toMatchObject({ calls: [], ended: [] });
    expect(outcome?.ended).toHaveLength(1);
    expect(outcome?.ended[0]?.call.actions).toEqual([]);
  });

  it('[CC-07] history unavailable: a neutral "ended", whether it rang directly or through a group', async () => {
    const direct = setup();
    direct.provider.historyError = new AppError('provider', 'boom', { status: 503 });
    await ringThenVanish(direct);
    expect(direct.ended()).toEqual([{ id: 'r1', outcome: 'ended' }]);

    const group = setup();
    group.provider.historyError = new AppError('network', 'down');
    await ringThenVanish(
      group,
      webexCall({
        id: 'r1',
        redirections: [{ reason: 'callQueue', redirectingParty: party({ name: 'Support', callType: 'location' }) }],
      }),
    );
    expect(group.ended()).toEqual([{ id: 'r1', outcome: 'ended' }]);
  });

  it('a private caller matches a private missed record', async () => {
    const ctx = setup();
    ctx.provider.historyRecords.missed = [{ type: 'missed', privacyEnabled: true, time: '2026-03-02T09:00:03.000Z' }];
    await ringThenVanish(ctx, webexCall({ id: 'r1', remoteParty: party({ privacyEnabled: true }) }));
    expect(ctx.ended()).toEqual([{ id: 'r1', outcome: 'missed' }]);
  });

  it('two missed calls from one caller each need their own record', async () => {
    const ctx = setup();
    ctx.provider.historyRecords.missed = [missedRecord({ time: '2026-03-02T09:00:03.500Z' })];
    await ringThenVanish(ctx);
    ctx.provider.calls = [webexCall({ id: 'r2', created: '2026-03-02T09:00:01.000Z' })];
    await ctx.clock.advanceAsync(2_000);
    ctx.provider.calls = [];
    await ctx.clock.advanceAsync(1_000);
    expect(ctx.ended()).toEqual([
      { id: 'r1', outcome: 'missed' },
      { id: 'r2', outcome: 'ended' },
    ]);
  });

  it('an answered call that ends is just ended, and costs no history request', async () => {
    const ctx = setup();
    ctx.provider.calls = [webexCall({ id: 'r1' })];
    ctx.sync.start();
    await ctx.clock.advanceAsync(1);
    ctx.provider.calls = [connectedCall('r1')];
    await ctx.clock.advanceAsync(2_000);
    ctx.provider.calls = [];
    await ctx.clock.advanceAsync(1_000);
    expect(ctx.ended()).toEqual([{ id: 'r1', outcome: 'ended' }]);
    expect(ctx.provider.historyRequests).toEqual([]);
  });

  it('an outgoing call that was never answered is ended, not missed', async () => {
    const ctx = setup();
    await ringThenVanish(ctx, webexCall({ id: 'o1', personality: 'originator', state: 'connecting' }));
    expect(ctx.ended()).toEqual([{ id: 'o1', outcome: 'ended' }]);
  });

  it('a ringing call that showed as disconnected before vanishing is still classified', async () => {
    const ctx = setup();
    ctx.provider.calls = [webexCall({ id: 'r1' })];
    ctx.sync.start();
    await ctx.clock.advanceAsync(1);
    ctx.provider.calls = [webexCall({ id: 'r1', state: 'disconnected' })];
    await ctx.clock.advanceAsync(1_000);
    ctx.provider.calls = [];
    await ctx.clock.advanceAsync(1_000);
    expect(ctx.ended()).toEqual([{ id: 'r1', outcome: 'ended' }]);
  });

  it('[CC-08] a call the person declined, ignored, forwarded or sent to voicemail ends as what they did, even with a missed record', async () => {
    for (const what of ['declined', 'ignored', 'forwarded', 'voicemail'] as const) {
      const ctx = setup();
      ctx.provider.historyRecords.missed = [missedRecord({ time: '2026-03-02T09:00:03.500Z', number: '2015550123' })];
      ctx.userEndings.note('r1', what);
      await ringThenVanish(ctx);
      expect(ctx.ended()).toEqual([{ id: 'r1', outcome: what }]);
      expect(ctx.provider.historyRequests).toEqual([]);
    }
  });

  it('[CC-06] hanging up a ringing incoming call is declining it; hanging up my own dial is cancelling it', async () => {
    const ringingIn = setup();
    ringingIn.userEndings.note('r1', 'hungUp');
    await ringThenVanish(ringingIn);
    expect(ringingIn.ended()).toEqual([{ id: 'r1', outcome: 'declined' }]);

    const myDial = setup();
    myDial.userEndings.note('d1', 'hungUp');
    await ringThenVanish(myDial, webexCall({ id: 'd1', personality: 'clickToDial', state: 'alerting' }));
    expect(myDial.ended()).toEqual([{ id: 'd1', outcome: 'cancelled' }]);
  });

  it('[CC-02] a clickToDial call replaced by an originator of a new id in the same session ended nothing', async () => {
    const ctx = setup();
    ctx.provider.calls = [webexCall({ id: 'd1', callSessionId: 's1', personality: 'clickToDial', state: 'alerting' })];
    ctx.sync.start();
    await ctx.clock.advanceAsync(1);
    ctx.provider.calls = [webexCall({ id: 'd2', callSessionId: 's1', personality: 'originator', state: 'connecting' })];
    await ctx.clock.advanceAsync(1_000);
    expect(ctx.ended()).toEqual([]);
    expect(ctx.snapshots.at(-1)?.calls.map((c) => [c.id, c.state])).toEqual([['d2', 'connecting']]);
    // The same id simply changing personality is the contract's own reading, and ends nothing either.
    ctx.provider.calls = [webexCall({ id: 'd2', callSessionId: 's1', personality: 'originator', state: 'connected' })];
    await ctx.clock.advanceAsync(1_000);
    expect(ctx.ended()).toEqual([]);
  });

  it('[CC-10] a call with enum values this build does not know is shown with what is known, and each value is logged once', async () => {
    const ctx = setup();
    const odd = { ...webexCall({ id: 'x1', state: 'connected' }), state: 'unknown' as const, unrecognized: [{ field: 'state', value: 'transferring' }] };
    ctx.provider.calls = [odd, webexCall({ id: 'r1' })];
    ctx.sync.start();
    await ctx.clock.advanceAsync(3_000);
    const shown = ctx.snapshots.at(-1)?.calls ?? [];
    expect(new Map(shown.map((c) => [c.id, c.state]))).toEqual(new Map([['x1', 'unknown'], ['r1', 'alerting']]));
    expect(shown.find((c) => c.id === 'x1')?.actions).toEqual(['hangup']);
    expect(ctx.log.lines.filter((l) => l.message.includes('does not know'))).toHaveLength(1);
  });

  it('a custom classifier can decide instead', async () => {
    const clock = new FakeClock();
    const provider = new FakeCallsProvider(clock);
    const seen: string[] = [];
    const snapshots: CallsSnapshot[] = [];
    const sync = createCallSync({
      provider,
      clock,
      log: new MemoryLogger(),
      intervals: () => ({ activeMs: 1000, idleMs: 2000 }),
      lineLabel: () => 'x',
      onSnapshot: (s) => snapshots.push(s),
      classifyVanished: async (calls) => {
        seen.push(...calls.map((c) => c.call.id));
        return calls.map(() => 'missed');
      },
    });
    running.push(sync);
    provider.calls = [webexCall({ id: 'r1' })];
    sync.start();
    await clock.advanceAsync(1);
    provider.calls = [];
    await clock.advanceAsync(2_000);
    expect(seen).toEqual(['r1']);
    expect(provider.historyRequests).toEqual([]);
  });
});

describe('stop', () => {
  it('stops polling, drops the in-flight result, and can start again', async () => {
    const { clock, provider, snapshots, sync } = setup({ latencyMs: 500 });
    provider.calls = [connectedCall('c1')];
    sync.start();
    await clock.advanceAsync(100);
    sync.stop();
    await clock.advanceAsync(10_000);
    expect(provider.listRequests).toBe(1);
    expect(snapshots).toHaveLength(0);
    sync.start();
    await clock.advanceAsync(500);
    expect(provider.listRequests).toBe(2);
    expect(snapshots).toHaveLength(1);
    expect(provider.maxListInFlight).toBe(1);
  });
});
