import type { BrowserWindowConstructorOptions } from 'electron';
import { mainWindowOptions } from '../window/window-options.js';
import { popupSize, POPUP_WIDTH } from '../../preload/common/popup-size.js';

/**
 * The incoming-call popup's window: frameless, always on top, out of the taskbar and never
 * resizable, with exactly the main window's (security-checked) web preferences. It can take focus
 * when clicked, so its buttons work from the keyboard, but it is shown with showInactive.
 */
export function popupWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  const main = mainWindowOptions(preloadPath);
  return {
    width: POPUP_WIDTH,
    height: popupSize(1, 0).height,
    show: false,
    frame: false,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    focusable: true,
    title: 'Incoming call – CallDeck',
    ...(main.backgroundColor === undefined ? {} : { backgroundColor: main.backgroundColor }),
    autoHideMenuBar: true,
    ...(main.webPreferences === undefined ? {} : { webPreferences: main.webPreferences }),
  };
}
