/**
 * The sandboxed preload: exposes `window.calldeck` and nothing else. It never hands the page
 * `ipcRenderer`, a generic invoke, or Electron's event object. Bundled to one CommonJS file
 * (dist/preload/index.cjs) because sandboxed preloads cannot load ESM or node_modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi } from './build-api.js';

const api = buildApi({
  invoke: (channel, args) => ipcRenderer.invoke(channel, args),
  subscribe(channel, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
});

contextBridge.exposeInMainWorld('calldeck', api);
