import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAccountsDocument } from '../../../main/auth/accounts-document.js';
import { MemoryLogger, MemorySettingsStore } from '../../fakes/in-memory-ports.js';
import { configureSandboxIntegration, createWorld, type World } from './account-world.js';

let world: World;
afterEach(async () => world?.close());

describe('the accounts document', () => {
  it('keeps the valid accounts of a damaged file, drops the rest, and keeps the original aside', () => {
    const store = new MemorySettingsStore({
      version: 1,
      accounts: [
        { kind: 'webex', id: 'webex-aaaa', baseUrl: 'https://webexapis.com/v1', clientId: 'C1', redirectUri: 'http://localhost:6001/callback' },
        { kind: 'webex', id: 'webex-bbbb' },
        { kind: 'videosdk', id: 'videosdk-cccc', apiKey: 'k' },
      ],
      lineAccountId: 'webex-aaaa',
    });
    const log = new MemoryLogger();
    const doc = readAccountsDocument(store, log);
    expect(doc.accounts.map((a) => a.id)).toEqual(['webex-aaaa', 'videosdk-cccc']);
    expect(doc.lineAccountId).toBe('webex-aaaa');
    expect(store.keptAside).toHaveLength(1);
    expect(store.current()).toEqual(doc);
    expect(log.lines.some((l) => l.level === 'warn')).toBe(true);
  });

  it('reads a file from before "Use XSI events" as it is: the choice is off, nothing is dropped or rewritten', () => {
    const before = {
      version: 1,
      accounts: [{ kind: 'webex', id: 'webex-aaaa', baseUrl: 'https://webexapis.com/v1', clientId: 'C1', redirectUri: 'http://localhost:6001/callback', useMeetings: true }],
      lineAccountId: 'webex-aaaa',
    };
    const store = new MemorySettingsStore(before);
    const doc = readAccountsDocument(store, new MemoryLogger());
    expect(doc).toEqual(before);
    expect(store.keptAside).toEqual([]);
    expect(store.writes).toBe(0);
  });

  it('keeps "Use XSI events" on disk across a restart, and an older file without it reads as off', async () => {
    world = await createWorld();
    await configureSandboxIntegration(world, { useXsi: true });
    const saved = world.accountsStore.read();
    if (!saved.ok) throw new Error('the accounts file was not written');
    expect((saved.data as { accounts: Array<{ useXsi?: boolean }> }).accounts[0]?.useXsi).toBe(true);
    await world.restart();
    expect(world.webex().useXsi).toBe(true);

    // The same account as an older CallDeck wrote it.
    const older = structuredClone(saved.data) as { accounts: Array<Record<string, unknown>> };
    delete older.accounts[0]!.useXsi;
    world.accountsStore.write(older);
    await world.restart();
    expect(world.webex()).toMatchObject({ clientId: world.line.oauth.client.id, useXsi: false });
  });

  it('is not written at start-up when there is nothing to change', async () => {
    world = await createWorld();
    expect(existsSync(join(world.dir, 'accounts.json'))).toBe(false);
  });

  it('starts empty from an unreadable file', () => {
    const store = new MemorySettingsStore({}, false);
    expect(readAccountsDocument(store, new MemoryLogger())).toEqual({ version: 1, accounts: [] });
  });
});
