import type { CallDeckApi, Result, SealedSecret, SecretPurpose } from '../../preload/contract';

/**
 * Seals a secret the user typed so it crosses the bridge as ciphertext only: AES-256-GCM under a
 * fresh key, the field's purpose as associated data, the key wrapped with main's RSA-OAEP public
 * key. Only main can open it (main/auth/sealed-input.ts), and only for that field.
 */
export async function sealSecret(api: CallDeckApi, purpose: SecretPurpose, plain: string): Promise<Result<SealedSecret>> {
  const key = await api.accounts.sealingKey();
  if (!key.ok) return key;
  try {
    const subtle = globalThis.crypto.subtle;
    const encoder = new TextEncoder();
    const publicKey = await subtle.importKey('spki', fromBase64(key.value.publicKey), { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);
    const contentKey = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
    const data = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(purpose) }, contentKey, encoder.encode(plain));
    const wrappedKey = await subtle.encrypt({ name: 'RSA-OAEP' }, publicKey, await subtle.exportKey('raw', contentKey));
    return {
      ok: true,
      value: { keyId: key.value.keyId, wrappedKey: toBase64(wrappedKey), iv: toBase64(iv), data: toBase64(data) },
    };
  } catch {
    return { ok: false, error: { code: 'internal', message: 'CallDeck could not protect the secret for sending. Try again.' } };
  }
}

function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (const byte of view) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}
