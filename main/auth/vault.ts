/**
 * The vault: every secret CallDeck holds (Webex tokens and client secrets, VideoSDK secrets), in
 * memory, and on disk only as keychain ciphertext in a document of its own.
 *
 * Whether it writes to disk depends on what the keychain offers: with a real keychain, yes (unless
 * the user said no); with Linux's basic_text, which only obfuscates, only after the user agreed;
 * with no encryption at all, never. Ciphertext that will not decrypt (damaged, or the keychain's key
 * changed) is reported per key, never thrown, so the app starts and asks to sign in again.
 */
import { z } from 'zod';
import type { SecretStorage } from '../../preload/contract.js';
import { AppError } from '../core/app-error.js';
import type { Keychain, KeychainProtection, Logger, SettingsStore } from '../core/ports.js';
import { isRecord } from '../core/is-record.js';

export interface Vault {
  status(): SecretStorage;
  get(key: string): string | undefined;
  set(key: string, value: string): Promise<void>;
  /**
   * Keeps a secret in memory only, never on disk whatever the persistence choice: for secrets that
   * mean nothing after this run (live updates' webhook secrets; their webhooks go at quit).
   */
  setForSession(key: string, value: string): Promise<void>;
  delete(...keys: string[]): Promise<void>;
  setPersistence(persist: boolean): Promise<void>;
  /** True when a value for `key` was on disk but could not be read back at start. */
  couldNotRead(key: string): boolean;
}

const VaultDocument = z.object({
  version: z.literal(1),
  /** Only present once the user chose; otherwise the default for the protection level applies. */
  persist: z.boolean().optional(),
  /** Base64 keychain ciphertext per key. */
  entries: z.record(z.string(), z.string()),
});
type VaultDocument = z.infer<typeof VaultDocument>;

export async function openVault(deps: { keychain: Keychain; store: SettingsStore; log: Logger }): Promise<Vault> {
  const { keychain, store, log } = deps;
  const { level, backend } = await keychain.protection().catch((error: unknown) => {
    log.warn('keychain unavailable', { error: error instanceof Error ? error.message : String(error) });
    return { level: 'unavailable' as KeychainProtection, backend: 'none' };
  });

  const document = readDocument(store, log);
  let choice = document.doc.persist;
  const memory = new Map<string, string>();
  // What is (or should be) on disk; unreadable entries stay until replaced, in case the keychain comes back.
  const ciphertext = new Map(Object.entries(document.doc.entries));
  const unreadable = new Set<string>();
  const sessionOnly = new Set<string>();
  const persisting = () => level !== 'unavailable' && (choice ?? level === 'keychain');

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(op: () => Promise<T>): Promise<T> => {
    const next = queue.then(op);
    queue = next.catch(() => undefined);
    return next;
  };

  const write = () => {
    const doc: VaultDocument = {
      version: 1,
      ...(choice !== undefined ? { persist: choice } : {}),
      entries: persisting() ? Object.fromEntries(ciphertext) : {},
    };
    store.write(doc);
  };

  const encrypt = async (value: string) => Buffer.from(await keychain.encrypt(value)).toString('base64');

  let reEncrypt = false;
  for (const [key, stored] of ciphertext) {
    if (level === 'unavailable') {
      unreadable.add(key);
      continue;
    }
    try {
      const { plain, shouldReEncrypt } = await keychain.decrypt(Buffer.from(stored, 'base64'));
      memory.set(key, plain);
      if (shouldReEncrypt) {
        ciphertext.set(key, await encrypt(plain));
        reEncrypt = true;
      }
    } catch {
      unreadable.add(key);
    }
  }
  if (unreadable.size > 0) log.warn('some saved secrets could not be decrypted; those accounts must sign in again', { keys: [...unreadable] });
  // A damaged file was moved aside: write back what was salvaged now, or a restart would lose it too.
  if ((reEncrypt || document.rewrite) && persisting()) write();

  return {
    status: () => ({ protection: level, backend, persist: persisting() }),
    get: (key) => memory.get(key),
    set(key, value) {
      memory.set(key, value);
      unreadable.delete(key);
      sessionOnly.delete(key);
      return serial(async () => {
        if (!persisting()) {
          if (ciphertext.delete(key)) write();
          return;
        }
        try {
          ciphertext.set(key, await encrypt(value));
        } catch (error) {
          // Still usable for this session; only the trip to disk failed.
          ciphertext.delete(key);
          log.warn('could not encrypt a secret; keeping it for this session only', { key, error: error instanceof Error ? error.message : String(error) });
        }
        write();
      });
    },
    setForSession(key, value) {
      memory.set(key, value);
      unreadable.delete(key);
      sessionOnly.add(key);
      return serial(async () => {
        if (ciphertext.delete(key)) write();
      });
    },
    delete(...keys) {
      for (const key of keys) {
        memory.delete(key);
        unreadable.delete(key);
        sessionOnly.delete(key);
      }
      return serial(async () => {
        let changed = false;
        for (const key of keys) changed = ciphertext.delete(key) || changed;
        if (changed) write();
      });
    },
    setPersistence(persist) {
      if (persist && level === 'unavailable') {
        return Promise.reject(
          new AppError('invalid-input', 'This system offers CallDeck no way to encrypt secrets, so they can only be kept for this session.'),
        );
      }
      return serial(async () => {
        choice = persist;
        if (persist) {
          for (const [key, value] of memory) if (!sessionOnly.has(key)) ciphertext.set(key, await encrypt(value));
        } else {
          ciphertext.clear();
          unreadable.clear();
        }
        write();
      });
    },
    couldNotRead: (key) => unreadable.has(key) || (document.damaged && !memory.has(key)),
  };
}

function readDocument(store: SettingsStore, log: Logger): { doc: VaultDocument; damaged: boolean; rewrite: boolean } {
  const empty: VaultDocument = { version: 1, entries: {} };
  const read = store.read();
  if (read.ok) {
    if (read.data === undefined || (isRecord(read.data) && Object.keys(read.data).length === 0)) return { doc: empty, damaged: false, rewrite: false };
    const parsed = VaultDocument.safeParse(read.data);
    if (parsed.success) return { doc: parsed.data, damaged: false, rewrite: false };
  }
  // Keep the original aside: its ciphertext might still be worth something to someone debugging.
  const keptAt = store.keepAside();
  const doc = read.ok ? salvage(read.data) : empty;
  log.warn('the saved secrets file was damaged; kept the secrets that were readable', { keptAt, kept: Object.keys(doc.entries).length });
  return { doc, damaged: true, rewrite: keptAt !== undefined };
}

/** Every entry that is still a string of ciphertext; one bad entry must not sign every account out. */
function salvage(data: unknown): VaultDocument {
  if (!isRecord(data)) return { version: 1, entries: {} };
  const entries = isRecord(data.entries)
    ? Object.fromEntries(Object.entries(data.entries).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    : {};
  return { version: 1, ...(typeof data.persist === 'boolean' ? { persist: data.persist } : {}), entries };
}

