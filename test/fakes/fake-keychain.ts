/**
 * The OS keychain for tests and the harness: real AES-256-GCM under a key that lives as long as
 * this object (as the OS keychain outlives app restarts), so ciphertext on "disk" never contains
 * the secret. Tests turn the knobs a real keychain has: its protection level, losing its key,
 * asking for re-encryption, failing outright.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keychain, KeychainProtection } from '../../main/core/ports.js';

export class FakeKeychain implements Keychain {
  private key = randomBytes(32);
  /** Next decrypts report shouldReEncrypt (the OS rotated its key). */
  wantsReEncrypt = false;
  encryptions = 0;
  decryptions = 0;

  constructor(
    public level: KeychainProtection = 'keychain',
    public backend = level === 'obfuscated' ? 'basic_text' : level === 'unavailable' ? 'none' : 'fake keychain',
  ) {}

  async protection(): Promise<{ level: KeychainProtection; backend: string }> {
    return { level: this.level, backend: this.backend };
  }

  async encrypt(plain: string): Promise<Uint8Array> {
    if (this.level === 'unavailable') throw new Error('encryption is not available');
    this.encryptions += 1;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), data]));
  }

  async decrypt(sealed: Uint8Array): Promise<{ plain: string; shouldReEncrypt: boolean }> {
    if (this.level === 'unavailable') throw new Error('encryption is not available');
    this.decryptions += 1;
    const buf = Buffer.from(sealed);
    const decipher = createDecipheriv('aes-256-gcm', this.key, buf.subarray(0, 12), { authTagLength: 16 });
    decipher.setAuthTag(buf.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
    return { plain, shouldReEncrypt: this.wantsReEncrypt };
  }

  /** As when the user's login keyring is reset: everything encrypted before no longer decrypts. */
  loseKey(): void {
    this.key = randomBytes(32);
  }
}
