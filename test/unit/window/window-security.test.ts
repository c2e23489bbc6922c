import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { resolveAppAsset } from '../../../main/window/app-asset.js';
import { CONTENT_SECURITY_POLICY } from '../../../main/window/app-origin.js';
import { guardWindow, type GuardedContents, type GuardedSession } from '../../../main/window/navigation-guard.js';
import { mainWindowOptions } from '../../../main/window/window-options.js';

type Listener = (event: { url: string; preventDefault(): void }) => void;

/** Records what the guard installs, as Electron's WebContents would hold it. */
class FakeContents implements GuardedContents {
  openHandler?: Parameters<GuardedContents['setWindowOpenHandler']>[0];
  readonly listeners = new Map<string, Listener>();
  setWindowOpenHandler: GuardedContents['setWindowOpenHandler'] = (handler) => {
    this.openHandler = handler;
  };
  on = ((name: string, listener: Listener) => {
    this.listeners.set(name, listener);
    return this;
  }) as unknown as GuardedContents['on'];
  /** Fires an event and reports whether the guard blocked it. */
  fire(name: string, url: string): boolean {
    let prevented = false;
    this.listeners.get(name)?.({ url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

class FakeSession implements GuardedSession {
  request?: Parameters<GuardedSession['setPermissionRequestHandler']>[0];
  check?: Parameters<GuardedSession['setPermissionCheckHandler']>[0];
  setPermissionRequestHandler: GuardedSession['setPermissionRequestHandler'] = (handler) => {
    this.request = handler;
  };
  setPermissionCheckHandler: GuardedSession['setPermissionCheckHandler'] = (handler) => {
    this.check = handler;
  };
}

describe('the main window', () => {
  it('uses the secure web preferences', () => {
    const options: BrowserWindowConstructorOptions = mainWindowOptions('/app/preload.cjs');
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('denies window.open, navigation and redirects away from the app, and webviews', () => {
    const contents = new FakeContents();
    guardWindow(contents, new FakeSession());
    expect(contents.openHandler?.({ url: 'https://example.com' } as never)).toEqual({ action: 'deny' });
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(contents.fire('will-navigate', 'calldeck://app/index.html')).toBe(false);
    expect(contents.fire('will-attach-webview', 'calldeck://app/x')).toBe(true);
  });

  it('denies every permission request and check', () => {
    const session = new FakeSession();
    guardWindow(new FakeContents(), session);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'] as const) {
      let granted: boolean | undefined;
      session.request?.({} as never, permission, (answer) => (granted = answer), {} as never);
      expect(granted).toBe(false);
      expect(session.check?.(null, permission, 'calldeck://app', {} as never)).toBe(false);
    }
  });
});

const rendererDir = fileURLToPath(new URL('../../../renderer/', import.meta.url));

describe('content security policy', () => {
  it('is strict: no inline script, no remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  // frame-ancestors only works as a header (Chromium warns about it in a meta tag), so the meta
  // carries every other directive of the header.
  it.each(readdirSync(rendererDir).filter((name) => name.endsWith('.html')))('is in %s as a meta tag, the same as the header main sends', (page) => {
    const html = readFileSync(join(rendererDir, page), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});

describe('app scheme files', () => {
  const dir = '/opt/calldeck/renderer';
  it.each([
    ['calldeck://app/', `${dir}/index.html`],
    ['calldeck://app/assets/index-1.js', `${dir}/assets/index-1.js`],
  ])('serves %s from the renderer folder', (url, file) => {
    expect(resolveAppAsset(dir, url)).toMatchObject({ ok: true, file });
  });

  it.each(['calldeck://app/../../etc/passwd', 'calldeck://app/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the renderer folder (the URL parser folds dot segments)',
    (url) => {
      const lookup = resolveAppAsset(dir, url);
      expect(lookup.ok && lookup.file.startsWith(`${dir}/`)).toBe(true);
    },
  );

  it.each(['calldeck://app/..%2f..%2fetc%2fpasswd', 'calldeck://app/a%00.js', 'calldeck://other/index.html', 'calldeck://app/%E0%A4%A'])(
    'refuses %s',
    (url) => {
      expect(resolveAppAsset(dir, url).ok).toBe(false);
    },
  );
});
