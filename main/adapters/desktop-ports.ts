import { Menu, app, Notification, Tray, clipboard, globalShortcut, nativeImage, net, powerMonitor, shell } from 'electron';
import { guardedOpenExternal } from '../window/external-url.js';
import type {
  Browser,
  Clipboard,
  Notifier,
  ShortcutRegistry,
  SystemEvents,
  SystemSignal,
  TrayIconState,
  TrayMenuItem,
  TrayView,
} from '../core/ports.js';

export function createShortcutRegistry(): ShortcutRegistry {
  return {
    register: (accelerator, onPress) => {
      try {
        return globalShortcut.register(accelerator, onPress);
      } catch {
        // Electron throws on an accelerator it cannot parse; to the user that is "cannot use".
        return false;
      }
    },
    unregister: (accelerator) => globalShortcut.unregister(accelerator),
  };
}

export interface ElectronTrayView extends TrayView {
  /** Where the icon is, for placing the popup; Linux reports nothing (undefined). */
  bounds(): Electron.Rectangle | undefined;
  /** What a left click does where the platform separates it from the menu (Windows). */
  onActivate(listener: () => void): void;
}

/**
 * The tray icon appears the first time the core shows something in it, not before. A left click
 * runs `onActivate` on Windows, where it is separate from the menu; Linux tray hosts open the
 * menu on any click.
 */
export function createTrayView(iconPath: (state: TrayIconState) => string): ElectronTrayView {
  let created: Tray | undefined;
  let activate: (() => void) | undefined;
  const tray = () => {
    if (created) return created;
    created = new Tray(nativeImage.createFromPath(iconPath('idle')));
    if (process.platform === 'win32') created.on('click', () => activate?.());
    return created;
  };
  const toTemplate = (items: TrayMenuItem[], onClick: (id: string) => void): Electron.MenuItemConstructorOptions[] =>
    items.map((item) =>
      item.type === 'separator'
        ? { type: 'separator' }
        : {
            id: item.id,
            label: item.label,
            type: item.type ?? 'normal',
            enabled: item.enabled ?? true,
            checked: item.checked ?? false,
            ...(item.children ? { submenu: toTemplate(item.children, onClick) } : { click: () => onClick(item.id) }),
          },
    );
  return {
    setIcon: (state) => tray().setImage(nativeImage.createFromPath(iconPath(state))),
    setToolTip: (text) => tray().setToolTip(text),
    // Linux only picks up a changed menu when setContextMenu is called again.
    setMenu: (items, onClick) => tray().setContextMenu(Menu.buildFromTemplate(toTemplate(items, onClick))),
    bounds() {
      const rect = created?.getBounds();
      return rect && rect.width > 0 ? rect : undefined;
    },
    onActivate(listener) {
      activate = listener;
    },
  };
}

export function createNotifier(): Notifier {
  // A Notification that is garbage-collected loses its click handler; hold each until it is done.
  const live = new Set<Notification>();
  return {
    notify({ title, body, onClick }) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body, silent: false });
      live.add(notification);
      const release = () => live.delete(notification);
      notification.on('click', () => {
        release();
        onClick?.();
      });
      notification.on('close', release);
      notification.on('failed', release);
      notification.show();
    },
  };
}

export const systemBrowser: Browser = {
  openExternal: guardedOpenExternal((url) => shell.openExternal(url)),
};

export const systemClipboard: Clipboard = {
  readText: () => clipboard.readText(),
};

/**
 * Electron has no "online" event in main, so connectivity is sampled: one poll for every online
 * and offline listener, running only while there is one. The OS events are real.
 */
export function createSystemEvents(pollMs = 5000): SystemEvents {
  const connectivity = { online: new Set<() => void>(), offline: new Set<() => void>() };
  let poll: ReturnType<typeof setInterval> | undefined;
  let last = false;

  function watchConnectivity(signal: 'online' | 'offline', listener: () => void): () => void {
    // Wrapped, so the same function subscribed twice is called twice, as with the OS events.
    const entry = () => listener();
    connectivity[signal].add(entry);
    if (poll === undefined) {
      last = net.isOnline();
      poll = setInterval(() => {
        const now = net.isOnline();
        if (now === last) return;
        last = now;
        for (const notify of [...connectivity[now ? 'online' : 'offline']]) notify();
      }, pollMs);
    }
    return () => {
      connectivity[signal].delete(entry);
      if (connectivity.online.size + connectivity.offline.size === 0) {
        clearInterval(poll);
        poll = undefined;
      }
    };
  }

  return {
    on(signal: SystemSignal, listener: () => void) {
      switch (signal) {
        case 'resume':
        case 'unlock': {
          const event = signal === 'resume' ? 'resume' : 'unlock-screen';
          powerMonitor.on(event as 'resume', listener);
          return () => powerMonitor.removeListener(event as 'resume', listener);
        }
        case 'focus': {
          const onFocus = () => listener();
          app.on('browser-window-focus', onFocus);
          return () => app.removeListener('browser-window-focus', onFocus);
        }
        case 'online':
        case 'offline':
          return watchConnectivity(signal, listener);
      }
    },
  };
}
