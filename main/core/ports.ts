/**
 * Ports: the small interfaces through which the core reaches Electron and the OS. The real
 * adapters live in main/adapters (the only place besides the composition root and ipc/ that may
 * import Electron values); tests and the browser harness pass in-memory implementations.
 */
import type { PopupState } from '../../preload/contract.js';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * keychain: the OS keychain protects the key. obfuscated: Linux "basic_text", a key built into
 * Chromium, so anyone with the file can read it. unavailable: no encryption at all.
 */
export type KeychainProtection = 'keychain' | 'obfuscated' | 'unavailable';

/**
 * The OS keychain's encryption (Electron safeStorage's async API in the app). The core's vault
 * (main/auth/vault.ts) decides what to encrypt and keeps the ciphertext in a document store.
 */
export interface Keychain {
  protection(): Promise<{ level: KeychainProtection; backend: string }>;
  encrypt(plain: string): Promise<Uint8Array>;
  /** Rejects when the ciphertext is damaged or was made with a key the keychain no longer has. */
  decrypt(cipher: Uint8Array): Promise<{ plain: string; shouldReEncrypt: boolean }>;
}

export type SettingsReadResult =
  | { ok: true; data: unknown }
  /** The stored document could not be read at all (e.g. broken JSON). */
  | { ok: false; reason: string };

/** A JSON document on disk. Validation is the core's job, not the store's. */
export interface SettingsStore {
  read(): SettingsReadResult;
  /** Replaces the document at once, atomically; wins over any background write still in flight. */
  write(data: unknown): void;
  /**
   * The same write without holding the thread for the disk (the file still changes atomically:
   * the old document or the new one, never a torn mix). A store without it is written with write().
   */
  writeInBackground?(data: unknown): Promise<void>;
  /** Moves the current (unreadable or invalid) file aside; returns where it went. */
  keepAside(): string | undefined;
}

export interface ShortcutRegistry {
  /** False when the OS refused, typically because another application holds the shortcut. */
  register(accelerator: string, onPress: () => void): boolean;
  unregister(accelerator: string): void;
}

export type TrayIconState = 'idle' | 'ringing' | 'on-call' | 'on-hold' | 'dnd' | 'offline' | 'signed-out';

export interface TrayMenuItem {
  id: string;
  label: string;
  type?: 'normal' | 'checkbox' | 'separator' | 'submenu';
  enabled?: boolean;
  checked?: boolean;
  children?: TrayMenuItem[];
}

export interface TrayView {
  setIcon(state: TrayIconState): void;
  setToolTip(text: string): void;
  /** Replaces the whole menu; `onClick` receives the clicked item's id. */
  setMenu(items: TrayMenuItem[], onClick: (id: string) => void): void;
}

export interface Notifier {
  notify(notification: { title: string; body: string; onClick?: () => void }): void;
}

export type TimerHandle = { readonly __timer: unique symbol };

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export interface Browser {
  openExternal(url: string): Promise<void>;
}

export interface WindowControl {
  show(): void;
  focus(): void;
  hide(): void;
}

export interface Clipboard {
  readText(): Promise<string>;
}

/** OS signals after which live state must be re-synced at once. */
export type SystemSignal = 'resume' | 'unlock' | 'online' | 'offline' | 'focus';

export interface SystemEvents {
  on(signal: SystemSignal, listener: () => void): () => void;
}

/**
 * CallDeck's own incoming-call popup (Linux drops notification buttons). It shows without taking
 * focus, near the tray; the popup page reads the cards over the bridge. No cards hides it.
 */
export interface PopupView {
  update(state: PopupState): void;
}

export type AutoStartAvailability = { supported: true } | { supported: false; reason: string };

/** The OS login item ("start at login"). */
export interface AutoStart {
  availability(): AutoStartAvailability;
  isEnabled(): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<void>;
}

/** The application as a whole, for the tray's Quit. */
export interface Lifecycle {
  quit(): void;
}
