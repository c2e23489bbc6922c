import { BrowserWindow, screen, type WebContents } from 'electron';
import type { PopupState } from '../../preload/contract.js';
import type { Logger, PopupView } from '../core/ports.js';
import { popupSize } from '../../preload/common/popup-size.js';
import { popupBounds, popupWindowOptions, trayCorner, type Rect } from '../desktop/index.js';
import { APP_ORIGIN } from '../window/app-origin.js';
import { guardWindow } from '../window/navigation-guard.js';

export const POPUP_URL = `${APP_ORIGIN}/popup.html`;

export interface PopupWindow {
  view: PopupView;
  /** Called with the popup page's WebContents each time the window is (re)created, and now if it exists. */
  onContents(listener: (contents: WebContents) => void): void;
}

/**
 * The popup as an Electron window. Created on the first ring and kept (hidden) afterwards, so
 * the next call shows at once; shown with showInactive so typing elsewhere is never interrupted.
 * Placement is the pure popupBounds; on Wayland the compositor may ignore the position.
 */
export function createPopupWindow(deps: { preloadPath: string; platform: string; trayBounds(): Rect | undefined; log: Logger }): PopupWindow {
  let window: BrowserWindow | undefined;
  let loaded = false;
  let wanted: PopupState | undefined;
  const listeners: ((contents: WebContents) => void)[] = [];

  function create(): BrowserWindow {
    const created = new BrowserWindow(popupWindowOptions(deps.preloadPath));
    guardWindow(created.webContents, created.webContents.session);
    // Above other windows, including full-screen ones on macOS; 'pop-up-menu' outranks 'floating'.
    created.setAlwaysOnTop(true, 'pop-up-menu');
    if (deps.platform !== 'win32') created.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    created.once('ready-to-show', () => {
      loaded = true;
      if (wanted !== undefined) place(created, wanted);
    });
    created.on('closed', () => {
      window = undefined;
      loaded = false;
    });
    void created.loadURL(POPUP_URL).catch((error: unknown) => deps.log.error('popup: could not load', { error: String(error) }));
    for (const listener of listeners) listener(created.webContents);
    return created;
  }

  function place(target: BrowserWindow, state: PopupState): void {
    const tray = deps.trayBounds();
    const display = tray !== undefined && tray.width > 0 ? screen.getDisplayMatching(tray) : screen.getPrimaryDisplay();
    const corner = trayCorner({ bounds: display.bounds, workArea: display.workArea }, deps.platform, tray);
    target.setBounds(popupBounds({ bounds: display.bounds, workArea: display.workArea }, corner, popupSize(state.cards.length, state.more)));
    if (!target.isVisible()) target.showInactive();
  }

  return {
    view: {
      update(state) {
        if (state.cards.length === 0) {
          wanted = undefined;
          if (window !== undefined && !window.isDestroyed() && window.isVisible()) window.hide();
          return;
        }
        wanted = state;
        window ??= create();
        if (loaded) place(window, state);
      },
    },
    onContents(listener) {
      listeners.push(listener);
      if (window !== undefined && !window.isDestroyed()) listener(window.webContents);
    },
  };
}
