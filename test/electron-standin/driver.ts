/**
 * The boot driver: a child process that plays Electron for the built main process. It hooks
 * `electron` to the stand-in, imports dist/main/index.js as it is, fires `ready` once the script
 * has run, and answers the boot test's questions over the IPC channel (see protocol.ts in
 * test/boot). Any uncaught exception or unhandled rejection is reported and ends the process.
 */
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { standin } from './instance.js';
import type { StandinBrowserWindow } from './windows.js';
import type { StandinMenuItem } from './desktop.js';
import type { DriverMessage, DriverRequest } from '../boot/driver-protocol.js';

interface DriverConfig {
  main: string;
  /** Extra command-line arguments, after `electron .`. */
  argv: string[];
  /** Wait for the test's `ready` request instead of firing ready once the script has run. */
  holdReady?: boolean;
}

const config = JSON.parse(process.env.CALLDECK_BOOT ?? '{}') as DriverConfig;
const { control } = standin;

function send(message: DriverMessage): void {
  process.send?.(message);
}

function die(kind: 'uncaughtException' | 'unhandledRejection', error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.exitCode = 70;
  if (process.send) process.send({ type: 'crash', kind, error: text } satisfies DriverMessage, () => process.exit(70));
  else process.exit(70);
}
process.on('uncaughtException', (error) => die('uncaughtException', error));
process.on('unhandledRejection', (error) => die('unhandledRejection', error));

// The channel to the test must not keep the app alive: after quit, only the app's handles may.
process.channel?.unref();

function windowById(id: number): StandinBrowserWindow {
  const window = control.windows.all().find((candidate) => candidate.id === id);
  if (!window) throw new Error(`no window ${id}`);
  return window;
}

function apiAt(window: StandinBrowserWindow, path: readonly string[]): unknown {
  let value: unknown = window.webContents.page?.mainWorld;
  if (value === undefined) throw new Error(`window ${window.id} has no page loaded`);
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

function describeMenu(items: readonly StandinMenuItem[]): unknown[] {
  return items.map((item) => ({
    id: item.id,
    label: item.label,
    type: item.type,
    enabled: item.enabled,
    checked: item.checked,
    ...(item.submenu ? { submenu: describeMenu(item.submenu) } : {}),
  }));
}

function findMenuItem(items: readonly StandinMenuItem[], label: string): StandinMenuItem | undefined {
  for (const item of items) {
    if (item.label === label) return item;
    const inner = item.submenu && findMenuItem(item.submenu, label);
    if (inner) return inner;
  }
  return undefined;
}

function snapshot() {
  const sessionState = control.rt.isReady() ? control.session.state() : undefined;
  return {
    phase: control.rt.phase(),
    problems: [...control.rt.problems()],
    privilegedSchemes: Object.fromEntries(control.protocol.privileged()),
    handledSchemes: control.protocol.handledSchemes(),
    invokeChannels: control.ipc.channels(),
    switches: Object.fromEntries(control.app.switches()),
    secondInstances: control.app.secondInstances(),
    windows: control.windows.all().map((window) => ({
      id: window.id,
      destroyed: window.isDestroyed(),
      title: window.options.title ?? '',
      show: window.options.show ?? true,
      webPreferences: window.options.webPreferences ?? {},
      visible: !window.isDestroyed() && window.isVisible(),
      focused: !window.isDestroyed() && window.isFocused(),
      url: window.webContents.mainFrame.url,
      loads: window.webContents.loads,
      exposed: Object.keys(window.webContents.page?.mainWorld ?? {}),
      opensPopups: window.isDestroyed() ? undefined : window.webContents.windowOpen('https://example.com/').action,
      navigatesAway: window.isDestroyed() ? undefined : window.webContents.navigate('https://example.com/'),
    })),
    permissionRequestHandler: sessionState?.requestHandler !== null && sessionState !== undefined,
    permissionCheckHandler: sessionState?.checkHandler !== null && sessionState !== undefined,
    trays: control.desktop.trays.map((tray) => ({
      image: tray.image.path,
      imageEmpty: tray.image.isEmpty(),
      imageSize: tray.image.getSize(),
      toolTip: tray.toolTip,
      menu: tray.menu ? describeMenu(tray.menu.items) : null,
    })),
    shortcuts: [...control.desktop.shortcuts.keys()],
    notifications: control.desktop.notifications.map((n) => ({ title: n.options.title ?? '', body: n.options.body ?? '', shown: n.shown })),
    opened: [...control.system.opened],
  };
}
export type BootSnapshot = ReturnType<typeof snapshot>;

async function answer(request: DriverRequest): Promise<unknown> {
  switch (request.op) {
    case 'snapshot':
      return snapshot();
    case 'call': {
      const fn = apiAt(windowById(request.window), request.path);
      if (typeof fn !== 'function') throw new Error(`window.${request.path.join('.')} is not a function`);
      return await (fn as (...args: unknown[]) => unknown)(...request.args);
    }
    case 'subscribe': {
      const fn = apiAt(windowById(request.window), request.path);
      if (typeof fn !== 'function') throw new Error(`window.${request.path.join('.')} is not a function`);
      (fn as (listener: (payload: unknown) => void) => unknown)((payload) =>
        send({ type: 'event', window: request.window, path: request.path, payload }),
      );
      return null;
    }
    case 'trayMenu': {
      const menu = control.desktop.trays.at(-1)?.menu;
      const item = menu && findMenuItem(menu.items, request.label);
      if (!item) throw new Error(`no tray menu item "${request.label}"`);
      item.click();
      return null;
    }
    case 'closeWindow':
      return windowById(request.window).close();
    case 'openUrl':
      control.app.openUrl(request.url);
      return null;
    case 'ready':
      fireReady();
      return null;
    case 'quit':
      standin.exports.app.quit();
      return null;
    case 'shutdown':
      return control.system.shutdown();
  }
}

process.on('message', (raw) => {
  const request = raw as DriverRequest;
  answer(request).then(
    (value) => send({ type: 'reply', id: request.id, ok: true, value }),
    (error: unknown) => send({ type: 'reply', id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});

void control.app.ended.then((exitCode) => {
  // Electron ends the process right after 'quit'; whatever is still open now is cut off there.
  setImmediate(() => send({ type: 'quit', exitCode, openResources: process.getActiveResourcesInfo() }));
  // Still running later means something keeps the event loop alive: say what, then let the test decide.
  setTimeout(() => send({ type: 'still-running', openResources: process.getActiveResourcesInfo() }), 4000).unref();
});

register('./hooks.js', import.meta.url, { data: { electronUrl: new URL('./index.js', import.meta.url).href } });
// As `electron .` starts it: argv[0] the binary, argv[1] the app folder, then the user's arguments.
process.argv = [process.execPath, standin.exports.app.getAppPath(), ...config.argv];
try {
  await import(pathToFileURL(config.main).href);
} catch (error) {
  die('uncaughtException', error);
}
send({ type: 'loaded' });
function fireReady(): void {
  control.app.emitReady();
  if (control.rt.isReady()) send({ type: 'ready' });
}
if (!config.holdReady) setImmediate(fireReady);
