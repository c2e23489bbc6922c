import { describe, expect, it } from 'vitest';
import type { CallDeckApi } from '../../../preload/contract.js';
import { createPkcePair, randomState, s256 } from '../../../main/auth/pkce.js';
import { createSecretOpener } from '../../../main/auth/sealed-input.js';
import { mintVideoSdkToken } from '../../../main/auth/videosdk-token.js';
import { missingScopes } from '../../../main/auth/webex-scopes.js';
import { authorizeUrl } from '../../../main/auth/webex-sign-in.js';
import { redact } from '../../../main/core/console-logger.js';
import { sealSecret } from '../../../renderer/crypto/seal-secret.js';

describe('PKCE', () => {
  it('matches RFC 7636 appendix B', () => {
    expect(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a 43-character verifier, its S256 challenge, and a fresh state each time', () => {
    const a = createPkcePair();
    const b = createPkcePair();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.challenge).toBe(s256(a.verifier));
    expect(a.verifier).not.toBe(b.verifier);
    expect(randomState()).not.toBe(randomState());
  });

  it('builds the authorize URL with %20-separated scopes', () => {
    const url = new URL(authorizeUrl({ baseUrl: 'https://webexapis.com/v1', clientId: 'C1', redirectUri: 'http://localhost:6001/callback', state: 'st', challenge: 'ch' }));
    expect(url.origin + url.pathname).toBe('https://webexapis.com/v1/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'C1',
      response_type: 'code',
      redirect_uri: 'http://localhost:6001/callback',
      scope: 'spark:calls_read spark:calls_write spark:people_read meeting:participants_read meeting:participants_write spark:telephony_config_read spark:telephony_config_write',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
  });
});

describe('sealed secrets', () => {
  const opener = createSecretOpener();
  const api = { accounts: { sealingKey: async () => ({ ok: true, value: await opener.publicKey() }) } } as unknown as CallDeckApi;

  it('open in main to exactly what the renderer sealed', async () => {
    const sealed = await sealSecret(api, 'videosdk.secret', 'päss wörd ✓');
    expect(sealed.ok).toBe(true);
    if (!sealed.ok) return;
    expect(JSON.stringify(sealed.value)).not.toContain('päss');
    await expect(opener.open(sealed.value, 'videosdk.secret')).resolves.toBe('päss wörd ✓');
  });

  it('cannot be replayed into another field, tampered with, or opened after a restart', async () => {
    const sealed = await sealSecret(api, 'webex.pat', 'token-value');
    if (!sealed.ok) throw new Error('sealing failed');
    const unreadable = { code: 'invalid-input', message: 'CallDeck could not read the secret you entered. Please enter it again.' };
    await expect(opener.open(sealed.value, 'webex.clientSecret')).rejects.toMatchObject(unreadable);
    const flipped = Buffer.from(sealed.value.data, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    await expect(opener.open({ ...sealed.value, data: flipped.toString('base64') }, 'webex.pat')).rejects.toMatchObject(unreadable);
    await expect(createSecretOpener().open(sealed.value, 'webex.pat')).rejects.toMatchObject(unreadable);
  });
});

describe('scopes', () => {
  it('lists what was not granted, with what it is for', () => {
    expect(missingScopes(undefined)).toEqual([]);
    const missing = missingScopes(['spark:calls_read', 'spark:people_read', 'meeting:participants_read', 'meeting:participants_write', 'spark:telephony_config_read', 'spark:telephony_config_write']);
    expect(missing).toEqual([{ scope: 'spark:calls_write', neededFor: 'answering, holding, transferring and hanging up calls' }]);
  });
});

describe('log redaction', () => {
  it('hides Authorization headers, bearer tokens and bare JWTs', () => {
    const jwt = mintVideoSdkToken({ apiKey: 'k', secret: 's' });
    const out = JSON.stringify(
      redact({
        headers: { Authorization: jwt, authorization: 'Bearer sandbox_at_abc' },
        note: `sent Authorization: ${jwt}`,
        other: 'Bearer sandbox_at_abc',
      }),
    );
    expect(out).not.toContain(jwt);
    expect(out).not.toContain('sandbox_at_abc');
    expect(out).toContain('[redacted jwt]');
  });
});
