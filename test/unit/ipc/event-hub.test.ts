import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type CallsSnapshot } from '../../../preload/contract.js';
import { createEventHub, type EventTarget } from '../../../main/ipc/event-hub.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

class RecordingTarget implements EventTarget {
  readonly sent: { channel: string; payload: unknown }[] = [];
  destroyed = false;
  constructor(readonly id: number) {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
}

const snapshot = (n: number): CallsSnapshot => ({
  calls: [],
  ended: [],
  line: { state: 'ok', label: `poll ${n}` },
});

describe('events to the renderer', () => {
  it('queues events until the renderer is ready, then delivers the newest per channel', () => {
    const hub = createEventHub(new MemoryLogger());
    const target = new RecordingTarget(1);
    hub.attach(target);
    hub.emit('calls:changed', snapshot(1));
    hub.emit('settings:changed', DEFAULT_SETTINGS);
    hub.emit('calls:changed', snapshot(2));
    expect(target.sent).toEqual([]);

    hub.markReady(1);
    expect(target.sent.map((e) => e.channel)).toEqual(['calls:changed', 'settings:changed']);
    expect(target.sent[0]?.payload).toMatchObject({ line: { label: 'poll 2' } });

    hub.emit('calls:changed', snapshot(3));
    expect(target.sent).toHaveLength(3);
  });

  it('keeps each renderer separate: one ready does not release another', () => {
    const hub = createEventHub(new MemoryLogger());
    const [a, b] = [new RecordingTarget(1), new RecordingTarget(2)];
    hub.attach(a);
    hub.attach(b);
    hub.markReady(1);
    hub.emit('calls:changed', snapshot(1));
    expect(a.sent).toHaveLength(1);
    expect(b.sent).toHaveLength(0);
  });

  it('validates payloads against the contract and sends nothing invalid', () => {
    const log = new MemoryLogger();
    const hub = createEventHub(log);
    const target = new RecordingTarget(1);
    hub.attach(target);
    hub.markReady(1);
    hub.emit('calls:changed', { calls: 'nope' } as unknown as CallsSnapshot);
    expect(target.sent).toEqual([]);
    expect(log.lines.some((l) => l.level === 'error')).toBe(true);
  });

  it('skips and forgets a destroyed window', () => {
    const hub = createEventHub(new MemoryLogger());
    const target = new RecordingTarget(1);
    hub.attach(target);
    hub.markReady(1);
    target.destroyed = true;
    hub.emit('calls:changed', snapshot(1));
    target.destroyed = false;
    hub.emit('calls:changed', snapshot(2));
    expect(target.sent).toEqual([]);
  });
});
