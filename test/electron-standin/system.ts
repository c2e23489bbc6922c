/**
 * The quieter modules: safeStorage (a reversible stand-in cipher, after ready), powerMonitor,
 * net, shell (records what would open), clipboard (in memory).
 */
import { EventEmitter } from 'node:events';
import { preventableEvent, type Runtime } from './runtime.js';

const PREFIX = 'standin-keychain:';
/** Electron's async safeStorage answers from another thread: never in the caller's turn. */
const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createSystem(rt: Runtime) {
  const opened: string[] = [];
  let clipboardText = '';

  const safeStorage = {
    isAsyncEncryptionAvailable: async () => {
      await nextTask();
      return rt.isReady();
    },
    getSelectedStorageBackend: () => {
      rt.requireReady('safeStorage.getSelectedStorageBackend');
      return 'gnome_libsecret' as const;
    },
    encryptStringAsync: async (plainText: string) => {
      rt.requireReady('safeStorage.encryptStringAsync');
      await nextTask();
      return Buffer.from(PREFIX + Buffer.from(plainText, 'utf8').toString('base64'));
    },
    decryptStringAsync: async (encrypted: Buffer) => {
      rt.requireReady('safeStorage.decryptStringAsync');
      await nextTask();
      const text = encrypted.toString('utf8');
      if (!text.startsWith(PREFIX)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return { shouldReEncrypt: false, result: Buffer.from(text.slice(PREFIX.length), 'base64').toString('utf8') };
    },
  } satisfies Pick<Electron.SafeStorage, 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptStringAsync' | 'decryptStringAsync'>;

  const powerMonitor = Object.assign(new EventEmitter(), {
    getSystemIdleState: (_threshold: number) => 'active' as const,
    onBatteryPower: false,
  } satisfies Pick<Electron.PowerMonitor, 'getSystemIdleState' | 'onBatteryPower'>);

  /**
   * The OS is about to shut down (Linux, macOS). The listener gets a preventable event although
   * Electron's typings give it none; preventing asks the OS to wait (a logind delay lock) while the
   * app quits. True when some listener asked to wait.
   */
  function shutdown(): boolean {
    const event = preventableEvent();
    powerMonitor.emit('shutdown', event);
    return event.defaultPrevented;
  }

  const net = { isOnline: () => true, online: true } satisfies Pick<Electron.Net, 'isOnline' | 'online'>;

  const shell = {
    openExternal: async (url: string) => void opened.push(url),
    openPath: async (path: string) => (opened.push(path), ''),
  } satisfies Pick<Electron.Shell, 'openExternal' | 'openPath'>;

  const clipboard = {
    readText: async () => clipboardText,
    writeText: async (text: string) => void (clipboardText = text),
  } satisfies Pick<Electron.Clipboard, 'readText' | 'writeText'>;

  return { safeStorage, powerMonitor, net, shell, clipboard, opened, shutdown };
}
