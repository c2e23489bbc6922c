/**
 * In-memory stand-ins for what this machine cannot run (the OS keychain, tray, global shortcuts,
 * notifications, the system browser and clipboard). Each `implements` the port the real Electron
 * adapter implements, and records what the core did so tests and the harness can read it back.
 */
import type {
  Browser,
  Clipboard,
  Logger,
  Notifier,
  SettingsReadResult,
  SettingsStore,
  ShortcutRegistry,
  SystemEvents,
  SystemSignal,
  TrayIconState,
  TrayMenuItem,
  TrayView,
  WindowControl,
} from '../../main/core/ports.js';

export class MemorySettingsStore implements SettingsStore {
  keptAside: unknown[] = [];
  writes = 0;
  constructor(
    private document: unknown = {},
    private readable = true,
  ) {}
  read(): SettingsReadResult {
    return this.readable ? { ok: true, data: structuredClone(this.document) } : { ok: false, reason: 'unreadable' };
  }
  write(data: unknown): void {
    this.document = structuredClone(data);
    this.readable = true;
    this.writes += 1;
  }
  keepAside(): string {
    this.keptAside.push(this.document);
    return `memory://aside/${this.keptAside.length}`;
  }
  current(): unknown {
    return this.document;
  }
}

export class FakeShortcuts implements ShortcutRegistry {
  readonly registered = new Map<string, () => void>();
  /** Accelerators that behave as if another application holds them. */
  readonly taken = new Set<string>();
  register(accelerator: string, onPress: () => void): boolean {
    if (this.taken.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, onPress);
    return true;
  }
  unregister(accelerator: string): void {
    this.registered.delete(accelerator);
  }
  /** Presses the shortcut as the OS would; false when nothing is registered for it. */
  press(accelerator: string): boolean {
    const onPress = this.registered.get(accelerator);
    onPress?.();
    return onPress !== undefined;
  }
}

export class FakeTray implements TrayView {
  icon: TrayIconState = 'idle';
  toolTip = '';
  menu: TrayMenuItem[] = [];
  private onClick: (id: string) => void = () => {};
  setIcon(state: TrayIconState): void {
    this.icon = state;
  }
  setToolTip(text: string): void {
    this.toolTip = text;
  }
  setMenu(items: TrayMenuItem[], onClick: (id: string) => void): void {
    this.menu = items;
    this.onClick = onClick;
  }
  /** Clicks a menu item by id, as a person would; false when no such enabled item exists. */
  click(id: string): boolean {
    const find = (items: TrayMenuItem[]): TrayMenuItem | undefined =>
      items.map((item) => (item.id === id ? item : find(item.children ?? []))).find(Boolean);
    const item = find(this.menu);
    if (!item || item.enabled === false) return false;
    this.onClick(id);
    return true;
  }
}

export class FakeNotifier implements Notifier {
  readonly shown: { title: string; body: string }[] = [];
  notify(notification: { title: string; body: string }): void {
    this.shown.push({ title: notification.title, body: notification.body });
  }
}

export class FakeBrowser implements Browser {
  readonly opened: string[] = [];
  private waiters: ((url: string) => void)[] = [];
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
    for (const waiter of this.waiters.splice(0)) waiter(url);
  }
  /** Resolves with the next URL the app hands to the system browser. */
  nextUrl(): Promise<string> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

export class FakeWindow implements WindowControl {
  visible = true;
  focused = 0;
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused += 1;
  }
  hide(): void {
    this.visible = false;
  }
}

export class FakeClipboard implements Clipboard {
  constructor(public text = '') {}
  async readText(): Promise<string> {
    return this.text;
  }
}

export class FakeSystemEvents implements SystemEvents {
  private readonly listeners = new Map<SystemSignal, Set<() => void>>();
  on(signal: SystemSignal, listener: () => void): () => void {
    const set = this.listeners.get(signal) ?? new Set();
    set.add(listener);
    this.listeners.set(signal, set);
    return () => set.delete(listener);
  }
  emit(signal: SystemSignal): void {
    for (const listener of this.listeners.get(signal) ?? []) listener();
  }
}

/** Keeps log lines for assertions (e.g. that no secret was ever logged). */
export class MemoryLogger implements Logger {
  readonly lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  info(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'info', message, ...(fields ? { fields } : {}) });
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'warn', message, ...(fields ? { fields } : {}) });
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.lines.push({ level: 'error', message, ...(fields ? { fields } : {}) });
  }
}
