/**
 * Fault-table rows for XSI-Events (issue 19): the channel drops mid-stream, a heartbeat gets 404,
 * XSI answers 401. In each, the source either recovers on a new channel by itself or reports down
 * (so the orchestrator falls back to webhooks or polling) and comes back once the fault clears;
 * and no call update is lost: a call that changed while no channel was listening is followed by a
 * refresh signal, because the line drops events it cannot deliver.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createXsiWorld, type XsiWorld } from '../unit/events/xsi-kit.js';

const CALLER = { from: { name: 'Fox Mulder', number: '+14155550142' } };

let world: XsiWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function live(): Promise<XsiWorld> {
  world = await createXsiWorld({ timings: { firstRetryMs: 5_000 } });
  await world.source.start();
  return world;
}

/** No unhandled failure reached the log as an error. */
function noErrors(w: XsiWorld): void {
  expect(w.log.lines.filter((l) => l.level === 'error')).toEqual([]);
}

describe('XSI-Events fault table', () => {
  it('[EVT-21] the channel drops mid-stream: a new channel at once, and a refresh for the call that rang meanwhile', async () => {
    const w = await live();
    const first = w.line.xsi.openChannels()[0]!.id;
    w.line.xsi.dropChannels();
    // Rings before the new channel exists: the line has nowhere to send its event.
    w.line.control.incomingCall(CALLER);
    const droppedAt = w.line.xsi.seen().sent.length;
    await w.until(() => w.line.xsi.openChannels().length === 1, 'a new channel');
    expect(w.line.xsi.openChannels()[0]!.id).not.toBe(first);
    await w.until(() => w.signals.length >= 1, 'a refresh signal');
    expect(w.signals.at(-1)?.topic).toBe('calls');
    expect(droppedAt).toBe(0);
    expect(w.health).toEqual([]);
    // Events flow again on the new channel.
    const before = w.signals.length;
    w.line.control.incomingCall({ from: { number: '1003' } });
    await w.until(() => w.signals.length === before + 1, 'the next call event');
    noErrors(w);
  });

  it('[EVT-21] a heartbeat gets 404: the silent old stream is left, a new channel opened, and the missed call refreshed', async () => {
    const w = await live();
    w.line.xsi.forgetChannels();
    w.line.control.incomingCall(CALLER);
    // The server lost the channel: the event went nowhere, and the stream says nothing.
    expect(w.signals).toEqual([]);
    await w.run(15_000);
    await w.until(() => w.signals.length === 1, 'the refresh after the new channel');
    expect(w.signals[0]).toEqual({ topic: 'calls' });
    expect(w.line.xsi.openChannels()).toHaveLength(1);
    expect(w.health).toEqual([]);
    noErrors(w);
  });

  it('[EVT-20] XSI answers 401: reported down (so the app falls back), then live again with a refresh once XSI accepts the token', async () => {
    const w = await live();
    w.line.xsi.setRefusing(true);
    await w.run(15_000);
    await w.until(() => w.health.length === 1, 'the source reported down');
    expect(w.health[0]).toMatchObject({ state: 'down', reason: expect.stringMatching(/token/i) });
    w.line.control.incomingCall(CALLER);
    // Still refused: the retries do not report down twice, nor come back.
    await w.run(10_000);
    expect(w.health).toHaveLength(1);
    w.line.xsi.setRefusing(false);
    await w.run(25_000);
    await w.until(() => w.health.length === 2, 'the source live again');
    expect(w.health[1]).toEqual({ state: 'live' });
    expect(w.signals.at(-1)).toEqual({ topic: 'calls' });
    expect(w.line.xsi.openChannels()).toHaveLength(1);
    noErrors(w);
  });
});
