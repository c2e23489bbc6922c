import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../main/core/app-error.js';
import { createXsiWorld, type XsiWorld } from './xsi-kit.js';

const CALLER = { from: { name: 'Dana Scully', number: '+14155550199' } };

let world: XsiWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function started(opts: Parameters<typeof createXsiWorld>[0] = {}): Promise<XsiWorld> {
  world = await createXsiWorld(opts);
  await world.source.start();
  return world;
}

describe('XSI source: discovery', () => {
  it('[EVT-20] is used only when the org lookup shows the XSI endpoints and the token has spark:xsi', async () => {
    world = await createXsiWorld({ scopes: ['spark:calls_read', 'spark:calls_write'] });
    const requests: string[] = [];
    world.line.control.onExchange((e) => requests.push(`${e.method} ${e.path}`));
    await expect(world.source.start()).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/spark:xsi/) });
    // Refused before asking anything of Webex or XSI.
    expect(requests).toEqual([]);
  });

  it('[EVT-20] an org without XSI is refused with a clear error, and no channel is opened', async () => {
    world = await createXsiWorld({ line: { xsi: { enabled: false } } });
    const error: unknown = await world.source.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'not-found', message: 'XSI is not switched on for this organisation.' });
    expect(world.line.xsi.seen().channelsOpened).toBe(0);
  });

  it('[EVT-20] with XSI and spark:xsi: opens a channel and subscribes to "Advanced Call" for the user id inside the person id', async () => {
    const w = await started({ scopes: ['spark:calls_read', 'spark:xsi'] });
    expect(w.line.xsi.openChannels()).toHaveLength(1);
    const subs = w.line.xsi.subscriptions();
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ event: 'Advanced Call', userId: '1', channelSetId: w.line.xsi.openChannels()[0]!.channelSetId });
  });
});

describe('XSI source: keeping the channel', () => {
  it('[EVT-21] sends a heartbeat every 15 s to the channel it opened', async () => {
    const w = await started();
    const channelId = w.line.xsi.openChannels()[0]!.id;
    await w.run(14_000);
    expect(w.line.xsi.seen().heartbeats).toHaveLength(0);
    await w.run(1_000);
    await w.until(() => w.line.xsi.seen().heartbeats.length === 1, 'first heartbeat');
    await w.run(45_000);
    await w.until(() => w.line.xsi.seen().heartbeats.length === 4, 'four heartbeats');
    expect(w.line.xsi.seen().heartbeats.every((h) => h.channelId === channelId)).toBe(true);
    // Heartbeats kept it: the line ends a silent channel after its grace.
    expect(w.line.xsi.openChannels().map((c) => c.id)).toEqual([channelId]);
  });

  it('[EVT-21] a heartbeat answered 404 opens a new channel at once, and the app refreshes for what it may have missed', async () => {
    const w = await started();
    const first = w.line.xsi.openChannels()[0]!.id;
    w.line.xsi.forgetChannels();
    await w.run(15_000);
    await w.until(() => w.line.xsi.openChannels().length === 1, 'a new channel');
    expect(w.line.xsi.openChannels()[0]!.id).not.toBe(first);
    await w.until(() => w.signals.length === 1, 'a catch-up signal');
    expect(w.signals[0]).toEqual({ topic: 'calls' });
    // Recovered without ever being reported down.
    expect(w.health).toEqual([]);
    // The forgotten channel's stream is closed on our side, not left hanging.
    w.line.control.incomingCall(CALLER);
    await w.until(() => w.signals.length === 2, 'a call signal on the new channel');
  });

  it('[EVT-22] acknowledges every call event and turns it into a calls signal with the XSI call id', async () => {
    const w = await started();
    const callId = w.line.control.incomingCall(CALLER);
    await w.until(() => w.signals.length === 1, 'the received signal');
    expect(w.signals[0]).toMatchObject({ topic: 'calls', id: expect.stringMatching(/^callhalf-\d+:0$/), eventTime: expect.any(Number) });
    w.line.control.remoteHangup(callId);
    await w.until(() => w.signals.length === 2, 'the released signal');
    await w.until(() => w.line.xsi.seen().acknowledged.length === 2, 'two acknowledgements');
    const seen = w.line.xsi.seen();
    expect(seen.acknowledged).toEqual(seen.sent.map((s) => s.eventId));
    expect(seen.sent.map((s) => s.type)).toEqual(['CallReceivedEvent', 'CallReleasedEvent']);
    // Acknowledged within the line's timeout: the channel lives on.
    await w.run(12_000);
    expect(w.line.xsi.openChannels()).toHaveLength(1);
  });

  it('[EVT-22] never acknowledges a ChannelTerminatedEvent, and opens a new channel after one', async () => {
    const w = await started();
    const first = w.line.xsi.openChannels()[0]!.id;
    w.line.xsi.terminateChannels('Maintenance');
    await w.until(() => w.line.xsi.openChannels().some((c) => c.id !== first), 'a new channel');
    await w.run(2_000);
    expect(w.line.xsi.seen().strayAcks).toEqual([]);
    expect(w.line.xsi.seen().acknowledged).toEqual([]);
  });

  it('[EVT-23] refreshes channel and subscription before the lifetime the server granted runs out', async () => {
    // The line grants 10 minutes however long is asked for.
    const w = await started({ line: { xsi: { enabled: true, timings: { maxExpiresSec: 600 } } } });
    const channelId = w.line.xsi.openChannels()[0]!.id;
    const subId = w.line.xsi.subscriptions()[0]!.id;
    await w.run(30 * 60_000, 5_000);
    const seen = w.line.xsi.seen();
    expect(seen.channelRefreshes).toBeGreaterThanOrEqual(3);
    expect(seen.subscriptionRefreshes).toBeGreaterThanOrEqual(3);
    // The same channel and subscription, half an hour on: neither expired.
    expect(w.line.xsi.openChannels().map((c) => c.id)).toEqual([channelId]);
    expect(w.line.xsi.subscriptions().map((s) => s.id)).toEqual([subId]);
    expect(seen.channelsOpened).toBe(1);
  });

  it('[EVT-24] fails over to the next host when one is down, and keeps every request on the host holding the channel', async () => {
    world = await createXsiWorld();
    const w = world;
    w.line.xsi.setHostDown(0, true);
    await w.source.start();
    expect(w.line.xsi.openChannels().map((c) => c.host)).toEqual([1]);
    w.line.control.incomingCall(CALLER);
    await w.until(() => w.line.xsi.seen().acknowledged.length === 1, 'the acknowledgement');
    await w.run(30_000);
    await w.until(() => w.line.xsi.seen().heartbeats.length === 2, 'two heartbeats');
    expect(w.line.xsi.seen().heartbeats.every((h) => h.host === 1)).toBe(true);
  });
});

describe('XSI source: what an event is', () => {
  it('[EVT-25] a call event is only a signal: topic, the XSI call id and a time; nothing of the call state', async () => {
    const w = await started();
    w.line.control.incomingCall(CALLER);
    await w.until(() => w.signals.length === 1, 'the signal');
    const signal = w.signals[0]!;
    expect(Object.keys(signal).sort()).toEqual(['eventTime', 'id', 'topic']);
    // XSI's id, not the REST list's: the orchestrator refreshes the list rather than matching it.
    expect(w.line.control.state().calls.map((c) => c.id)).not.toContain(signal.id);
    expect(signal.eventTime).toBe(w.clock.now());
  });
});

describe('XSI source: stop', () => {
  it('[EVT-23] stop deletes the subscription and the channel at the server, and never rejects', async () => {
    world = await createXsiWorld();
    await world.source.start();
    await world.source.stop();
    expect(world.line.xsi.openChannels()).toEqual([]);
    expect(world.line.xsi.subscriptions()).toEqual([]);
    expect(world.line.xsi.seen()).toMatchObject({ channelsDeleted: 1, subscriptionsDeleted: 1 });
    await expect(world.source.stop()).resolves.toBeUndefined();
  });

  it('[EVT-23] stop while start is still opening leaves nothing behind at the server', async () => {
    world = await createXsiWorld();
    const w = world;
    const starting = w.source.start().catch((e: unknown) => e);
    await w.until(() => w.line.xsi.seen().channelsOpened === 1, 'the channel opening');
    await w.source.stop();
    await starting;
    expect(w.line.xsi.openChannels()).toEqual([]);
    expect(w.line.xsi.subscriptions()).toEqual([]);
  });

  it('stop with no channel (a source that never started) resolves', async () => {
    world = await createXsiWorld({ line: { xsi: { enabled: false } } });
    await expect(world.source.stop()).resolves.toBeUndefined();
  });
});
