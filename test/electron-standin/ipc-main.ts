/**
 * `ipcMain`: one handler per channel (a second `handle` throws, as in Electron), and the path
 * an `ipcRenderer.invoke` takes: arguments and results cross by structured clone, a missing
 * handler or a thrown error rejects with Electron's message.
 */
import { EventEmitter } from 'node:events';
import { ipcClone } from './runtime.js';

type InvokeHandler = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** The sender as the handler sees it: the webContents and its frame. */
export interface InvokeSender {
  contents: Electron.WebContents;
  frame: Electron.WebFrameMain | null;
}

export function createIpcMain() {
  const emitter = new EventEmitter();
  const handlers = new Map<string, InvokeHandler>();
  const methods = {
    handle(channel: string, listener: InvokeHandler) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    handleOnce(channel: string, listener: InvokeHandler) {
      methods.handle(channel, (event, ...args) => {
        handlers.delete(channel);
        return listener(event, ...args);
      });
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
  } satisfies Pick<Electron.IpcMain, 'handle' | 'handleOnce' | 'removeHandler'>;
  const ipcMain = Object.assign(emitter, methods);

  async function invoke(sender: InvokeSender, channel: string, args: unknown[]): Promise<unknown> {
    const cloned = ipcClone(args, `ipcRenderer.invoke('${channel}')`);
    // The message crosses processes: never in the caller's turn.
    await new Promise((resolve) => setImmediate(resolve));
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event = {
      sender: sender.contents,
      senderFrame: sender.frame,
      frameId: 1,
      processId: 1,
      type: 'frame',
      preventDefault: () => undefined,
      defaultPrevented: false,
    } as unknown as Electron.IpcMainInvokeEvent;
    let result: unknown;
    try {
      result = await handler(event, ...cloned);
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, { cause: error });
    }
    return ipcClone(result, `result of '${channel}'`);
  }

  return { ipcMain, invoke, channels: () => [...handlers.keys()] };
}
