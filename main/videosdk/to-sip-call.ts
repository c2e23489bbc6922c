import type { SipCall } from '../../preload/contract.js';
import type { WireSipCall } from '../providers/videosdk/wire.js';
import { statusWords } from './status-words.js';

/** One listed call as the window shows it. */
export function toSipCall(wire: WireSipCall): SipCall {
  const ended = typeof wire.end === 'string' && wire.end !== '';
  const words = statusWords(wire.status, ended);
  return {
    id: wire.id,
    to: wire.to ?? '',
    roomId: wire.roomId ?? '',
    ...(wire.from !== undefined ? { from: wire.from } : {}),
    status: wire.status,
    statusText: words.text,
    live: words.live && !ended,
    ...(wire.start !== undefined ? { startedAt: wire.start } : {}),
    ...(ended ? { endedAt: wire.end as string } : {}),
  };
}
