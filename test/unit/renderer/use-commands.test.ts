import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createAppStore } from '../../../renderer/store/app-store';
import { bindBridge } from '../../../renderer/store/bind-bridge';
import { commandsOf } from '../../../renderer/store/use-commands';
import { FakeCallDeckApi } from './fake-api';

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

async function boundStore(api = new FakeCallDeckApi()) {
  const store = createAppStore();
  bindBridge(api, store);
  await settle();
  return { api, store };
}

describe('commandsOf', () => {
  test('makes one command layer per slice per store, so queues and counters are shared', async () => {
    const { store } = await boundStore();
    const other = createAppStore();
    expect(commandsOf(store, 'calls')).toBe(commandsOf(store, 'calls'));
    expect(commandsOf(store, 'settings')).toBe(commandsOf(store, 'settings'));
    expect(commandsOf(other, 'calls')).not.toBe(commandsOf(store, 'calls'));
  });

  test("every slice's commands run through app.act: pending while in flight, a second press ignored", async () => {
    const { api, store } = await boundStore();
    const dnd = api.defer('desktop:setDnd');
    const first = commandsOf(store, 'desktop').setDnd(true);
    expect(store.getState().ui.pending['desktop:dnd']).toBe(true);
    expect(await commandsOf(store, 'desktop').setDnd(true)).toBeNull();
    dnd.resolve({ ok: true, value: { status: 'on', updating: false } });
    expect((await first)?.ok).toBe(true);
    expect(store.getState().ui.pending['desktop:dnd']).toBeUndefined();
    expect(api.invoked('desktop:setDnd')).toHaveLength(1);
  });

  test('a refused settings save is put back and reported once', async () => {
    const api = new FakeCallDeckApi();
    api.respond('settings:set', () => ({ ok: false, error: { code: 'invalid-input', message: 'Not a country' } }));
    const { store } = await boundStore(api);
    commandsOf(store, 'settings').save({ defaultCountry: 'XX' });
    expect(store.getState().settings.values?.defaultCountry).toBe('XX');
    await settle();
    expect(store.getState().settings.values?.defaultCountry).toBe('US');
    expect(store.getState().ui.errors.map((e) => e.title)).toEqual(['Could not save settings']);
  });
});

describe('one way for the window to act', () => {
  // vitest runs from the repository root (jsdom gives import.meta.url no file: scheme).
  const components = join(process.cwd(), 'renderer/components/');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
    );

  test.each(files(components).map((file) => [file.slice(components.length), file]))('%s asks main only through useCommands', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).not.toMatch(/\.act\(|\.bridge\b|app\.act|findBridge/);
  });
});
