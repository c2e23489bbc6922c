/**
 * Damaged stored files: settings, the call log, the vault, accounts (and window state, whose
 * loader lives outside the core; see window-state-file.test.ts). Each corruption — truncated JSON,
 * wrong types, a wrong version, an empty file — must leave the app starting, the damaged original
 * kept aside, the person told (a notice the window shows), and every still-valid record kept.
 * The files are real (conf, electron-store's engine); the restart is a new core on the same files.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice, StoredFile } from '../../preload/contract.js';
import { createWorld, type World } from './kit/world.js';

type Json = Record<string, unknown>;
type Corruption = { name: string; damage: (text: string, doc: Json) => string; expectNotice: boolean };

const CORRUPTIONS: Corruption[] = [
  { name: 'truncated JSON', damage: (text) => text.slice(0, Math.floor(text.length / 2)), expectNotice: true },
  { name: 'an empty file', damage: () => '', expectNotice: true },
];

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** A person's day one: settings changed, two calls logged, a Webex PAT and a VideoSDK key saved. */
async function configuredWorld(): Promise<World> {
  const w = await createWorld();
  await w.ok('settings:set', { defaultCountry: 'GB', deepLinkAction: 'dial', pollIdleMs: 1500 });
  for (const number of ['+14155550101', '+14155550102']) {
    const id = w.line.control.incomingCall({ from: { number, name: `Caller ${number.slice(-3)}` } });
    await w.run(3_000);
    w.line.control.remoteHangup(id);
    await w.run(3_000);
  }
  await w.ok('accounts:usePat', { token: await w.seal('webex.pat', w.line.token), baseUrl: w.gate.baseUrl });
  await w.ok('accounts:configureVideoSdk', { apiKey: 'vsdk-key-1', secret: await w.seal('videosdk.secret', 'vsdk-secret-value') });
  await w.run(2_000);
  return w;
}

const path = (w: World, file: StoredFile) => join(w.dir, `${file}.json`);
const readDoc = (w: World, file: StoredFile): Json => JSON.parse(readFileSync(path(w, file), 'utf8')) as Json;
const keptAside = (w: World, file: StoredFile) => readdirSync(w.dir).filter((name) => name.startsWith(`${file}.json.corrupt-`));

async function noticesFor(w: World, file: StoredFile): Promise<Notice[]> {
  const list = await w.ok('notices:list');
  return list.filter((n) => n.file === file);
}

function expectToldAndKeptAside(w: World, file: StoredFile, notices: Notice[], originalText: string): void {
  const aside = keptAside(w, file);
  expect(aside, `${file}: the damaged original is kept aside`).toHaveLength(1);
  expect(readFileSync(join(w.dir, aside[0] ?? ''), 'utf8')).toBe(originalText);
  expect(notices, `${file}: the person is told`).toHaveLength(1);
  expect(notices[0]?.keptAt).toBe(join(w.dir, aside[0] ?? ''));
}

/** Per file: how to damage its records beyond JSON syntax, and what must survive. */
const FILES: {
  file: StoredFile;
  wrongTypes: (doc: Json) => Json;
  wrongVersion: ((doc: Json) => Json) | 'unversioned';
  kept: (w: World, corruption: string) => Promise<void>;
}[] = [
  {
    file: 'settings',
    wrongTypes: (doc) => ({ ...doc, defaultCountry: 42, hotkeys: 'all of them' }),
    wrongVersion: 'unversioned',
    async kept(w, corruption) {
      const settings = w.core.settings.get();
      if (corruption === 'wrong types') {
        // The two damaged fields fall back to defaults; the rest is what the person chose.
        expect(settings).toMatchObject({ deepLinkAction: 'dial', pollIdleMs: 1500, defaultCountry: 'US' });
      }
      expect(w.settingsStore.read()).toMatchObject({ ok: true, data: settings });
    },
  },
  {
    file: 'call-log',
    wrongTypes: (doc) => ({ ...doc, entries: [...(doc.entries as unknown[]), { type: 'missed', time: 42 }, 'not an entry'] }),
    wrongVersion: (doc) => ({ ...doc, version: 99 }),
    async kept(w, corruption) {
      const local = (await w.ok('calls:history')).filter((e) => e.source === 'local');
      if (corruption !== 'truncated JSON' && corruption !== 'an empty file') expect(local.map((e) => e.number).sort()).toEqual(['+14155550101', '+14155550102']);
    },
  },
  {
    file: 'vault',
    wrongTypes: (doc) => ({ ...doc, entries: { ...(doc.entries as Json), 'webex:bogus': 12345 } }),
    wrongVersion: (doc) => ({ ...doc, version: 2 }),
    async kept(w, corruption) {
      const snapshot = await w.ok('accounts:list');
      const webex = snapshot.accounts.find((a) => a.kind === 'webex');
      const videosdk = snapshot.accounts.find((a) => a.kind === 'videosdk');
      // The records themselves (accounts.json) are never lost with the vault.
      expect(webex).toMatchObject({ baseUrl: w.gate.baseUrl });
      expect(videosdk).toMatchObject({ apiKey: 'vsdk-key-1' });
      if (corruption === 'wrong types' || corruption === 'a wrong version') {
        expect(webex).toMatchObject({ status: 'signed-in' });
        expect(videosdk).toMatchObject({ hasSecret: true });
      } else {
        // The secrets went with the file: the person is asked to sign in again, not shown a crash.
        expect(webex?.status).not.toBe('signed-in');
      }
    },
  },
  {
    file: 'accounts',
    wrongTypes: (doc) => ({ ...doc, accounts: [...(doc.accounts as unknown[]), { kind: 'webex', id: 7 }, { kind: 'fax' }] }),
    wrongVersion: (doc) => ({ ...doc, version: 3 }),
    async kept(w, corruption) {
      const snapshot = await w.ok('accounts:list');
      if (corruption === 'wrong types' || corruption === 'a wrong version') {
        expect(snapshot.accounts.find((a) => a.kind === 'webex')).toMatchObject({ status: 'signed-in', baseUrl: w.gate.baseUrl });
        expect(snapshot.accounts.find((a) => a.kind === 'videosdk')).toMatchObject({ apiKey: 'vsdk-key-1', hasSecret: true });
      } else {
        expect(snapshot.accounts).toEqual([]);
      }
      // Whatever happened to accounts, the line still works: the default one if need be.
      await w.run(3_000);
      expect(w.core.snapshot().line.state).toBe('ok');
    },
  },
];

describe('damaged stored files', () => {
  for (const entry of FILES) {
    describe(entry.file, () => {
      const cases: Corruption[] = [
        ...CORRUPTIONS,
        { name: 'wrong types', damage: (_text, doc) => JSON.stringify(entry.wrongTypes(doc)), expectNotice: true },
        ...(entry.wrongVersion === 'unversioned'
          ? [{ name: 'an unknown version field (the file has no version: ignored, nothing lost)', damage: (_t: string, doc: Json) => JSON.stringify({ ...doc, version: 99 }), expectNotice: false }]
          : [{ name: 'a wrong version', damage: (_t: string, doc: Json) => JSON.stringify((entry.wrongVersion as (d: Json) => Json)(doc)), expectNotice: true }]),
      ];
      for (const corruption of cases) {
        it(corruption.name, async () => {
          world = await configuredWorld();
          const w = world;
          let damagedText = '';
          await w.restart((dir) => {
            const file = join(dir, `${entry.file}.json`);
            const text = readFileSync(file, 'utf8');
            damagedText = corruption.damage(text, JSON.parse(text) as Json);
            writeFileSync(file, damagedText);
          });
          const notices = await noticesFor(w, entry.file);
          if (corruption.expectNotice) expectToldAndKeptAside(w, entry.file, notices, damagedText);
          else {
            expect(notices).toEqual([]);
            expect(keptAside(w, entry.file)).toEqual([]);
          }
          // No other file was touched by this one's damage.
          for (const other of FILES.map((f) => f.file).filter((f) => f !== entry.file)) {
            expect(await noticesFor(w, other), `${other} untouched`).toEqual([]);
          }
          await entry.kept(w, corruption.name);
          // What was saved after recovery (if anything yet) reads back cleanly on the next start.
          if (existsSync(path(w, entry.file))) expect(() => readDoc(w, entry.file)).not.toThrow();
          await w.restart();
          expect(await w.ok('notices:list')).toEqual([]);
          expect(w.crashes).toEqual([]);
        }, 20_000);
      }
    });
  }

  it('a notice is dismissed through the bridge and stays dismissed', async () => {
    world = await configuredWorld();
    const w = world;
    await w.restart((dir) => writeFileSync(join(dir, 'settings.json'), '{"defaultCountry":'));
    const [notice] = await w.ok('notices:list');
    expect(notice?.message).toMatch(/settings file was damaged/);
    expect(await w.ok('notices:dismiss', { id: notice?.id ?? '' })).toEqual([]);
    expect(await w.ok('notices:list')).toEqual([]);
  });
});
