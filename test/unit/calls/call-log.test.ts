import { describe, expect, it } from 'vitest';
import { CALL_LOG_SAVE_DELAY_MS, createCallLog, toEntry } from '../../../main/calls/call-log.js';
import { toCall } from '../../../main/calls/to-call.js';
import type { SettingsReadResult, SettingsStore } from '../../../main/core/ports.js';
import { MemoryLogger, MemorySettingsStore } from '../../fakes/in-memory-ports.js';
import { party, webexCall } from '../../fakes/webex-call-fixtures.js';
import { FakeClock } from '../../fakes/fake-clock.js';

const received = (id: string) =>
  toCall(webexCall({ id, state: 'connected', created: '2026-03-02T09:00:00.000Z', answered: '2026-03-02T09:00:05.000Z' }));
const ringing = (id: string) => toCall(webexCall({ id }));

function open(store: SettingsStore = new MemorySettingsStore(), limit?: number) {
  const clock = new FakeClock(Date.parse('2026-03-02T09:01:05.400Z'));
  const log = new MemoryLogger();
  const callLog = createCallLog({ store, clock, log, ...(limit === undefined ? {} : { limit }) });
  return { clock, log, callLog, store };
}

describe('toEntry', () => {
  it('an answered incoming call: received at the answer time, with its duration', () => {
    expect(toEntry(received('c1'), 'ended', Date.parse('2026-03-02T09:01:05.400Z'))).toEqual({
      type: 'received',
      name: 'Ana Silva',
      number: '+12015550123',
      privacy: false,
      time: '2026-03-02T09:00:05.000Z',
      source: 'local',
      outcome: 'ended',
      durationSec: 60,
    });
  });

  it('a call answered elsewhere is a missed call here, kept with that outcome and no duration', () => {
    const entry = toEntry(ringing('r1'), 'answered-elsewhere', Date.parse('2026-03-02T09:00:20.000Z'));
    expect(entry).toMatchObject({ type: 'missed', outcome: 'answered-elsewhere', time: '2026-03-02T09:00:20.000Z' });
    expect(entry).not.toHaveProperty('durationSec');
  });

  it('an outgoing call is placed, timed from when it was dialled', () => {
    const call = toCall(webexCall({ id: 'o1', personality: 'originator', state: 'connecting', created: '2026-03-02T08:00:00.000Z' }));
    expect(toEntry(call, 'ended', Date.parse('2026-03-02T08:00:30.000Z'))).toMatchObject({ type: 'placed', time: '2026-03-02T08:00:00.000Z' });
  });

  it('keeps a private caller private', () => {
    const call = toCall(webexCall({ id: 'p', remoteParty: party({ privacyEnabled: true, name: 'X', number: '1' }) }));
    const entry = toEntry(call, 'missed', 0);
    expect(entry).toMatchObject({ privacy: true });
    expect(entry).not.toHaveProperty('name');
    expect(entry).not.toHaveProperty('number');
  });
});

describe('call log', () => {
  it('starts empty on a fresh store without setting anything aside', () => {
    const store = new MemorySettingsStore();
    const { callLog } = open(store);
    expect(callLog.entries()).toEqual([]);
    expect(store.keptAside).toEqual([]);
  });

  it('persists when a call ends, after the save delay, and reads it back after a restart, newest first', async () => {
    const store = new MemorySettingsStore();
    const first = open(store);
    first.callLog.record(received('c1'), 'ended');
    expect(store.writes).toBe(0);
    await first.clock.advanceAsync(CALL_LOG_SAVE_DELAY_MS - 1);
    expect(store.writes).toBe(0);
    await first.clock.advanceAsync(1);
    expect(store.writes).toBe(1);
    await first.clock.advanceAsync(30_000);
    first.callLog.record(ringing('r1'), 'missed');
    await first.clock.advanceAsync(CALL_LOG_SAVE_DELAY_MS);
    expect(store.writes).toBe(2);

    const again = open(store);
    expect(again.callLog.entries().map((e) => e.outcome)).toEqual(['missed', 'ended']);
    expect(again.callLog.entries()).toEqual(first.callLog.entries());
  });

  it('is bounded: beyond the limit the oldest entries are dropped, on disk too', async () => {
    const store = new MemorySettingsStore();
    const { callLog, clock } = open(store, 5);
    for (let i = 0; i < 12; i += 1) {
      callLog.record(toCall(webexCall({ id: `r${i}`, remoteParty: party({ number: `41${String(i).padStart(2, '0')}` }) })), 'missed');
      await clock.advanceAsync(1_000);
    }
    expect(callLog.entries().map((e) => e.number)).toEqual(['4111', '4110', '4109', '4108', '4107']);
    expect((store.current() as { entries: unknown[] }).entries).toHaveLength(5);
  });

  it('defaults to 1000 entries', () => {
    // Keeps a reference instead of cloning, so a thousand writes stay fast.
    class ReferenceStore implements SettingsStore {
      document: unknown = {};
      read(): SettingsReadResult {
        return { ok: true, data: this.document };
      }
      write(data: unknown): void {
        this.document = data;
      }
      keepAside(): string | undefined {
        return undefined;
      }
    }
    const store = new ReferenceStore();
    const { callLog } = open(store);
    for (let i = 0; i < 1005; i += 1) callLog.record(ringing(`r${i}`), 'missed');
    callLog.flush();
    expect(callLog.entries()).toHaveLength(1000);
    expect((store.document as { entries: unknown[] }).entries).toHaveLength(1000);
    expect(open(store).callLog.entries()).toHaveLength(1000);
  });

  it('an unreadable document: starts empty, keeps the file aside, and writes again from then on', () => {
    const store = new MemorySettingsStore({ garbage: true }, false);
    const { callLog, log } = open(store);
    expect(callLog.entries()).toEqual([]);
    expect(store.keptAside).toHaveLength(1);
    expect(log.lines.some((line) => line.level === 'warn')).toBe(true);
    callLog.record(ringing('r1'), 'missed');
    callLog.flush();
    expect(store.writes).toBe(1);
  });

  it.each([
    ['wrong shape', { version: 1, entries: 'nope' }],
    ['unknown version', { version: 99, entries: [] }],
    ['a bad entry', { version: 1, entries: [{ type: 'missed', privacy: false, time: 't', source: 'webex' }] }],
    ['an array', [1, 2, 3]],
  ])('an invalid document (%s): starts empty and keeps it aside, never throws', (_name, document) => {
    const store = new MemorySettingsStore(document);
    const { callLog } = open(store);
    expect(callLog.entries()).toEqual([]);
    expect(store.keptAside).toEqual([document]);
  });

  it('does not overwrite a damaged log it could not move aside', async () => {
    class StuckStore implements SettingsStore {
      writes = 0;
      read(): SettingsReadResult {
        return { ok: false, reason: 'Unexpected token' };
      }
      write(): void {
        this.writes += 1;
      }
      keepAside(): string | undefined {
        return undefined;
      }
    }
    const store = new StuckStore();
    const { callLog, clock } = open(store);
    callLog.record(ringing('r1'), 'missed');
    await clock.advanceAsync(CALL_LOG_SAVE_DELAY_MS);
    callLog.flush();
    expect(store.writes).toBe(0);
    expect(callLog.entries()).toHaveLength(1);
  });

  it('a failing write is logged, not thrown, and the entry is kept in memory and saved by the next write', async () => {
    class FullDisk extends MemorySettingsStore {
      full = true;
      override write(data: unknown): void {
        if (this.full) throw new Error('ENOSPC');
        super.write(data);
      }
    }
    const store = new FullDisk();
    const { callLog, log, clock } = open(store);
    expect(() => callLog.record(ringing('r1'), 'missed')).not.toThrow();
    await clock.advanceAsync(CALL_LOG_SAVE_DELAY_MS);
    expect(callLog.entries()).toHaveLength(1);
    expect(log.lines.some((line) => /could not save/.test(line.message))).toBe(true);
    // Space again: the quit's flush saves the entry the failed write carried.
    store.full = false;
    expect(() => callLog.flush()).not.toThrow();
    expect((store.current() as { entries: unknown[] }).entries).toHaveLength(1);
  });

  it('a burst of calls ending in one snapshot is one write', async () => {
    const store = new MemorySettingsStore();
    const { callLog, clock } = open(store);
    for (let i = 0; i < 200; i += 1) callLog.record(ringing(`r${i}`), 'missed');
    await clock.advanceAsync(10_000);
    expect(store.writes).toBe(1);
    expect((store.current() as { entries: unknown[] }).entries).toHaveLength(200);
  });

  it('calls ending steadily are written at most once per save delay, and none is left unsaved', async () => {
    const store = new MemorySettingsStore();
    const { callLog, clock } = open(store);
    // One call ends every 10 ms for 2 s: 200 calls.
    for (let i = 0; i < 200; i += 1) {
      callLog.record(ringing(`r${i}`), 'missed');
      await clock.advanceAsync(10);
    }
    await clock.advanceAsync(CALL_LOG_SAVE_DELAY_MS);
    expect(store.writes).toBeLessThanOrEqual(Math.ceil(2_000 / CALL_LOG_SAVE_DELAY_MS) + 1);
    expect(store.writes).toBeGreaterThanOrEqual(2);
    expect((store.current() as { entries: unknown[] }).entries).toHaveLength(200);
  });

  it('flush saves at once, and the pending timed write then has nothing left to do', async () => {
    const store = new MemorySettingsStore();
    const { callLog, clock } = open(store);
    callLog.record(ringing('r1'), 'missed');
    callLog.flush();
    expect(store.writes).toBe(1);
    expect(clock.pendingTimers()).toBe(0);
    await clock.advanceAsync(10_000);
    callLog.flush();
    expect(store.writes).toBe(1);
  });
});
