/**
 * The whole stand-in: Electron's main-process modules CallDeck uses, wired to one runtime, plus
 * a `control` side for the boot driver (fire ready, look at windows, tray, shortcuts, problems).
 */
import { createApp, type AppOptions } from './app.js';
import { createDesktop, nativeImage, StandinMenu } from './desktop.js';
import { createIpcMain } from './ipc-main.js';
import { createProtocol, createSession } from './protocol.js';
import { createRuntime } from './runtime.js';
import { createSystem } from './system.js';
import { createWindows } from './windows.js';

export type StandinOptions = AppOptions;

export function createElectronStandin(options: StandinOptions) {
  const rt = createRuntime();
  const { app, control: appControl } = createApp(rt, options);
  const protocol = createProtocol(rt);
  const session = createSession(rt, protocol.protocol);
  const ipc = createIpcMain();
  const windows = createWindows({
    rt,
    ipc,
    protocol,
    session,
    onAllClosed: () => {
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
      else app.quit();
    },
  });
  appControl.setWindowCloser(windows.closeAll, windows.destroyAll);
  const desktop = createDesktop(rt);
  const system = createSystem(rt);

  const exports = {
    app,
    BrowserWindow: windows.BrowserWindow,
    protocol: protocol.protocol,
    session: session.session,
    ipcMain: ipc.ipcMain,
    globalShortcut: desktop.globalShortcut,
    Tray: desktop.Tray,
    Menu: StandinMenu,
    nativeImage,
    Notification: desktop.Notification,
    screen: desktop.screen,
    safeStorage: system.safeStorage,
    powerMonitor: system.powerMonitor,
    net: system.net,
    shell: system.shell,
    clipboard: system.clipboard,
  };

  return {
    exports,
    control: { rt, app: appControl, protocol, session, ipc, windows, desktop, system },
  };
}

export type ElectronStandin = ReturnType<typeof createElectronStandin>;
