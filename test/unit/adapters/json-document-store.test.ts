/**
 * The document store on real files in a temp folder, through conf (electron-store's engine):
 * background writes replace the file whole, never overtake a later write, and leave no litter.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonDocumentStore } from '../../../main/adapters/json-document-store.js';
import type { SettingsStore } from '../../../main/core/ports.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function openStore(): { store: SettingsStore & { writeInBackground(data: unknown): Promise<void> }; file: string; folder: string } {
  dir = mkdtempSync(join(tmpdir(), 'calldeck-doc-store-'));
  const store = createJsonDocumentStore({ cwd: dir, name: 'doc' }, ({ cwd, name }) => new Conf({ cwd, configName: name }), { now: () => 0 });
  if (!store.writeInBackground) throw new Error('the adapter must write in the background');
  return { store: store as SettingsStore & { writeInBackground(data: unknown): Promise<void> }, file: join(dir, 'doc.json'), folder: dir };
}

describe('json document store', () => {
  it('a background write lands whole, reads back through conf, and leaves no temp file', async () => {
    const { store, file, folder } = openStore();
    const document = { version: 1, entries: Array.from({ length: 500 }, (_, i) => ({ n: i })) };
    await store.writeInBackground(document);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(document);
    expect(store.read()).toEqual({ ok: true, data: document });
    expect(readdirSync(folder)).toEqual(['doc.json']);
  });

  it('a write made while a background write is in flight wins, whichever finishes last', async () => {
    const { store, file, folder } = openStore();
    const older = store.writeInBackground({ which: 'older' });
    store.write({ which: 'newer' });
    await older;
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ which: 'newer' });
    expect(readdirSync(folder)).toEqual(['doc.json']);
  });

  it('of two background writes, the later one is what stays', async () => {
    const { store, file } = openStore();
    await Promise.all([store.writeInBackground({ n: 1 }), store.writeInBackground({ n: 2 })]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ n: 2 });
  });

  it('a failed background write rejects and leaves the file as it was', async () => {
    const { store, file } = openStore();
    store.write({ kept: true });
    // A value JSON cannot hold fails before anything touches the disk.
    await expect(store.writeInBackground({ big: 1n })).rejects.toThrow();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ kept: true });
  });

  it('clears temp files a crash left behind when the document is first read', () => {
    const { store, folder } = openStore();
    store.write({ kept: true });
    writeFileSync(join(folder, 'doc.json.tmp-4242-7'), '{"half":');
    writeFileSync(join(folder, 'other.json.tmp-1-1'), 'not ours');
    expect(store.read()).toEqual({ ok: true, data: { kept: true } });
    expect(readdirSync(folder).sort()).toEqual(['doc.json', 'other.json.tmp-1-1']);
  });
});
