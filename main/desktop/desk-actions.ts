import type { Call, CallAction, HotkeyAction } from '../../preload/contract.js';
import { normalizeDestination, resolveIntent, type CallCommands } from '../calls/index.js';
import type { Clipboard, Logger } from '../core/ports.js';
import { partyName } from '../../preload/common/party-text.js';
import { looksLikeLink, readLink } from './deep-link.js';
import { logMessage, userMessage } from './error-text.js';

/** The call actions hotkeys and tray items can take (the popup's buttons call the window's commands). */
export const DESK_CALL_ACTIONS = ['answer', 'decline', 'hold', 'resume', 'mute', 'unmute', 'hangup'] as const satisfies readonly CallAction[];
export type DeskCallAction = (typeof DESK_CALL_ACTIONS)[number];

const VERBS: Record<DeskCallAction, string> = {
  answer: 'answer',
  decline: 'decline',
  hold: 'hold',
  resume: 'resume',
  mute: 'mute',
  unmute: 'unmute',
  hangup: 'hang up',
};

export interface DeskActionsDeps {
  calls(): readonly Call[];
  commands(): CallCommands;
  clipboard: Clipboard;
  country(): string;
  /** Dials a checked destination, sending an extension afterwards if there is one. */
  dial(destination: { dial: string; display: string; extension?: string }): Promise<string>;
  say(text: string, tone: 'info' | 'error'): void;
  log: Logger;
}

export interface DeskActions {
  /** A global hotkey was pressed. */
  press(action: HotkeyAction): Promise<void>;
  /** A tray item or popup button for one call; checked against the call as it is now. */
  act(callId: string, action: DeskCallAction): Promise<void>;
  dialClipboard(): Promise<void>;
}

/**
 * What hotkeys and the tray do. Which call is meant comes from resolveIntent; nothing to act on
 * gives feedback and sends nothing; a second press while the first request is in flight is
 * ignored, because Webex would see two answers (or two dials: two phone calls).
 */
export function createDeskActions(deps: DeskActionsDeps): DeskActions {
  const inFlight = new Set<string>();

  async function send(call: Call, action: DeskCallAction): Promise<void> {
    const key = `${call.id}:${action}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    try {
      const commands = deps.commands();
      const args = { callId: call.id };
      await commands[action](args);
    } catch (error) {
      deps.log.warn('desk: action failed', { action, error: logMessage(error) });
      deps.say(`Couldn't ${VERBS[action]} the call with ${partyName(call.remote, deps.country())}: ${userMessage(error)}`, 'error');
    } finally {
      inFlight.delete(key);
    }
  }

  async function dialClipboard(): Promise<void> {
    if (inFlight.has('dial')) return;
    let text: string;
    try {
      text = (await deps.clipboard.readText()).trim();
    } catch (error) {
      deps.log.warn('desk: could not read the clipboard', { error: logMessage(error) });
      return deps.say("Couldn't read the clipboard.", 'error');
    }
    // Never echo the clipboard: it may hold a password copied a moment ago.
    if (text === '') return deps.say('The clipboard is empty: copy a number, then dial again.', 'error');
    const read = looksLikeLink(text) ? readLink(text, deps.country()) : normalizeDestination(text, deps.country());
    if (!read.ok) return deps.say(`The clipboard does not hold a number CallDeck can dial. ${read.reason}`, 'error');
    inFlight.add('dial');
    try {
      await deps.dial(read);
      deps.say(`Calling ${read.display}`, 'info');
    } catch (error) {
      deps.say(`Couldn't call ${read.display}: ${userMessage(error)}`, 'error');
    } finally {
      inFlight.delete('dial');
    }
  }

  return {
    async press(action) {
      if (action === 'dialClipboard') return dialClipboard();
      const calls = deps.calls();
      const target = resolveIntent(action, calls);
      if (target.kind === 'nothing') return deps.say(target.reason, 'info');
      const call = calls.find((candidate) => candidate.id === target.callId);
      if (call !== undefined) await send(call, target.action as DeskCallAction);
    },
    async act(callId, action) {
      const call = deps.calls().find((candidate) => candidate.id === callId);
      // The menu was built a moment ago; the call may have moved on since.
      if (call === undefined) return deps.say('That call has ended.', 'info');
      if (!call.actions.includes(action)) {
        return deps.say(`Can't ${VERBS[action]} the call with ${partyName(call.remote, deps.country())} now.`, 'info');
      }
      await send(call, action);
    },
    dialClipboard,
  };
}
