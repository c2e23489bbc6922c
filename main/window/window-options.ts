import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. `show: false` until `ready-to-show` avoids a white flash; the
 * webPreferences are Electron's security checklist, asserted by test/unit/window.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 960,
    height: 680,
    minWidth: 420,
    minHeight: 480,
    show: false,
    title: 'CallDeck',
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: true,
    },
  };
}
