/**
 * The composition root, read top to bottom as main's table of contents: what must happen before
 * Electron is ready, then one create or setup call per part once it is. The parts live in
 * adapters/ (Electron) and the core (everything else).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ElectronStore from 'electron-store';
import { app, safeStorage } from 'electron';
import { registerAppScheme, setupAppProtocol } from './adapters/app-protocol.js';
import { failStartup, setupPlatform, setupQuit } from './adapters/app-lifecycle.js';
import { receiveLinks } from './adapters/app-links.js';
import { createAppWindows } from './adapters/app-windows.js';
import { createAutoStart } from './adapters/auto-start.js';
import {
  createNotifier,
  createShortcutRegistry,
  createSystemEvents,
  createTrayView,
  systemBrowser,
  systemClipboard,
} from './adapters/desktop-ports.js';
import { createJsonDocumentStore } from './adapters/json-document-store.js';
import { createSafeStorageKeychain } from './adapters/safe-storage-vault.js';
import type { SettingsStore } from './core/ports.js';
import { createConsoleLogger } from './core/console-logger.js';
import { createCore } from './app/create-core.js';
import { readDevAccounts } from './app/dev-accounts.js';
import { openLine } from './app/open-line.js';
import { systemClock as clock } from './core/system-clock.js';
import { DESKTOP_NAME, createWindowMemory, isWaylandSession } from './desktop/index.js';
import { createDispatch } from './ipc/dispatch.js';
import { setupIpc } from './ipc/electron-ipc.js';
import { closeSharedAgent } from './providers/http.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const paths = {
  preload: join(here, '../preload/index.cjs'),
  renderer: join(here, '../renderer'),
  // Windows and macOS pick <state>@2x.png on HiDPI themselves; Linux panels want a larger icon.
  icon: (name: string) => join(here, '../../assets/tray', process.platform === 'linux' ? `linux/${name}.png` : `${name}.png`),
};
const log = createConsoleLogger();
const wayland = isWaylandSession(process.platform, process.env);

registerAppScheme();
setupPlatform({ wayland });
const links = receiveLinks(log);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // catch, not then's second argument: a failure inside onReady must end start-up too.
  app.whenReady().then(onReady).catch(failStartup(log));
}

async function onReady(): Promise<void> {
  setupAppProtocol(paths.renderer);
  const stores = openStores(app.getPath('userData'));
  const tray = createTrayView(paths.icon);
  const notifier = createNotifier();
  const windows = createAppWindows({ preloadPath: paths.preload, platform: process.platform, trayBounds: tray.bounds, log });
  tray.onActivate(windows.showMain);
  const core = await createCore(
    {
      log,
      clock,
      settingsStore: stores.settings,
      callLogStore: stores.callLog,
      keychain: createSafeStorageKeychain(safeStorage),
      vaultStore: stores.vault,
      accountsStore: stores.accounts,
      shortcuts: createShortcutRegistry(),
      tray,
      notifier,
      browser: systemBrowser,
      window: windows.control,
      clipboard: systemClipboard,
      system: createSystemEvents(),
      popup: windows.popup,
      autoStart: createAutoStart({ desktopName: DESKTOP_NAME, env: process.env }),
      lifecycle: { quit: () => app.quit() },
    },
    {
      shell: 'electron',
      version: app.getVersion(),
      platform: process.platform,
      openLine: () => openLine({ env: process.env, clock, log }),
      accounts: { environmentVideoSdk: readDevAccounts(process.env).videosdk },
      events: { webhookEnvironment: readDevAccounts(process.env).webhook ?? {} },
      wayland,
    },
  );
  const trusted = windows.connect(core.events);
  windows.openMain({
    // Started at login with "start minimised", or with --hidden: only the tray shows.
    startHidden: core.settings.get().startMinimized || process.argv.includes('--hidden'),
    memory: createWindowMemory({ store: core.notices.watch(stores.windowState, 'window-state'), notifier, log, onHintClick: windows.showMain }),
    closeToTray: () => core.settings.get().closeToTray,
  });
  setupIpc(createDispatch(core.handlers, log), core.events, trusted);
  links.deliverTo(core.desktop, windows.showMain);
  setupQuit({ windows, stop: () => core.stop().then(closeSharedAgent), log });
}

/** The JSON documents in userData, each an electron-store file. */
function openStores(userData: string): Record<'settings' | 'callLog' | 'vault' | 'accounts' | 'windowState', SettingsStore> {
  const openStore = ({ cwd, name }: { cwd: string; name: string }) => new ElectronStore({ cwd, name });
  const open = (name: string) => createJsonDocumentStore({ cwd: userData, name }, openStore, clock);
  return { settings: open('settings'), callLog: open('call-log'), vault: open('vault'), accounts: open('accounts'), windowState: open('window-state') };
}
