/**
 * `window.calldeck` for the browser harness: the same buildApi the preload uses, carried over
 * a loopback WebSocket instead of Electron IPC. Loaded as a classic script before the app's
 * module script, so the API exists before the renderer starts.
 */
import { buildApi } from '../../preload/build-api.js';
import type { CallDeckApi, Result } from '../../preload/contract.js';

type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; channel: string; payload: unknown };

const secret = new URLSearchParams(location.search).get('secret') ?? '';
const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/__harness/bridge?secret=${encodeURIComponent(secret)}`);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('error', () => reject(new Error('harness bridge unavailable')), { once: true });
});
const pending = new Map<number, (result: Result<unknown>) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
let nextId = 1;

socket.addEventListener('message', (message) => {
  const data = JSON.parse(String(message.data)) as ServerMessage;
  if (data.type === 'result') {
    pending.get(data.id)?.(data.result);
    pending.delete(data.id);
  } else {
    for (const listener of listeners.get(data.channel) ?? []) listener(data.payload);
  }
});
socket.addEventListener('close', () => {
  for (const resolve of pending.values()) {
    resolve({ ok: false, error: { code: 'network', message: 'Lost the connection to CallDeck.' } });
  }
  pending.clear();
});

(window as unknown as { calldeck: CallDeckApi }).calldeck = buildApi({
  async invoke(channel, args) {
    try {
      await opened;
    } catch {
      return { ok: false, error: { code: 'network', message: 'Lost the connection to CallDeck.' } };
    }
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      socket.send(JSON.stringify({ type: 'invoke', id, channel, args }));
    });
  },
  subscribe(channel, listener) {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  },
});
