import type { Call, CallOutcome } from '../../preload/contract.js';
import { awaitingPickUp } from '../../preload/common/click-to-dial-text.js';

/** What the person did to end a call from CallDeck (window, hotkey, tray or popup). */
export type UserEnding = 'declined' | 'ignored' | 'forwarded' | 'voicemail' | 'hungUp';

/**
 * The list only shows that a call left; Webex does not say why. When the person ended it
 * themselves, that is the one thing we know for sure, so it is remembered here from the moment
 * the request is sent (forgotten if it fails) and read once when the call leaves the list.
 */
export interface UserEndings {
  note(callId: string, ending: UserEnding): void;
  forget(callId: string): void;
  /** The ending noted for this call, once. */
  take(callId: string): UserEnding | undefined;
}

/** Calls ended by hand but never seen to leave (a line switch) must not pile up. */
const REMEMBERED = 100;

export function createUserEndings(): UserEndings {
  const noted = new Map<string, UserEnding>();
  return {
    note(callId, ending) {
      noted.delete(callId);
      noted.set(callId, ending);
      if (noted.size > REMEMBERED) {
        const oldest = noted.keys().next().value;
        if (oldest !== undefined) noted.delete(oldest);
      }
    },
    forget: (callId) => void noted.delete(callId),
    take(callId) {
      const ending = noted.get(callId);
      noted.delete(callId);
      return ending;
    },
  };
}

/** Hanging up says different things depending on what the call was when it was last seen. */
export function outcomeOfUserEnding(ending: UserEnding, lastSeen: Call): CallOutcome {
  if (ending !== 'hungUp') return ending;
  // Webex: hangup on an unanswered incoming call rejects it.
  if (lastSeen.state === 'alerting' && lastSeen.personality === 'terminator') return 'declined';
  if (awaitingPickUp(lastSeen) || lastSeen.state === 'connecting') return 'cancelled';
  return 'ended';
}
