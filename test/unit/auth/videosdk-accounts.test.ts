import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorld, everything, type World } from './account-world.js';

let world: World;
afterEach(async () => {
  vi.useRealTimers();
  await world?.close();
});

describe('VideoSDK keys', () => {
  it('are stored sealed, mint verifiable tokens in main, and never show the secret', async () => {
    world = await createWorld();
    const snapshot = await world.ok('accounts:configureVideoSdk', { apiKey: 'vsdk-key', secret: await world.seal('videosdk.secret', 'vsdk-secret-1') });
    expect(snapshot.accounts).toEqual([
      { kind: 'videosdk', id: expect.stringMatching(/^videosdk-/), apiKey: 'vsdk-key', baseUrl: 'https://api.videosdk.live', hasSecret: true },
    ]);
    // The SDK signs with the system time.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-03-02T09:00:00Z'));

    const token = world.core.accounts.mintVideoSdkToken({ ttlSec: 120 });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    expect(signature).toBe(createHmac('sha256', 'vsdk-secret-1').update(`${header}.${payload}`).digest('base64url'));
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const iat = Date.parse('2026-03-02T09:00:00Z') / 1000;
    expect(claims).toMatchObject({ apikey: 'vsdk-key', version: 2, roles: ['crawler'], iat, exp: iat + 120 });
    // A new token per use.
    vi.setSystemTime(Date.parse('2026-03-02T09:00:01Z'));
    expect(world.core.accounts.mintVideoSdkToken()).not.toBe(token);
    expect(everything(world)).not.toContain('vsdk-secret-1');
    expect(everything(world)).not.toContain(token);
  });

  it('keep the secret when only the key changes, and forget everything on removal', async () => {
    world = await createWorld();
    const first = await world.ok('accounts:configureVideoSdk', { apiKey: 'key-1', secret: await world.seal('videosdk.secret', 'secret-1') });
    const id = first.accounts[0]!.id;
    await world.ok('accounts:configureVideoSdk', { id, apiKey: 'key-2' });
    expect(JSON.parse(Buffer.from(world.core.accounts.mintVideoSdkToken().split('.')[1]!, 'base64url').toString())).toMatchObject({ apikey: 'key-2' });

    expect((await world.ok('accounts:removeVideoSdk', { id })).accounts).toEqual([]);
    expect(() => world.core.accounts.mintVideoSdkToken()).toThrow('Add your VideoSDK API key and secret in Settings → Accounts first.');
    expect(world.vaultStore.read()).toEqual({ ok: true, data: { version: 1, entries: {} } });
  });

  it('need a secret for a new account', async () => {
    world = await createWorld();
    expect(await world.call('accounts:configureVideoSdk', { apiKey: 'key-1' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Enter the API secret of your VideoSDK account.' },
    });
  });

  it('survive a restart, and say so when the secret could not be read back', async () => {
    world = await createWorld();
    await world.ok('accounts:configureVideoSdk', { apiKey: 'key-1', secret: await world.seal('videosdk.secret', 'secret-1') });
    await world.restart();
    expect(world.core.accounts.mintVideoSdkToken()).toMatch(/^eyJ/);
    world.keychain.loseKey();
    await world.restart();
    const [account] = (await world.ok('accounts:list')).accounts;
    expect(account).toMatchObject({ kind: 'videosdk', apiKey: 'key-1', hasSecret: false });
    expect(account?.problem).toMatch(/could not read the saved VideoSDK secret/);
  });
});

describe('the CALLDECK_VIDEOSDK_* account', () => {
  it('mints tokens when no account is saved, and a saved account takes over', async () => {
    world = await createWorld({ environmentVideoSdk: { baseUrl: 'http://127.0.0.1:9/', apiKey: 'env-key', secret: 'env-secret' } });
    const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    const fromEnv = world.core.accounts.mintVideoSdkToken();
    expect(claims(fromEnv)).toMatchObject({ apikey: 'env-key' });
    const [header, payload, signature] = fromEnv.split('.') as [string, string, string];
    expect(signature).toBe(createHmac('sha256', 'env-secret').update(`${header}.${payload}`).digest('base64url'));
    expect((await world.ok('accounts:list', undefined)).accounts).toEqual([]);

    await world.ok('accounts:configureVideoSdk', { apiKey: 'saved-key', secret: await world.seal('videosdk.secret', 'saved-secret') });
    expect(claims(world.core.accounts.mintVideoSdkToken())).toMatchObject({ apikey: 'saved-key' });
    expect(everything(world)).not.toContain('env-secret');
  });
});
