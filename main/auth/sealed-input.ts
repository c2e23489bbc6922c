/**
 * Secrets the user types travel from the renderer to main sealed, so that no bridge message ever
 * holds one in the clear (the leak test checks every frame). Main makes an RSA-OAEP key pair per
 * run, lazily; the renderer encrypts with AES-256-GCM under a fresh key, binds the field's purpose
 * as associated data, and wraps the key with the public key (renderer/crypto/seal-secret.ts).
 */
import { constants, createDecipheriv, generateKeyPair, privateDecrypt, randomBytes, type KeyObject } from 'node:crypto';
import type { SealedSecret, SealingKey, SecretPurpose } from '../../preload/contract.js';
import { AppError } from '../core/app-error.js';

const TAG_BYTES = 16;

export interface SecretOpener {
  publicKey(): Promise<SealingKey>;
  open(sealed: SealedSecret, purpose: SecretPurpose): Promise<string>;
}

export function createSecretOpener(): SecretOpener {
  let pair: Promise<{ keyId: string; publicKey: string; privateKey: KeyObject }> | undefined;
  const keys = () =>
    (pair ??= new Promise((resolve, reject) => {
      generateKeyPair('rsa', { modulusLength: 2048 }, (error, publicKey, privateKey) => {
        if (error) reject(error);
        else {
          resolve({
            keyId: randomBytes(9).toString('base64url'),
            publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
            privateKey,
          });
        }
      });
    }));

  const unreadable = () => new AppError('invalid-input', 'CallDeck could not read the secret you entered. Please enter it again.');

  return {
    async publicKey() {
      const { keyId, publicKey } = await keys();
      return { keyId, publicKey };
    },
    async open(sealed, purpose) {
      const { keyId, privateKey } = await keys();
      // An old key id means the app restarted since the page fetched its key.
      if (sealed.keyId !== keyId) throw unreadable();
      try {
        const key = privateDecrypt(
          { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
          Buffer.from(sealed.wrappedKey, 'base64'),
        );
        const data = Buffer.from(sealed.data, 'base64');
        if (key.length !== 32 || data.length < TAG_BYTES) throw unreadable();
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'), { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(purpose, 'utf8'));
        decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
        return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw unreadable();
      }
    },
  };
}
