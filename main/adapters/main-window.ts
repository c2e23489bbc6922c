import { BrowserWindow } from 'electron';
import type { Logger, WindowControl } from '../core/ports.js';
import { APP_ENTRY_URL } from '../window/app-origin.js';
import { guardWindow } from '../window/navigation-guard.js';
import { mainWindowOptions } from '../window/window-options.js';

export interface MainWindow {
  window: BrowserWindow;
  control: WindowControl;
}

/** Creates the guarded main window; it shows itself once the first paint is ready. */
export function createMainWindow(preloadPath: string, options: { startHidden: boolean; log: Logger }): MainWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  guardWindow(window.webContents, window.webContents.session);
  window.once('ready-to-show', () => {
    if (!options.startHidden) window.show();
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => options.log.error('main window: could not load', { error: String(error) }));
  const control: WindowControl = {
    show: () => {
      if (window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.show();
    },
    focus: () => {
      if (!window.isDestroyed()) window.focus();
    },
    hide: () => {
      if (!window.isDestroyed()) window.hide();
    },
  };
  return { window, control };
}
