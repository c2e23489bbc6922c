import { describe, expect, it } from 'vitest';
import { createCoalescedSave } from '../../../main/core/coalesced-save.js';
import type { SettingsReadResult, SettingsStore } from '../../../main/core/ports.js';
import { FakeClock, flushAsync } from '../../fakes/fake-clock.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

/** A store whose background writes finish (or fail) only when the test says so. */
class GatedStore implements SettingsStore {
  document: unknown = undefined;
  syncWrites: unknown[] = [];
  started: { data: unknown; finish: () => void; fail: (error: Error) => void }[] = [];
  read(): SettingsReadResult {
    return { ok: true, data: this.document };
  }
  private writes = 0;
  write(data: unknown): void {
    this.writes += 1;
    this.syncWrites.push(data);
    this.document = data;
  }
  writeInBackground(data: unknown): Promise<void> {
    const mine = ++this.writes;
    return new Promise((resolve, reject) => {
      this.started.push({
        data,
        finish: () => {
          // The port's promise: a write made after this one started wins.
          if (mine === this.writes) this.document = data;
          resolve();
        },
        fail: reject,
      });
    });
  }
  keepAside(): string | undefined {
    return undefined;
  }
}

const DELAY = 250;

function setup() {
  const clock = new FakeClock();
  const log = new MemoryLogger();
  const store = new GatedStore();
  let version = 0;
  const save = createCoalescedSave({ store, clock, log, document: () => ({ version }), delayMs: DELAY, what: 'test doc' });
  const change = () => {
    version += 1;
    save.changed();
  };
  return { clock, log, store, save, change };
}

describe('coalesced save', () => {
  it('starts one background write per delay, whatever the number of changes', async () => {
    const { clock, store, change } = setup();
    for (let i = 0; i < 50; i += 1) change();
    await clock.advanceAsync(DELAY - 1);
    expect(store.started).toHaveLength(0);
    await clock.advanceAsync(1);
    expect(store.started.map((w) => w.data)).toEqual([{ version: 50 }]);
  });

  it('keeps at most one write in flight; changes made meanwhile go in the next, started as soon as it ends', async () => {
    const { clock, store, change } = setup();
    change();
    await clock.advanceAsync(DELAY);
    expect(store.started).toHaveLength(1);
    change();
    change();
    await clock.advanceAsync(DELAY * 10);
    expect(store.started).toHaveLength(1);
    store.started[0]?.finish();
    await flushAsync();
    expect(store.started.map((w) => w.data)).toEqual([{ version: 1 }, { version: 3 }]);
    store.started[1]?.finish();
    await flushAsync();
    await clock.advanceAsync(DELAY * 10);
    expect(store.started).toHaveLength(2);
    expect(store.document).toEqual({ version: 3 });
  });

  it('flush writes the latest document on the spot, even with a write in flight, and cancels the timer', async () => {
    const { clock, store, save, change } = setup();
    change();
    await clock.advanceAsync(DELAY);
    change();
    save.flush();
    expect(store.syncWrites).toEqual([{ version: 2 }]);
    expect(clock.pendingTimers()).toBe(0);
    store.started[0]?.finish();
    await save.settled();
    await clock.advanceAsync(DELAY * 10);
    expect(store.started).toHaveLength(1);
    expect(store.document).toEqual({ version: 2 });
  });

  it('flush with nothing unsaved writes nothing', async () => {
    const { clock, store, save, change } = setup();
    save.flush();
    change();
    await clock.advanceAsync(DELAY);
    store.started[0]?.finish();
    await save.settled();
    save.flush();
    expect(store.syncWrites).toEqual([]);
  });

  it('a failed background write is logged, and its changes go with the next write', async () => {
    const { clock, store, save, log, change } = setup();
    change();
    await clock.advanceAsync(DELAY);
    store.started[0]?.fail(new Error('ENOSPC'));
    await save.settled();
    expect(log.lines.filter((line) => line.level === 'warn').map((line) => line.message)).toEqual(['test doc: could not save']);
    save.flush();
    expect(store.syncWrites).toEqual([{ version: 1 }]);
  });
});
