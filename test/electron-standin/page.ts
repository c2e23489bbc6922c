/**
 * The renderer side of one loaded page: the preload runs in its own `vm` context (the isolated
 * world) with a sandboxed `require` whose `electron` is this stand-in's renderer half, and
 * `contextBridge` copies what it exposes into `mainWorld` (the page's `window`), the way
 * Electron's bridge does: functions become proxies, values are copied, prototypes are dropped.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import * as timers from 'node:timers';
import * as url from 'node:url';
import vm from 'node:vm';
import { ipcClone, StandinRuleError } from './runtime.js';

export interface PageOptions {
  preload: string | undefined;
  contextIsolation: boolean;
  sandbox: boolean;
  /** Sends an invoke to main as this page's main frame. */
  invoke(channel: string, args: unknown[]): Promise<unknown>;
  /** Fires an `ipcRenderer.send` at main's `ipcMain` listeners. */
  send(channel: string, args: unknown[], sync: boolean): unknown;
}

export interface Page {
  /** The page's `window`: what the renderer would see, e.g. `mainWorld.calldeck`. */
  readonly mainWorld: Record<string, unknown>;
  /** Delivers a `webContents.send` to the preload's listeners. */
  deliver(channel: string, args: unknown[]): void;
  listenerCount(channel: string): number;
}

export function loadPage(options: PageOptions): Page {
  const mainWorld: Record<string, unknown> = {};
  const listeners = new EventEmitter();
  const ipcRenderer = Object.assign(listeners, {
    invoke: (channel: string, ...args: unknown[]) => options.invoke(channel, args),
    send: (channel: string, ...args: unknown[]) => void options.send(channel, args, false),
    sendSync: (channel: string, ...args: unknown[]) => options.send(channel, args, true),
  } satisfies Pick<Electron.IpcRenderer, 'invoke' | 'send' | 'sendSync'>);

  const contextBridge = {
    exposeInMainWorld(apiKey: string, api: unknown) {
      if (!options.contextIsolation) throw new Error('contextBridge API can only be used when contextIsolation is enabled');
      if (Object.hasOwn(mainWorld, apiKey)) throw new Error('Cannot bind an API on top of an existing property on the window object');
      mainWorld[apiKey] = bridgeCopy(api, `window.${apiKey}`);
    },
  } satisfies Pick<Electron.ContextBridge, 'exposeInMainWorld'>;

  if (options.preload !== undefined) {
    const code = readFileSync(options.preload, 'utf8');
    const rendererElectron = { contextBridge, ipcRenderer };
    // A sandboxed preload gets a handful of modules and nothing else (no fs, no node_modules).
    const sandboxedModules: Record<string, unknown> = { electron: rendererElectron, events: { EventEmitter, default: EventEmitter }, timers, url };
    const require = (name: string) => {
      if (options.sandbox && !Object.hasOwn(sandboxedModules, name)) throw new Error(`module not found: ${name}`);
      const found = sandboxedModules[name];
      if (found === undefined) throw new StandinRuleError(`the stand-in does not model require('${name}') in a preload`);
      return found;
    };
    const isolatedWorld = vm.createContext({
      console,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      setImmediate,
      clearImmediate,
      queueMicrotask,
      structuredClone,
      TextEncoder,
      TextDecoder,
      URL,
      process: { platform: process.platform, type: 'renderer', sandboxed: options.sandbox, contextIsolated: options.contextIsolation, env: {} },
    });
    isolatedWorld.window = isolatedWorld;
    const wrapper = vm.runInContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, isolatedWorld, {
      filename: options.preload,
    }) as (exports: unknown, require: unknown, module: unknown, filename: string, dirname: string) => void;
    const module = { exports: {} };
    wrapper(module.exports, require, module, options.preload, '.');
  }

  return {
    mainWorld,
    deliver(channel, args) {
      listeners.emit(channel, { sender: ipcRenderer, ports: [] }, ...ipcClone(args, `webContents.send('${channel}')`));
    },
    listenerCount: (channel) => listeners.listenerCount(channel),
  };
}

/**
 * The context bridge's copy: primitives pass, plain objects and arrays are copied, functions
 * become proxies whose arguments and results are copied across in turn, promises settle with
 * copied values. Anything else (class instances, symbols) Electron cannot carry either.
 */
export function bridgeCopy(value: unknown, where: string): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => bridgeCopy(fn(...args.map((arg) => bridgeCopy(arg, `${where}(…)`))), `${where}(…) result`);
    }
    if (typeof value === 'symbol') throw new Error(`${where}: a symbol cannot cross the context bridge`);
    return value;
  }
  if (typeof (value as { then?: unknown }).then === 'function') {
    return Promise.resolve(value as PromiseLike<unknown>).then((settled) => bridgeCopy(settled, where));
  }
  if (Array.isArray(value)) return value.map((item, index) => bridgeCopy(item, `${where}[${index}]`));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== null && Object.getPrototypeOf(proto) !== null) {
    // Not a plain object (in any realm): Error, Date and friends are cloned; others lose their class.
    return structuredClone(value);
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = bridgeCopy(item, `${where}.${key}`);
  return copy;
}
