/**
 * The stand-in's own rules, checked in-process: each is one Electron behaviour the boot test
 * relies on to catch a mistake, so each must actually fire.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createElectronStandin } from '../electron-standin/electron.js';
import { bridgeCopy } from '../electron-standin/page.js';

const folders: string[] = [];
function standin() {
  const userData = mkdtempSync(join(tmpdir(), 'calldeck-standin-'));
  folders.push(userData);
  return createElectronStandin({ appPath: userData, name: 'CallDeck', version: '0.0.0', userData });
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const secure = { contextIsolation: true, sandbox: true } as const;

describe('Electron ordering rules', () => {
  it('grants scheme privileges only before ready', () => {
    const { exports, control } = standin();
    control.app.emitReady();
    expect(() => exports.protocol.registerSchemesAsPrivileged([{ scheme: 'calldeck' }])).toThrow('should be called before app is ready');
  });

  it('refuses protocol.handle, BrowserWindow, Tray, globalShortcut and screen before ready', () => {
    const { exports } = standin();
    expect(() => exports.protocol.handle('calldeck', () => new Response(''))).toThrow(/not ready/);
    expect(() => new exports.BrowserWindow({})).toThrow('Cannot create BrowserWindow before app is ready');
    expect(() => new exports.Tray(exports.nativeImage.createEmpty())).toThrow('Cannot create Tray before app is ready');
    expect(() => exports.globalShortcut.register('Alt+A', () => undefined)).toThrow('globalShortcut cannot be used before the app is ready');
    expect(() => exports.screen.getPrimaryDisplay()).toThrow("can't be used before the app 'ready' event");
  });

  it('throws on a second ipcMain.handle or protocol.handle for one name', () => {
    const { exports, control } = standin();
    control.app.emitReady();
    exports.ipcMain.handle('app:info', () => null);
    expect(() => exports.ipcMain.handle('app:info', () => null)).toThrow("Attempted to register a second handler for 'app:info'");
    exports.protocol.handle('calldeck', () => new Response(''));
    expect(() => exports.protocol.handle('calldeck', () => new Response(''))).toThrow('Failed to register protocol: calldeck');
  });

  it('quits in order: before-quit, windows close, will-quit, quit; window-all-closed is not emitted', async () => {
    const { exports, control } = standin();
    control.app.emitReady();
    const seen: string[] = [];
    const window = new exports.BrowserWindow({ show: false, webPreferences: secure });
    window.on('close', () => seen.push('close'));
    window.on('closed', () => seen.push('closed'));
    for (const name of ['before-quit', 'will-quit', 'quit', 'window-all-closed'] as const) exports.app.on(name as 'quit', () => seen.push(name));
    exports.app.quit();
    await control.app.ended;
    expect(seen).toEqual(['before-quit', 'close', 'closed', 'will-quit', 'quit']);
  });

  it('cancels quitting when a window refuses to close, as hide-to-tray would', async () => {
    const { exports, control } = standin();
    control.app.emitReady();
    const window = new exports.BrowserWindow({ webPreferences: secure });
    window.on('close', (event: { preventDefault(): void }) => event.preventDefault());
    let willQuit = false;
    exports.app.on('will-quit', () => (willQuit = true));
    exports.app.quit();
    // The quit sequence closes windows on the next turn of the loop; two turns cover it.
    for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(willQuit).toBe(false);
    expect(window.isDestroyed()).toBe(false);
    expect(control.rt.phase()).toBe('ready');
  });

  it('holds a quit whose before-quit was prevented, until the app quits again', async () => {
    const { exports, control } = standin();
    control.app.emitReady();
    let held = true;
    exports.app.on('before-quit', (event: { preventDefault(): void }) => {
      if (held) event.preventDefault();
    });
    let quit = false;
    exports.app.on('quit', () => (quit = true));
    exports.app.quit();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(quit).toBe(false);
    held = false;
    exports.app.quit();
    await control.app.ended;
    expect(quit).toBe(true);
  });

  it('hands powerMonitor shutdown listeners an event they can prevent, to ask the OS to wait', () => {
    const { exports, control } = standin();
    control.app.emitReady();
    expect(control.system.shutdown()).toBe(false);
    exports.powerMonitor.on('shutdown', (event?: { preventDefault?(): void }) => event?.preventDefault?.());
    expect(control.system.shutdown()).toBe(true);
  });

  it('throws on any use of a destroyed window', () => {
    const { exports, control } = standin();
    control.app.emitReady();
    const window = new exports.BrowserWindow({ webPreferences: secure });
    window.destroy();
    expect(window.isDestroyed()).toBe(true);
    expect(() => window.show()).toThrow('Object has been destroyed');
    expect(() => window.webContents.send('calls:changed', {})).toThrow('Object has been destroyed');
  });

  it('counts a blank tray icon as a problem, since Electron would just show nothing', () => {
    const { exports, control } = standin();
    control.app.emitReady();
    new exports.Tray(exports.nativeImage.createFromPath('/nonexistent/idle.png'));
    expect(control.rt.problems()).toEqual([expect.stringContaining('/nonexistent/idle.png" is empty')]);
  });

  it('rejects an accelerator Electron cannot parse', () => {
    const { exports, control } = standin();
    control.app.emitReady();
    expect(exports.globalShortcut.register('CommandOrControl+Alt+A', () => undefined)).toBe(true);
    expect(exports.globalShortcut.register('CommandOrControl+Alt+A', () => undefined)).toBe(false);
    expect(() => exports.globalShortcut.register('Hyper+A', () => undefined)).toThrow('Failed to parse accelerator');
  });
});

describe('IPC and the context bridge', () => {
  it('rejects an invoke without a handler, and results that cannot be cloned', async () => {
    const { exports, control } = standin();
    control.app.emitReady();
    exports.ipcMain.handle('bad', () => ({ fn: () => undefined }));
    const sender = { contents: {} as Electron.WebContents, frame: null };
    await expect(control.ipc.invoke(sender, 'missing', [])).rejects.toThrow("No handler registered for 'missing'");
    await expect(control.ipc.invoke(sender, 'bad', [])).rejects.toThrow('could not be cloned');
  });

  it('copies values across the bridge: functions become proxies, classes lose their prototype', async () => {
    class Secret {
      value = 1;
      reveal() {
        return 'leak';
      }
    }
    const api = bridgeCopy({ get: async () => new Date(0), plain: { a: [1, 2] }, }, 'api') as Record<string, unknown>;
    expect(await (api.get as () => Promise<unknown>)()).toEqual(new Date(0));
    expect(api.plain).toEqual({ a: [1, 2] });
    const copied = bridgeCopy(new Secret(), 'x');
    expect(copied).toEqual({ value: 1 });
    expect(copied).not.toBeInstanceOf(Secret);
    expect(() => bridgeCopy(Symbol('s'), 'x')).toThrow('cannot cross the context bridge');
  });
});

describe('module resolution', () => {
  it('sends `electron` to the stand-in and never lets the real package load', async () => {
    const { initialize, resolve } = await import('../electron-standin/hooks.js');
    await initialize?.({ electronUrl: 'file:///standin/index.js' });
    const next = async (specifier: string) => ({ url: `file:///repo/node_modules/${specifier}/index.js` });
    const context = { conditions: [], importAttributes: {}, parentURL: 'file:///repo/dist/main/index.js' };
    await expect(resolve('electron', context, next)).resolves.toMatchObject({ url: 'file:///standin/index.js' });
    await expect(resolve('electron/index.js', context, next)).rejects.toThrow('tests must use the stand-in');
    await expect(resolve('zod', context, next)).resolves.toMatchObject({ url: 'file:///repo/node_modules/zod/index.js' });
  });
});
