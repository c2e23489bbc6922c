/**
 * The boot check exists to catch a main process that compiles but does not start. Each case
 * here builds main/index.ts with one deliberate mistake, exactly as `npm run build:main` would,
 * and proves the check fails, for the reason that mistake causes.
 */
import { describe, expect, it } from 'vitest';
import { bootCheck } from './boot-check.js';
import { buildBrokenMain, removeUserData, startBoot } from './boot-process.js';

function replaceOnce(source: string, find: string | RegExp, replacement: string): string {
  const matches = typeof find === 'string' ? source.split(find).length - 1 : (source.match(new RegExp(find, 'g')) ?? []).length;
  if (matches !== 1) throw new Error(`expected exactly one ${String(find)} in main/index.ts, found ${matches}`);
  return source.replace(find, replacement);
}

describe('the boot check fails on a broken main process', () => {
  it('when onReady throws: the app logs why and exits 1 instead of lingering without a window', async () => {
    const main = await buildBrokenMain('on-ready-throws', (source) =>
      replaceOnce(source, 'async function onReady(): Promise<void> {', "async function onReady(): Promise<void> {\n  throw new Error('broken on purpose');"),
    );
    await expect(bootCheck({ main })).rejects.toThrow(/exited \(1\)[\s\S]*startup failed[\s\S]*broken on purpose/);
  });

  it('when setupIpc is left out', async () => {
    const main = await buildBrokenMain('no-ipc', (source) => replaceOnce(source, /\n\s*setupIpc\([^\n]*\);/, ''));
    await expect(bootCheck({ main })).rejects.toThrow(/channels without a handler: app:info, app:ready/);
  });

  it('when the app scheme is registered after ready', async () => {
    const main = await buildBrokenMain('scheme-after-ready', (source) =>
      replaceOnce(
        replaceOnce(source, /\nregisterAppScheme\(\);/, ''),
        '  setupAppProtocol(paths.renderer);',
        '  registerAppScheme();\n  setupAppProtocol(paths.renderer);',
      ),
    );
    await expect(bootCheck({ main })).rejects.toThrow(/registerSchemesAsPrivileged should be called before app is ready/);
  });

  it('when a variable is used before its declaration', async () => {
    // The window port used before the windows exist: a ReferenceError at start-up.
    const main = await buildBrokenMain('used-before-declaration', (source) =>
      replaceOnce(source, '  const tray = createTrayView(paths.icon);', '  const tray = createTrayView(paths.icon);\n  windows.showMain();'),
    );
    await expect(bootCheck({ main })).rejects.toThrow(/Cannot access 'windows' before initialization/);
  });

  it('when a window is created before ready', async () => {
    const main = await buildBrokenMain('window-before-ready', (source) =>
      replaceOnce(
        replaceOnce(source, "import { app, safeStorage } from 'electron';", "import { app, BrowserWindow, safeStorage } from 'electron';"),
        'const links = receiveLinks(log);',
        'const links = receiveLinks(log);\nnew BrowserWindow({ show: false });',
      ),
    );
    await expect(bootCheck({ main })).rejects.toThrow(/Cannot create BrowserWindow before app is ready/);
  });

  it('when the page is missing: the load failure is logged, not an unhandled rejection', async () => {
    const main = await buildBrokenMain('no-renderer', (source) => replaceOnce(source, "renderer: join(here, '../renderer'),", "renderer: join(here, '../no-renderer'),"));
    await expect(bootCheck({ main })).rejects.toThrow(/calldeck:\/\/app\/index\.html answered 404/);
    const boot = await startBoot({ main });
    try {
      await boot.until(() => boot.output().includes('main window: could not load'), 'the load failure in the log');
      expect(boot.messages.filter((m) => m.type === 'crash')).toEqual([]);
    } finally {
      boot.kill();
      removeUserData(boot);
    }
  });
});
