/**
 * The window-state file is read by the composition root (not the core), through the same
 * notices wrapper: a damaged file is kept aside, the person told, and every valid field kept.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { createJsonDocumentStore } from '../../main/adapters/json-document-store.js';
import { createWindowMemory } from '../../main/desktop/window-memory.js';
import { createStoredFileNotices } from '../../main/settings/stored-file-notices.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { FakeNotifier, MemoryLogger } from '../fakes/in-memory-ports.js';

const VALID = { bounds: { x: 40, y: 60, width: 800, height: 600 }, maximized: true, closeToTrayHintShown: true };

function open(content: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'calldeck-window-'));
  if (content !== undefined) writeFileSync(join(dir, 'window-state.json'), content);
  const notices = createStoredFileNotices();
  const store = notices.watch(
    createJsonDocumentStore({ cwd: dir, name: 'window-state' }, ({ cwd, name }) => new Conf({ cwd, configName: name }), new FakeClock()),
    'window-state',
  );
  const notifier = new FakeNotifier();
  const memory = createWindowMemory({ store, notifier, log: new MemoryLogger() });
  return { dir, notices, memory, notifier, aside: () => readdirSync(dir).filter((n) => n.includes('.corrupt-')) };
}

describe('a damaged window-state file', () => {
  it.each([
    ['truncated JSON', JSON.stringify(VALID).slice(0, 30)],
    ['an empty file', ''],
  ])('%s: defaults, kept aside, the person told', (_name, content) => {
    const { memory, notices, aside } = open(content);
    expect(memory.bounds()).toBeUndefined();
    expect(aside()).toHaveLength(1);
    expect(notices.list()).toMatchObject([{ file: 'window-state', message: expect.stringMatching(/window position was damaged/) }]);
  });

  it('wrong types: the valid fields are kept, the file kept aside, the person told', () => {
    const { memory, notices, aside, dir, notifier } = open(JSON.stringify({ ...VALID, bounds: { x: 'left', y: 0, width: -5, height: 600 } }));
    expect(memory.bounds()).toBeUndefined();
    expect(memory.maximized()).toBe(true);
    // The one-time close-to-tray hint is not shown again just because the bounds were damaged.
    expect(memory.onCloseRequested({ closeToTray: true, quitting: false })).toBe('hide');
    expect(notifier.shown).toEqual([]);
    expect(aside()).toHaveLength(1);
    expect(notices.list()).toHaveLength(1);
    // The salvaged state was written back, so the next start is clean.
    expect(open(undefined).memory.bounds()).toBeUndefined();
    const again = createWindowMemory({
      store: createJsonDocumentStore({ cwd: dir, name: 'window-state' }, ({ cwd, name }) => new Conf({ cwd, configName: name }), new FakeClock()),
      notifier: new FakeNotifier(),
      log: new MemoryLogger(),
    });
    expect(again.maximized()).toBe(true);
  });

  it('an unknown version field is not damage: the file has no version, and nothing is lost', () => {
    const { memory, notices, aside } = open(JSON.stringify({ ...VALID, version: 9 }));
    expect(memory.bounds()).toEqual(VALID.bounds);
    expect(aside()).toEqual([]);
    expect(notices.list()).toEqual([]);
  });
});
