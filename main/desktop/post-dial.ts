import type { CallsSnapshot } from '../../preload/contract.js';
import type { CallCommands } from '../calls/index.js';
import type { Clock, Logger } from '../core/ports.js';
import { userMessage } from './error-text.js';

/** A call that is not answered within this long will not need its extension. */
export const EXTENSION_WAIT_MS = 120_000;

export interface PostDialDeps {
  snapshot(): CallsSnapshot;
  onSnapshot(listener: (snapshot: CallsSnapshot) => void): () => void;
  commands(): CallCommands;
  clock: Clock;
  log: Logger;
  say(text: string, tone: 'info' | 'error'): void;
}

/**
 * Sends an RFC 3966 `;ext=` as tones once the dialled call connects. Webex dials a number, not a
 * number plus extension; the leading "," is a pause, so the far end's menu is ready to listen.
 */
export function sendExtensionWhenConnected(deps: PostDialDeps, callId: string, extension: string): void {
  let seen = false;
  let finished = false;
  // Picking up a Click to Dial call may give the outgoing call a new id in the same session.
  let sessionId: string | undefined;
  const finish = () => {
    finished = true;
    unsubscribe();
    deps.clock.clearTimeout(timer);
  };
  const check = (snapshot: CallsSnapshot) => {
    if (finished) return;
    const call =
      snapshot.calls.find((candidate) => candidate.id === callId) ??
      (sessionId === undefined ? undefined : snapshot.calls.find((candidate) => candidate.sessionId === sessionId));
    // The snapshot that reports the dial may come after one taken before it: wait to see the call.
    if (call === undefined) {
      if (seen) finish();
      return;
    }
    seen = true;
    sessionId = call.sessionId;
    if (call.state !== 'connected') return;
    finish();
    deps
      .commands()
      .dtmf({ callId: call.id, digits: `,${extension}` })
      .catch((error: unknown) => deps.say(`Couldn't send extension ${extension}: ${userMessage(error)}`, 'error'));
  };
  const unsubscribe = deps.onSnapshot(check);
  const timer = deps.clock.setTimeout(() => {
    if (!finished) deps.log.info('links: the call was not answered in time; extension not sent');
    finish();
  }, EXTENSION_WAIT_MS);
  check(deps.snapshot());
}
