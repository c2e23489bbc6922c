import { describe, expect, it } from 'vitest';
import type { CallDeckApi } from '../../../preload/contract.js';
import { createSecretOpener } from '../../../main/auth/sealed-input.js';
import { sealSecret } from '../../../renderer/crypto/seal-secret.js';

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
