/**
 * The composition root: app lifecycle, then a flat list of setup calls that wire the real
 * Electron adapters into the core. Read top to bottom, it is the table of contents of main.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ElectronStore from 'electron-store';
import { app } from 'electron';
import { createJsonDocumentStore } from './adapters/json-document-store.js';
import { createMainWindow } from './adapters/main-window.js';
import { registerAppScheme, setupAppProtocol } from './adapters/app-protocol.js';
import {
  createNotifier,
  createShortcutRegistry,
  createSystemEvents,
  createTrayView,
  systemBrowser,
  systemClipboard,
} from './adapters/desktop-ports.js';
import { createConsoleLogger } from './core/console-logger.js';
import { createCore } from './core/create-core.js';
import { createMemorySecretStore } from './core/memory-secret-store.js';
import { openLine } from './core/open-line.js';
import { systemClock } from './core/system-clock.js';
import { createDispatch } from './ipc/dispatch.js';
import { setupIpc, webContentsTarget } from './ipc/electron-ipc.js';
import { APP_ORIGIN } from './window/app-origin.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const paths = {
  preload: join(here, '../preload/index.cjs'),
  renderer: join(here, '../renderer'),
  icon: (name: string) => join(here, '../../assets/tray', `${name}.png`),
};
const log = createConsoleLogger();

registerAppScheme();

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
  const core = await createCore(
    {
      log,
      clock,
      settingsStore: createJsonDocumentStore({ cwd: userData, name: 'settings' }, openStore, clock),
      callLogStore: createJsonDocumentStore({ cwd: userData, name: 'call-log' }, openStore, clock),
      secrets: createMemorySecretStore(),
      shortcuts: createShortcutRegistry(),
      tray: createTrayView(paths.icon),
      notifier: createNotifier(),
      browser: systemBrowser,
      window: { show: () => main.control.show(), focus: () => main.control.focus(), hide: () => main.control.hide() },
      clipboard: systemClipboard,
      system: createSystemEvents(),
    },
    {
      shell: 'electron',
      version: app.getVersion(),
      platform: process.platform,
      openLine: () => openLine({ env: process.env, clock, log }),
    },
  );

  const main = createMainWindow(paths.preload, { startHidden: core.settings.get().startMinimized });
  const ourWindows = new Set([main.window.webContents.id]);
  core.events.attach(webContentsTarget(main.window.webContents));
  setupIpc(createDispatch(core.handlers, log), core.events, { ids: () => ourWindows, origin: APP_ORIGIN });

  app.on('second-instance', () => {
    main.control.show();
    main.control.focus();
  });
  app.on('before-quit', () => void core.stop());
}
