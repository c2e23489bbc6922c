import { describe, expect, it } from 'vitest';
import { createSafeStorageKeychain, type AsyncSafeStorage } from '../../../main/adapters/safe-storage-vault.js';

/** safeStorage's async half, as Electron 45 has it; the deprecated sync trio is not even there to call. */
class FakeSafeStorage implements AsyncSafeStorage {
  constructor(
    private readonly available: boolean,
    private readonly backend: ReturnType<AsyncSafeStorage['getSelectedStorageBackend']>,
    private readonly reEncrypt = false,
  ) {}
  async isAsyncEncryptionAvailable() {
    return this.available;
  }
  async encryptStringAsync(plainText: string) {
    return Buffer.from(`enc:${plainText}`);
  }
  async decryptStringAsync(encrypted: Buffer) {
    const text = encrypted.toString();
    if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { result: text.slice(4), shouldReEncrypt: this.reEncrypt };
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
}

describe('the safeStorage keychain adapter', () => {
  it('calls basic_text (and an unknown backend) obfuscation, a real keyring a keychain', async () => {
    expect(await createSafeStorageKeychain(new FakeSafeStorage(true, 'basic_text'), 'linux').protection()).toEqual({ level: 'obfuscated', backend: 'basic_text' });
    expect(await createSafeStorageKeychain(new FakeSafeStorage(true, 'unknown'), 'linux').protection()).toEqual({ level: 'obfuscated', backend: 'unknown' });
    expect(await createSafeStorageKeychain(new FakeSafeStorage(true, 'gnome_libsecret'), 'linux').protection()).toEqual({ level: 'keychain', backend: 'gnome_libsecret' });
    expect(await createSafeStorageKeychain(new FakeSafeStorage(true, 'unknown'), 'darwin').protection()).toEqual({ level: 'keychain', backend: 'macOS Keychain' });
    expect(await createSafeStorageKeychain(new FakeSafeStorage(false, 'gnome_libsecret'), 'linux').protection()).toEqual({ level: 'unavailable', backend: 'none' });
  });

  it('round-trips through the async API and passes shouldReEncrypt on', async () => {
    const keychain = createSafeStorageKeychain(new FakeSafeStorage(true, 'kwallet6', true), 'linux');
    const cipher = await keychain.encrypt('s3cret');
    expect(await keychain.decrypt(cipher)).toEqual({ plain: 's3cret', shouldReEncrypt: true });
    await expect(keychain.decrypt(new Uint8Array([1, 2, 3]))).rejects.toThrow();
  });
});
