import { app } from 'electron';
import type { PopupView, WindowControl, Logger } from '../core/ports.js';
import type { WindowMemory } from '../desktop/index.js';
import type { EventHub } from '../ipc/event-hub.js';
import type { TrustedWindows } from '../ipc/ipc-handler.js';
import { webContentsTarget } from '../ipc/electron-ipc.js';
import { APP_ORIGIN } from '../window/app-origin.js';
import { mainWindowOptions } from '../window/window-options.js';
import { createMainWindow, type MainWindow } from './main-window.js';
import { createPopupWindow } from './popup-window.js';
import { rememberWindow } from './window-state.js';

export interface AppWindows {
  /** The window port for the core. Usable before the main window exists: a show waits for it. */
  control: WindowControl;
  popup: PopupView;
  showMain(): void;
  /** Sends every window's renderer, now and later, the hub's events; IPC trusts exactly these windows. */
  connect(events: EventHub): TrustedWindows;
  openMain(options: { startHidden: boolean; memory: WindowMemory; closeToTray(): boolean }): void;
  /** From now on closing the main window closes it (quit, log-out, shutdown), never hides it. */
  letClose(): void;
}

/**
 * Window bookkeeping: the main window and the popup, which renderers receive events and may
 * call in, and what "close" means. The composition root only says when each happens.
 */
export function createAppWindows(deps: { preloadPath: string; platform: NodeJS.Platform; trayBounds(): Electron.Rectangle | undefined; log: Logger }): AppWindows {
  let main: MainWindow | undefined;
  let showWhenOpen = false;
  let closing = false;
  let events: EventHub | undefined;
  const ours = new Map<number, Electron.WebContents>();
  const popup = createPopupWindow({ preloadPath: deps.preloadPath, platform: deps.platform, trayBounds: deps.trayBounds, log: deps.log });

  function track(contents: Electron.WebContents): void {
    const id = contents.id;
    ours.set(id, contents);
    events?.attach(webContentsTarget(contents));
    contents.once('destroyed', () => {
      ours.delete(id);
      events?.detach(id);
    });
  }
  popup.onContents(track);

  const control: WindowControl = {
    show: () => (main ? main.control.show() : void (showWhenOpen = true)),
    focus: () => (main ? main.control.focus() : void (showWhenOpen = true)),
    hide: () => (main ? main.control.hide() : void (showWhenOpen = false)),
  };
  const showMain = () => {
    control.show();
    control.focus();
  };

  return {
    control,
    popup: popup.view,
    showMain,
    connect(hub) {
      events = hub;
      for (const contents of ours.values()) hub.attach(webContentsTarget(contents));
      const ids = () => new Set(ours.keys());
      return { ids, origin: APP_ORIGIN };
    },
    openMain(options) {
      if (main) return;
      main = createMainWindow(deps.preloadPath, { startHidden: options.startHidden && !showWhenOpen, log: deps.log });
      track(main.window.webContents);
      const { minWidth = 420, minHeight = 480 } = mainWindowOptions(deps.preloadPath);
      rememberWindow(main.window, options.memory, {
        closeToTray: options.closeToTray,
        quitting: () => closing,
        minSize: { width: minWidth, height: minHeight },
      });
      // Closed for real (close-to-tray off): the hidden popup window must not keep the app alive.
      main.window.on('closed', () => app.quit());
      // Logging out or shutting down is never held up by "close to tray".
      main.window.on('session-end', () => (closing = true));
    },
    letClose() {
      closing = true;
    },
  };
}
