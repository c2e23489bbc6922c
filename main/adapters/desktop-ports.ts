import { Menu, app, Notification, Tray, clipboard, globalShortcut, nativeImage, net, powerMonitor, shell } from 'electron';
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
    unregisterAll: () => globalShortcut.unregisterAll(),
  };
}

/** The tray icon appears the first time the core shows something in it, not before. */
export function createTrayView(iconPath: (state: TrayIconState) => string): TrayView {
  let created: Tray | undefined;
  const tray = () => (created ??= new Tray(nativeImage.createFromPath(iconPath('idle'))));
  const toTemplate = (items: TrayMenuItem[], onClick: (id: string) => void): Electron.MenuItemConstructorOptions[] =>
    items.map((item) =>
      item.type === 'separator'
        ? { type: 'separator' }
        : {
            id: item.id,
            label: item.label,
            type: item.type === 'submenu' ? 'submenu' : (item.type ?? 'normal'),
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
  };
}

export function createNotifier(): Notifier {
  return {
    notify({ title, body, onClick }) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body, silent: false });
      if (onClick) notification.on('click', onClick);
      notification.show();
    },
  };
}

export const systemBrowser: Browser = {
  openExternal: (url) => shell.openExternal(url),
};

export const systemClipboard: Clipboard = {
  readText: () => clipboard.readText(),
};

/** Electron has no "online" event in main, so connectivity is sampled; the OS events are real. */
export function createSystemEvents(pollMs = 5000): SystemEvents {
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
        case 'offline': {
          let last = net.isOnline();
          const timer = setInterval(() => {
            const now = net.isOnline();
            if (now !== last && (now ? signal === 'online' : signal === 'offline')) listener();
            last = now;
          }, pollMs);
          return () => clearInterval(timer);
        }
      }
    },
  };
}
