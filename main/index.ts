/**
 * The composition root: app lifecycle, then a flat list of setup calls that wire the real
 * Electron adapters into the core. Read top to bottom, it is the table of contents of main.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ElectronStore from 'electron-store';
import { app, powerMonitor, safeStorage } from 'electron';
import { createAutoStart } from './adapters/auto-start.js';
import { createJsonDocumentStore } from './adapters/json-document-store.js';
import { createMainWindow } from './adapters/main-window.js';
import { createSafeStorageKeychain } from './adapters/safe-storage-vault.js';
import { registerAppScheme, setupAppProtocol } from './adapters/app-protocol.js';
import { createPopupWindow } from './adapters/popup-window.js';
import { rememberWindow } from './adapters/window-state.js';
import {
  createNotifier,
  createShortcutRegistry,
  createSystemEvents,
  createTrayView,
  systemBrowser,
  systemClipboard,
} from './adapters/desktop-ports.js';
import { createConsoleLogger } from './core/console-logger.js';
import { createCore } from './app/create-core.js';
import { readDevAccounts } from './app/dev-accounts.js';
import { openLine } from './app/open-line.js';
import { systemClock } from './core/system-clock.js';
import { APP_ID, DESKTOP_NAME, LINK_SCHEMES, createWindowMemory, isWaylandSession } from './desktop/index.js';
import { createDispatch } from './ipc/dispatch.js';
import { closeSharedAgent } from './providers/http.js';
import { setupIpc, webContentsTarget } from './ipc/electron-ipc.js';
import { APP_ORIGIN } from './window/app-origin.js';
import { mainWindowOptions } from './window/window-options.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const paths = {
  preload: join(here, '../preload/index.cjs'),
  renderer: join(here, '../renderer'),
  // Windows and macOS pick <state>@2x.png on HiDPI themselves; Linux panels want a larger icon.
  icon: (name: string) => join(here, '../../assets/tray', process.platform === 'linux' ? `linux/${name}.png` : `${name}.png`),
};
const log = createConsoleLogger();

registerAppScheme();
const wayland = isWaylandSession(process.platform, process.env);
// Wayland has no global key grabs; Chromium's portal backend asks the desktop instead.
if (wayland) app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal');
// Notifications on Windows belong to an AppUserModelID; without it they do not show.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

// macOS delivers links (also the one that launched the app) through open-url, possibly before
// ready: keep them until the core can take them.
const earlyLinks: string[] = [];
let openUrl = (url: string): void => void earlyLinks.push(url);
app.on('open-url', (event, url) => {
  event.preventDefault();
  openUrl(url);
});
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(onReady, (error: unknown) => {
    log.error('startup failed', { error: error instanceof Error ? error.stack : String(error) });
    app.exit(1);
  });
}

async function onReady(): Promise<void> {
  setupAppProtocol(paths.renderer);
  const clock = systemClock;
  const userData = app.getPath('userData');
  const openStore = ({ cwd, name }: { cwd: string; name: string }) => new ElectronStore({ cwd, name });
  const showMain = () => {
    main.control.show();
    main.control.focus();
  };
  const tray = createTrayView(paths.icon, showMain);
  const notifier = createNotifier();
  const popup = createPopupWindow({ preloadPath: paths.preload, platform: process.platform, trayBounds: () => tray.bounds(), log });
  const core = await createCore(
    {
      log,
      clock,
      settingsStore: createJsonDocumentStore({ cwd: userData, name: 'settings' }, openStore, clock),
      callLogStore: createJsonDocumentStore({ cwd: userData, name: 'call-log' }, openStore, clock),
      keychain: createSafeStorageKeychain(safeStorage),
      vaultStore: createJsonDocumentStore({ cwd: userData, name: 'vault' }, openStore, clock),
      accountsStore: createJsonDocumentStore({ cwd: userData, name: 'accounts' }, openStore, clock),
      shortcuts: createShortcutRegistry(),
      tray,
      notifier,
      browser: systemBrowser,
      window: { show: () => main.control.show(), focus: () => main.control.focus(), hide: () => main.control.hide() },
      clipboard: systemClipboard,
      system: createSystemEvents(),
      popup: popup.view,
      autoStart: createAutoStart({ desktopName: DESKTOP_NAME, env: process.env }),
      lifecycle: { quit: () => app.quit() },
    },
    {
      shell: 'electron',
      version: app.getVersion(),
      platform: process.platform,
      openLine: () => openLine({ env: process.env, clock, log }),
      accounts: { environmentVideoSdk: readDevAccounts(process.env).videosdk },
      wayland,
    },
  );

  // Started at login with "start minimised", or with --hidden: only the tray shows.
  const startHidden = core.settings.get().startMinimized || process.argv.includes('--hidden');
  const main = createMainWindow(paths.preload, { startHidden });
  const windowMemory = createWindowMemory({
    store: core.notices.watch(createJsonDocumentStore({ cwd: userData, name: 'window-state' }, openStore, clock), 'window-state'),
    notifier,
    log,
    onHintClick: showMain,
  });
  const { minWidth = 420, minHeight = 480 } = mainWindowOptions(paths.preload);
  rememberWindow(main.window, windowMemory, {
    closeToTray: () => core.settings.get().closeToTray,
    quitting: () => quitting,
    minSize: { width: minWidth, height: minHeight },
  });
  // Closed for real (close-to-tray off): the hidden popup window must not keep the app alive.
  main.window.on('closed', () => app.quit());
  // Logging out or shutting down is never held up by "close to tray".
  main.window.on('session-end', () => (quitting = true));
  powerMonitor.on('shutdown', () => {
    quitting = true;
    app.quit();
  });

  const ourWindows = new Set([main.window.webContents.id]);
  core.events.attach(webContentsTarget(main.window.webContents));
  popup.onContents((contents) => {
    const id = contents.id;
    ourWindows.add(id);
    core.events.attach(webContentsTarget(contents));
    contents.once('destroyed', () => {
      ourWindows.delete(id);
      core.events.detach(id);
    });
  });
  setupIpc(createDispatch(core.handlers, log), core.events, { ids: () => ourWindows, origin: APP_ORIGIN });

  setupLinks(core.desktop);
  app.on('second-instance', (_event, argv) => {
    showMain();
    core.desktop.openArgv(argv);
  });
  // macOS: clicking the Dock icon brings back a window hidden to the tray.
  app.on('activate', showMain);
  app.on('before-quit', () => {
    quitting = true;
    void core.stop().then(closeSharedAgent);
  });
}

/**
 * tel:, sip:, sips: and callto: — the installers register them (electron-builder `protocols`,
 * the NSIS include); registering again at start keeps the entry pointing at this copy. A
 * development build would register the bare Electron binary, so it does not.
 */
function setupLinks(desktop: { openLink(url: string): unknown; openArgv(argv: readonly string[]): unknown }): void {
  if (app.isPackaged) {
    // "--" ends Chromium's switch parsing on Windows, so a crafted link cannot pass switches.
    const args = process.platform === 'win32' ? ['--'] : [];
    for (const scheme of LINK_SCHEMES) {
      if (!app.setAsDefaultProtocolClient(scheme, process.execPath, args)) log.warn('links: could not register scheme', { scheme });
    }
  }
  openUrl = (url) => desktop.openLink(url);
  for (const url of earlyLinks.splice(0)) desktop.openLink(url);
  desktop.openArgv(process.argv.slice(1));
}
