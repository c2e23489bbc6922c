/**
 * `BrowserWindow` and its `webContents`. Windows exist only after ready; a destroyed window or
 * webContents throws on use, as Electron's do. `loadURL` asks the protocol handler for the page,
 * then runs the preload (see page.ts), then reports the load and `ready-to-show`.
 */
import { EventEmitter } from 'node:events';
import { loadPage, type Page } from './page.js';
import { preventableEvent, type Runtime } from './runtime.js';
import type { createIpcMain } from './ipc-main.js';
import type { createProtocol, createSession } from './protocol.js';

type Rect = Electron.Rectangle;

export interface WindowsDeps {
  rt: Runtime;
  ipc: ReturnType<typeof createIpcMain>;
  protocol: ReturnType<typeof createProtocol>;
  session: ReturnType<typeof createSession>;
  /** Electron's default when the last window closes and nobody listens for it: quit. */
  onAllClosed(): void;
}

export interface LoadRecord {
  url: string;
  status: number;
  contentType: string;
  csp: string | null;
}

export function createWindows(deps: WindowsDeps) {
  const { rt } = deps;
  const all: StandinBrowserWindow[] = [];

  class StandinWebContents extends EventEmitter {
    readonly id = rt.nextId('webContents');
    #destroyed = false;
    #url = '';
    #openHandler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0] | undefined;
    page: Page | undefined;
    loads: LoadRecord[] = [];
    /** The main frame as IPC events name it: the same object for every message from it. */
    readonly mainFrame: { url: string; origin: string; routingId: number };

    constructor(readonly webPreferences: Electron.WebPreferences) {
      super();
      const contents = () => this.#url;
      this.mainFrame = {
        get url() {
          return contents();
        },
        get origin() {
          const url = contents();
          return url ? `${url.slice(0, url.indexOf(':'))}://${new URL(url).host}` : '';
        },
        routingId: 1,
      };
    }

    get session(): Electron.Session {
      return deps.session.session.defaultSession;
    }

    #alive(what: string): void {
      if (this.#destroyed) throw new TypeError(`Object has been destroyed (webContents.${what})`);
    }

    isDestroyed = () => this.#destroyed;
    getURL = () => {
      this.#alive('getURL');
      return this.#url;
    };
    send = (channel: string, ...args: unknown[]) => {
      this.#alive('send');
      const page = this.page;
      // Delivered on a later turn, to whatever page is loaded then (or to nobody).
      setImmediate(() => {
        if (!this.#destroyed && page === this.page) page?.deliver(channel, args);
      });
    };
    setWindowOpenHandler = (handler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0]) => {
      this.#alive('setWindowOpenHandler');
      this.#openHandler = handler;
    };
    /** What a `window.open` from the page would get. */
    windowOpen(url: string) {
      return this.#openHandler?.({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } } as never) ?? { action: 'allow' };
    }
    /** A navigation the page starts (a link, location.href): `will-navigate` may stop it. */
    navigate(url: string): boolean {
      const event = preventableEvent({ url, isMainFrame: true });
      this.emit('will-navigate', event, url);
      return !event.defaultPrevented;
    }

    loadURL = async (url: string) => {
      this.#alive('loadURL');
      this.#url = url;
      this.page = undefined;
      let response: Awaited<ReturnType<typeof deps.protocol.fetchApp>>;
      try {
        response = await deps.protocol.fetchApp(url);
      } catch (error) {
        this.emit('did-fail-load', preventableEvent(), -302, String(error), url, true);
        throw error;
      }
      this.loads.push({ url, status: response.status, contentType: response.contentType, csp: response.headers.get('content-security-policy') });
      if (response.status >= 400) {
        rt.problem(`${url} answered ${response.status}`);
        this.emit('did-fail-load', preventableEvent(), -379, 'ERR_HTTP_RESPONSE_CODE_FAILURE', url, true);
        throw new Error(`ERR_HTTP_RESPONSE_CODE_FAILURE (-379) loading '${url}'`);
      }
      if (this.#destroyed) return;
      const frame = this.mainFrame as unknown as Electron.WebFrameMain;
      this.page = loadPage({
        preload: this.webPreferences.preload,
        contextIsolation: this.webPreferences.contextIsolation ?? true,
        sandbox: this.webPreferences.sandbox ?? true,
        invoke: (channel, args) => deps.ipc.invoke({ contents: this as unknown as Electron.WebContents, frame: this.#destroyed ? null : frame }, channel, args),
        send: (channel, args, sync) => {
          const event = { sender: this, senderFrame: frame, returnValue: undefined as unknown, reply: () => undefined };
          deps.ipc.ipcMain.emit(channel, event, ...args);
          return sync ? event.returnValue : undefined;
        },
      });
      this.emit('dom-ready', preventableEvent());
      this.emit('did-finish-load', preventableEvent());
    };

    destroy(): void {
      if (this.#destroyed) return;
      this.#destroyed = true;
      this.page = undefined;
      this.emit('destroyed', preventableEvent());
    }
  }

  class StandinBrowserWindow extends EventEmitter {
    static getAllWindows = () => all.filter((window) => !window.isDestroyed());
    static fromWebContents = (contents: unknown) => all.find((window) => window.webContents === contents) ?? null;

    readonly id = rt.nextId('window');
    readonly webContents: StandinWebContents;
    #destroyed = false;
    #visible: boolean;
    #focused = false;
    #minimized = false;
    #maximized = false;
    #bounds: Rect;
    #readyShown = false;
    alwaysOnTop: { flag: boolean; level?: string } = { flag: false };
    allWorkspaces = false;

    constructor(readonly options: Electron.BrowserWindowConstructorOptions = {}) {
      super();
      rt.requireReady('BrowserWindow', 'Cannot create BrowserWindow before app is ready');
      this.webContents = new StandinWebContents(options.webPreferences ?? {});
      this.#bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
      this.#visible = options.show !== false;
      this.alwaysOnTop.flag = options.alwaysOnTop ?? false;
      all.push(this);
      this.webContents.on('did-finish-load', () => {
        if (!this.#readyShown && !this.#destroyed) {
          this.#readyShown = true;
          this.emit('ready-to-show', preventableEvent());
        }
      });
    }

    #alive(what: string): void {
      if (this.#destroyed) throw new TypeError(`Object has been destroyed (BrowserWindow.${what})`);
    }

    isDestroyed = () => this.#destroyed;
    loadURL = (url: string) => {
      this.#alive('loadURL');
      return this.webContents.loadURL(url);
    };
    show = () => {
      this.#alive('show');
      const was = this.#visible;
      this.#visible = true;
      this.#focused = true;
      this.#minimized = false;
      if (!was) this.emit('show', preventableEvent());
    };
    showInactive = () => {
      this.#alive('showInactive');
      const was = this.#visible;
      this.#visible = true;
      if (!was) this.emit('show', preventableEvent());
    };
    hide = () => {
      this.#alive('hide');
      const was = this.#visible;
      this.#visible = false;
      this.#focused = false;
      if (was) this.emit('hide', preventableEvent());
    };
    focus = () => {
      this.#alive('focus');
      this.#focused = true;
    };
    isFocused = () => (this.#alive('isFocused'), this.#focused);
    isVisible = () => (this.#alive('isVisible'), this.#visible);
    isMinimized = () => (this.#alive('isMinimized'), this.#minimized);
    minimize = () => {
      this.#alive('minimize');
      this.#minimized = true;
    };
    restore = () => {
      this.#alive('restore');
      this.#minimized = false;
    };
    maximize = () => {
      this.#alive('maximize');
      this.#maximized = true;
    };
    isMaximized = () => (this.#alive('isMaximized'), this.#maximized);
    isFullScreen = () => (this.#alive('isFullScreen'), false);
    getBounds = () => (this.#alive('getBounds'), { ...this.#bounds });
    getNormalBounds = () => (this.#alive('getNormalBounds'), { ...this.#bounds });
    setBounds = (bounds: Partial<Rect>) => {
      this.#alive('setBounds');
      this.#bounds = { ...this.#bounds, ...bounds };
    };
    getTitle = () => (this.#alive('getTitle'), this.options.title ?? '');
    setAlwaysOnTop = (flag: boolean, level?: string) => {
      this.#alive('setAlwaysOnTop');
      this.alwaysOnTop = level === undefined ? { flag } : { flag, level };
    };
    setVisibleOnAllWorkspaces = (visible: boolean) => {
      this.#alive('setVisibleOnAllWorkspaces');
      this.allWorkspaces = visible;
    };
    /** Asks to close: `close` may be prevented (hide to tray); otherwise the window is destroyed. */
    close = () => {
      this.#alive('close');
      const event = preventableEvent();
      this.emit('close', event);
      if (event.defaultPrevented) return false;
      this.destroy();
      return true;
    };
    destroy = () => {
      if (this.#destroyed) return;
      this.#destroyed = true;
      this.#visible = false;
      this.webContents.destroy();
      this.emit('closed');
      if (rt.phase() === 'ready' && StandinBrowserWindow.getAllWindows().length === 0) deps.onAllClosed();
    };
  }

  // The methods CallDeck calls, checked against Electron's own declarations.
  void ({} as Pick<
    StandinBrowserWindow,
    | 'show'
    | 'showInactive'
    | 'hide'
    | 'focus'
    | 'isFocused'
    | 'isVisible'
    | 'isMinimized'
    | 'restore'
    | 'minimize'
    | 'maximize'
    | 'isMaximized'
    | 'isFullScreen'
    | 'getBounds'
    | 'getNormalBounds'
    | 'setBounds'
    | 'getTitle'
    | 'setAlwaysOnTop'
    | 'setVisibleOnAllWorkspaces'
    | 'isDestroyed'
    | 'loadURL'
    | 'destroy'
  > satisfies Partial<Electron.BrowserWindow>);
  void ({} as Pick<StandinWebContents, 'isDestroyed' | 'getURL' | 'send' | 'setWindowOpenHandler' | 'loadURL' | 'id'> satisfies Partial<Electron.WebContents>);

  /** The quit sequence's step: close every window; false if one refused (then quitting stops). */
  async function closeAll(): Promise<boolean> {
    for (const window of StandinBrowserWindow.getAllWindows()) {
      if (!window.close()) return false;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return true;
  }
  function destroyAll(): void {
    for (const window of StandinBrowserWindow.getAllWindows()) window.destroy();
  }

  return { BrowserWindow: StandinBrowserWindow, all: () => all, closeAll, destroyAll };
}

export type StandinWindows = ReturnType<typeof createWindows>;
export type StandinBrowserWindow = InstanceType<StandinWindows['BrowserWindow']>;
