/**
 * Telling the person when a stored file was damaged. Every loader already keeps a damaged file
 * aside (SettingsStore.keepAside) and carries on with what was valid; wrapping each store here
 * turns every keep-aside into a notice the window shows, so no loader can recover silently.
 */
import type { Notice, StoredFile } from '../../preload/contract.js';
import type { SettingsStore } from '../core/ports.js';

const WHAT: Record<StoredFile, string> = {
  settings: 'Your settings file was damaged. CallDeck kept every setting it could read and used defaults for the rest.',
  'call-log': 'Your call log was damaged. CallDeck kept every call it could read.',
  vault: 'Your saved secrets file was damaged. CallDeck kept every secret it could read; accounts whose secrets were lost must sign in again.',
  accounts: 'Your accounts file was damaged. CallDeck kept every account it could read.',
  'window-state': 'The remembered window position was damaged; CallDeck used the default.',
};

export interface StoredFileNotices {
  /** The same store, reporting each keep-aside as a notice about `file`. */
  watch(store: SettingsStore, file: StoredFile): SettingsStore;
  list(): Notice[];
  dismiss(id: string): Notice[];
  onChange(listener: (notices: Notice[]) => void): () => void;
}

export function createStoredFileNotices(): StoredFileNotices {
  let notices: Notice[] = [];
  let next = 1;
  const listeners = new Set<(notices: Notice[]) => void>();
  const changed = () => {
    for (const listener of listeners) listener(notices);
  };

  return {
    watch(store, file) {
      const inBackground = store.writeInBackground?.bind(store);
      return {
        read: () => store.read(),
        write: (data) => store.write(data),
        ...(inBackground ? { writeInBackground: inBackground } : {}),
        keepAside() {
          const keptAt = store.keepAside();
          const where = keptAt !== undefined ? ` The damaged original is kept at ${keptAt}.` : ' The damaged original was left where it is.';
          notices = [...notices, { id: `notice-${next++}`, file, message: `${WHAT[file]}${where}`, ...(keptAt !== undefined ? { keptAt } : {}) }];
          changed();
          return keptAt;
        },
      };
    },
    list: () => notices,
    dismiss(id) {
      const before = notices.length;
      notices = notices.filter((n) => n.id !== id);
      if (notices.length !== before) changed();
      return notices;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
