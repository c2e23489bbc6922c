import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeKeychain } from '../../fakes/fake-keychain.js';
import { createWorld, DEFAULT_LABEL, everything, issuedSecrets, signedIn, type World } from './account-world.js';

let world: World;
afterEach(async () => world?.close());

const vaultFile = () => join(world.dir, 'vault.json');
const readVault = (): { persist?: boolean; entries: Record<string, string> } =>
  existsSync(vaultFile()) ? JSON.parse(readFileSync(vaultFile(), 'utf8')) : { entries: {} };

describe('staying signed in across restarts', () => {
  it('keeps the sign-in as keychain ciphertext on disk and resumes it without a new sign-in', async () => {
    world = await createWorld();
    await signedIn(world);
    const disk = readFileSync(vaultFile(), 'utf8') + readFileSync(join(world.dir, 'accounts.json'), 'utf8');
    for (const secret of issuedSecrets(world)) expect(disk).not.toContain(secret);
    expect(Object.keys(readVault().entries).sort()).toEqual([`webex:${world.webex().id}:clientSecret`, `webex:${world.webex().id}:tokens`]);

    await world.restart();
    expect(world.webex()).toMatchObject({ status: 'signed-in', user: { displayName: 'Alex Morgan' }, inUse: true });
    expect(world.core.calls.line().label).toBe('Webex · Alex Morgan (alex.morgan@example.com)');
    world.line.control.incomingCall({ from: { number: '+12015550123' } });
    await world.core.calls.refresh();
    expect(world.core.snapshot().calls).toHaveLength(1);
    expect(world.line.oauth.stats()).toMatchObject({ authorizations: 1, codeGrants: 1 });
  });

  it('re-encrypts when the keychain asks to, and still reads it back', async () => {
    world = await createWorld();
    await signedIn(world);
    const before = readVault().entries;
    world.keychain.wantsReEncrypt = true;
    await world.restart();
    const after = readVault().entries;
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const key of Object.keys(before)) expect(after[key]).not.toBe(before[key]);
    world.keychain.wantsReEncrypt = false;
    await world.restart();
    expect(world.webex().status).toBe('signed-in');
  });

  it('lets the person choose to keep secrets for this session only', async () => {
    world = await createWorld();
    await signedIn(world);
    const snapshot = await world.ok('accounts:setPersistence', { persist: false });
    expect(snapshot.storage).toEqual({ protection: 'keychain', backend: 'fake keychain', persist: false });
    expect(readVault()).toEqual({ version: 1, persist: false, entries: {} });
    await world.restart();
    expect(world.webex()).toMatchObject({ status: 'signed-out', hasClientSecret: false });
    expect(world.webex().problem).toBeUndefined();
    expect(world.core.calls.line().label).toBe(DEFAULT_LABEL);
  });
});

describe('Linux basic_text: secrets would only be obfuscated', () => {
  it('keeps them in memory for the session by default, and on disk only after consent', async () => {
    world = await createWorld({ keychain: new FakeKeychain('obfuscated') });
    expect((await world.ok('accounts:list')).storage).toEqual({ protection: 'obfuscated', backend: 'basic_text', persist: false });
    await signedIn(world);
    expect(world.webex().status).toBe('signed-in');
    expect(readVault().entries).toEqual({});
    expect(world.keychain.encryptions).toBe(0);

    await world.restart();
    expect(world.webex().status).toBe('signed-out');
    expect(world.webex().problem).toBeUndefined();

    await world.ok('accounts:setPersistence', { persist: true });
    await signedIn(world);
    expect(Object.keys(readVault().entries)).toHaveLength(2);
    expect(readVault().persist).toBe(true);
    for (const secret of issuedSecrets(world)) expect(readFileSync(vaultFile(), 'utf8')).not.toContain(secret);
    await world.restart();
    expect((await world.ok('accounts:list')).storage.persist).toBe(true);
    expect(world.webex().status).toBe('signed-in');
  });

  it('cannot store anything when the system offers no encryption at all, and says why', async () => {
    world = await createWorld({ keychain: new FakeKeychain('unavailable') });
    await signedIn(world);
    const result = await world.call('accounts:setPersistence', { persist: true });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'This system offers CallDeck no way to encrypt secrets, so they can only be kept for this session.' },
    });
    expect(world.webex().status).toBe('signed-in');
  });
});

describe('ciphertext that cannot be read back', () => {
  it('asks to sign in again when the ciphertext is corrupt, without crashing, keeping the settings', async () => {
    world = await createWorld();
    await signedIn(world);
    const { clientId, redirectUri, baseUrl } = world.webex();
    const vault = readVault();
    for (const key of Object.keys(vault.entries)) vault.entries[key] = Buffer.from('definitely not ciphertext').toString('base64');
    writeFileSync(vaultFile(), JSON.stringify(vault));

    await world.restart();
    expect(world.webex()).toMatchObject({
      status: 'signed-out',
      clientId,
      redirectUri,
      baseUrl,
      hasClientSecret: false,
      problem: 'CallDeck could not read your saved sign-in: the system keychain changed or the saved data is damaged. Sign in again; your settings are kept.',
    });
    expect(world.core.calls.line().label).toBe(DEFAULT_LABEL);
    expect(world.log.lines.some((l) => l.level === 'warn' && /could not be decrypted/.test(l.message))).toBe(true);
  });

  it('does the same when the keychain lost its key', async () => {
    world = await createWorld();
    await signedIn(world);
    world.keychain.loseKey();
    await world.restart();
    expect(world.webex()).toMatchObject({ status: 'signed-out' });
    expect(world.webex().problem).toMatch(/could not read your saved sign-in/);
    // Signing in again replaces the unreadable ciphertext.
    await signedIn(world);
    await world.restart();
    expect(world.webex().status).toBe('signed-in');
  });

  it('survives a vault file that is not even JSON, and keeps it aside', async () => {
    world = await createWorld();
    await signedIn(world);
    writeFileSync(vaultFile(), '{"version":1,"entries":{');
    await world.restart();
    expect(world.webex()).toMatchObject({ status: 'signed-out', clientId: world.line.oauth.client.id });
    expect(world.webex().problem).toMatch(/could not read your saved sign-in/);
    expect(readdirSync(world.dir).some((name) => name.startsWith('vault.json.corrupt-'))).toBe(true);
  });
});

describe('the whole life of an account leaves nothing behind', () => {
  it('no secret in snapshots, documents or logs after sign-in, use, VideoSDK, and sign-out', async () => {
    world = await createWorld();
    await signedIn(world);
    await world.core.calls.refresh();
    await world.ok('accounts:configureVideoSdk', { apiKey: 'vsdk-key-123', secret: await world.seal('videosdk.secret', 'vsdk-secret-XYZ-987') });
    const jwt = world.core.accounts.mintVideoSdkToken();
    const secrets = [...issuedSecrets(world), 'vsdk-secret-XYZ-987', jwt];
    await world.ok('accounts:signOut', { id: world.webex().id });
    const all = everything(world) + readFileSync(vaultFile(), 'utf8') + readFileSync(join(world.dir, 'accounts.json'), 'utf8');
    for (const secret of secrets) expect(all).not.toContain(secret);
  });
});
