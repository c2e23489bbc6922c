import type { SecretStore } from './ports.js';

/**
 * Secrets held for this session only. It is what the app uses when the OS keychain offers no
 * real protection (or the user declined to persist), and what the harness uses.
 */
export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    get: async (key) => secrets.get(key),
    set: async (key, value) => {
      secrets.set(key, value);
    },
    delete: async (key) => {
      secrets.delete(key);
    },
  };
}
