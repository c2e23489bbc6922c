import { ipcMain, type WebContents } from 'electron';
import { invokeChannels } from '../../preload/contract.js';
import type { Dispatch } from './dispatch.js';
import type { EventHub, EventTarget } from './event-hub.js';
import { createIpcHandler, type TrustedWindows } from './ipc-handler.js';

/** Registers every contract channel on ipcMain through the one handler. */
export function setupIpc(dispatch: Dispatch, hub: EventHub, trusted: TrustedWindows): () => void {
  const handle = createIpcHandler(dispatch, hub, trusted);
  const channels = Object.keys(invokeChannels);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, args: unknown) => handle(channel, event, args));
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Lets the hub deliver to a window's renderer, skipping it once it is destroyed. */
export function webContentsTarget(contents: WebContents): EventTarget {
  return {
    id: contents.id,
    isDestroyed: () => contents.isDestroyed(),
    send: (channel, payload) => contents.send(channel, payload),
  };
}
