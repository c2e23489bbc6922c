import type { IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../preload/contract.js';
import { createRendererDispatch, type Dispatch } from './dispatch.js';
import type { EventHub } from './event-hub.js';
import { isTrustedSender } from './trusted-sender.js';

/** The parts of Electron's invoke event the handler reads; a real event satisfies it. */
export type InvokeEventLike = {
  sender: Pick<IpcMainInvokeEvent['sender'], 'id'> & { mainFrame: unknown };
  senderFrame: { url: string } | null;
};

export interface TrustedWindows {
  ids(): ReadonlySet<number>;
  origin: string;
}

/**
 * The one wrapper every `ipcMain.handle` goes through: refuse anything but the main frame of
 * one of our windows showing our origin, then dispatch (parse args, run, turn outcomes into
 * values).
 */
export function createIpcHandler(dispatch: Dispatch, hub: EventHub, trusted: TrustedWindows) {
  const dispatchFrom = createRendererDispatch(dispatch, hub);
  return async (channel: string, event: InvokeEventLike, args: unknown): Promise<Result<unknown>> => {
    const frame = event.senderFrame;
    const sender = {
      webContentsId: event.sender.id,
      // A null senderFrame means the frame navigated or was destroyed: treat as untrusted.
      isMainFrame: frame !== null && frame === event.sender.mainFrame,
      url: frame?.url ?? '',
    };
    if (!isTrustedSender(sender, trusted.ids(), trusted.origin)) {
      return { ok: false, error: { code: 'forbidden', message: 'This page may not talk to CallDeck.' } };
    }
    return dispatchFrom(event.sender.id, channel, args);
  };
}
