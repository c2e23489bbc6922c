import type { SafeStorage } from 'electron';
import type { Keychain } from '../core/ports.js';

/**
 * The async half of safeStorage only: the sync trio is deprecated in Electron 45, and picking
 * these methods by type makes a call to one of them a compile error here.
 */
export type AsyncSafeStorage = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

const NAMED_BACKENDS: Record<string, string> = { darwin: 'macOS Keychain', win32: 'Windows DPAPI' };

/**
 * The keychain port over Electron's safeStorage. Call after `app.ready`. On Linux the backend
 * decides what encryption is worth: `basic_text` (no keyring found) uses a key built into
 * Chromium, which only obfuscates; "unknown" means Electron could not tell, so assume the worst.
 */
export function createSafeStorageKeychain(safeStorage: AsyncSafeStorage, platform: NodeJS.Platform = process.platform): Keychain {
  return {
    async protection() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return { level: 'unavailable', backend: 'none' };
      if (platform !== 'linux') return { level: 'keychain', backend: NAMED_BACKENDS[platform] ?? platform };
      const backend = safeStorage.getSelectedStorageBackend();
      return { level: backend === 'basic_text' || backend === 'unknown' ? 'obfuscated' : 'keychain', backend };
    },
    encrypt: async (plain) => new Uint8Array(await safeStorage.encryptStringAsync(plain)),
    async decrypt(cipher) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(cipher));
      return { plain: result, shouldReEncrypt };
    },
  };
}
