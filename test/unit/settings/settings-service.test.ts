import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../preload/contract.js';
import { createJsonDocumentStore } from '../../../main/adapters/json-document-store.js';
import { createSettingsService } from '../../../main/settings/settings-service.js';
import { MemoryLogger } from '../../fakes/in-memory-ports.js';

// electron-store is conf plus Electron's paths; conf on a temp folder runs the same file code.
describe('settings on disk', () => {
  let dir: string;
  let file: string;
  const clock = { now: () => Date.parse('2026-11-21T10:00:00Z') };
  const open = () =>
    createJsonDocumentStore({ cwd: dir, name: 'settings' }, ({ cwd, name }) => new Conf({ cwd, configName: name }), clock);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'calldeck-settings-'));
    file = join(dir, 'settings.json');
  });

  it('starts with defaults and persists a change', () => {
    const service = createSettingsService(open(), new MemoryLogger());
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    service.set({ deepLinkAction: 'dial', pollIdleMs: 1500 });
    const again = createSettingsService(open(), new MemoryLogger());
    expect(again.get()).toMatchObject({ deepLinkAction: 'dial', pollIdleMs: 1500 });
  });

  it('recovers defaults from broken JSON and keeps the bad file aside', () => {
    writeFileSync(file, '{"pollIdleMs": 15');
    const log = new MemoryLogger();
    const service = createSettingsService(open(), log);
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    const aside = readdirSync(dir).find((name) => name.startsWith('settings.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe('{"pollIdleMs": 15');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject(DEFAULT_SETTINGS);
    expect(log.lines.some((line) => line.level === 'warn')).toBe(true);
  });

  it('keeps every valid field when some are invalid, and keeps the original aside', () => {
    const original = JSON.stringify({ deepLinkAction: 'dial', pollActiveMs: 5, hotkeys: 'nope', defaultCountry: 'GB' });
    writeFileSync(file, original);
    const service = createSettingsService(open(), new MemoryLogger());
    expect(service.get()).toMatchObject({
      deepLinkAction: 'dial',
      defaultCountry: 'GB',
      pollActiveMs: DEFAULT_SETTINGS.pollActiveMs,
      hotkeys: DEFAULT_SETTINGS.hotkeys,
    });
    const aside = readdirSync(dir).find((name) => name.startsWith('settings.json.corrupt-'));
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe(original);
  });

  it('rejects an invalid change and keeps the stored value', () => {
    const service = createSettingsService(open(), new MemoryLogger());
    expect(() => service.set({ pollActiveMs: 50 })).toThrow();
    expect(createSettingsService(open(), new MemoryLogger()).get().pollActiveMs).toBe(DEFAULT_SETTINGS.pollActiveMs);
  });

  it('tells listeners about a change', () => {
    const service = createSettingsService(open(), new MemoryLogger());
    const seen: string[] = [];
    service.onChange((s) => seen.push(s.deepLinkAction));
    service.set({ deepLinkAction: 'dial' });
    expect(seen).toEqual(['dial']);
  });
});
