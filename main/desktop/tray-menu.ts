import type { Call } from '../../preload/contract.js';
import { awaitingPickUp, CANCEL_CALL_LABEL, pickUpText } from '../../preload/common/click-to-dial-text.js';
import { resolveIntent, ringingOldestFirst, type Intent } from '../calls/index.js';
import type { TrayMenuItem } from '../core/ports.js';
import { partyName } from '../../preload/common/party-text.js';
import { clip } from './clip.js';
import { DESK_CALL_ACTIONS, type DeskCallAction } from './desk-actions.js';
import { dndOn, type DeskModel } from './desk-model.js';
import { queueSections } from './tray-queues.js';

export const TRAY_ITEM = {
  dialClipboard: 'dial-clipboard',
  dnd: 'dnd',
  show: 'show',
  settings: 'settings',
  quit: 'quit',
} as const;

/** The action comes first, so a call id containing ":" cannot confuse the parser. */
export function callItemId(callId: string, action: DeskCallAction): string {
  return `call:${action}:${callId}`;
}

export function parseCallItemId(id: string): { callId: string; action: DeskCallAction } | undefined {
  const match = /^call:([a-z]+):(.+)$/s.exec(id);
  const action = match?.[1] as DeskCallAction | undefined;
  if (!match?.[2] || action === undefined || !DESK_CALL_ACTIONS.includes(action)) return undefined;
  return { callId: match[2], action };
}

/** Menu labels stay short enough for every platform's tray menu. */
const NAME_MAX = 40;

/**
 * The tray menu for a moment in time. Which call "the active call" items act on comes from
 * resolveIntent, the function the hotkeys use, so the tray and the keyboard never disagree.
 */
export function buildTrayMenu(model: DeskModel): TrayMenuItem[] {
  const sections: TrayMenuItem[][] = [
    ...ringingOldestFirst(model.calls).map((call) => ringingSection(call, model)),
    ...activeSections(model),
    ...queueSections(model.queues),
    [
      { id: TRAY_ITEM.dialClipboard, label: 'Dial from clipboard…', enabled: model.line.state === 'ok' || model.line.state === 'rate-limited' },
      {
        id: TRAY_ITEM.dnd,
        label: 'Do Not Disturb',
        type: 'checkbox',
        checked: dndOn(model),
        enabled: !model.dnd.updating && model.line.state !== 'unauthorized',
      },
    ],
    [
      { id: TRAY_ITEM.show, label: 'Show CallDeck' },
      { id: TRAY_ITEM.settings, label: 'Settings…' },
      { id: TRAY_ITEM.quit, label: 'Quit CallDeck' },
    ],
  ];
  return sections.flatMap((section, index) => (index === 0 ? section : [{ id: `separator-${index}`, label: '', type: 'separator' as const }, ...section]));
}

function ringingSection(call: Call, model: DeskModel): TrayMenuItem[] {
  const who = clip(partyName(call.remote, model.country), NAME_MAX);
  const why = call.via ?? call.recall;
  return [
    header(call, `Ringing: ${who}${why ? ` · ${clip(why, NAME_MAX)}` : ''}`),
    item(call, 'answer', `Answer ${who}`),
    item(call, 'decline', `Decline ${who}`),
  ];
}

const ACTIVE_INTENTS: readonly Intent[] = ['holdResume', 'muteUnmute', 'hangupDecline'];

/** One section per call the hold, mute and hang-up intents point at (declining is the ringing section's). */
function activeSections(model: DeskModel): TrayMenuItem[][] {
  const byCall = new Map<string, DeskCallAction[]>();
  for (const intent of ACTIVE_INTENTS) {
    const target = resolveIntent(intent, model.calls);
    if (target.kind !== 'act' || target.action === 'decline') continue;
    const action = target.action as DeskCallAction;
    byCall.set(target.callId, [...(byCall.get(target.callId) ?? []), action]);
  }
  return [...byCall].flatMap(([callId, actions]) => {
    const call = model.calls.find((candidate) => candidate.id === callId);
    if (call === undefined) return [];
    const who = clip(partyName(call.remote, model.country), NAME_MAX);
    return [[header(call, activeHeader(call, who)), ...actions.map((action) => item(call, action, activeLabel(call, action)))]];
  });
}

function activeHeader(call: Call, who: string): string {
  if (awaitingPickUp(call)) return pickUpText(who);
  switch (call.state) {
    case 'connecting':
      return `Calling ${who}…`;
    case 'held':
      return `On hold: ${who}`;
    case 'remoteHeld':
      return `On a call with ${who} (they put you on hold)`;
    default:
      return `On a call with ${who}${call.muted ? ' · muted' : ''}`;
  }
}

const ACTIVE_LABELS: Record<DeskCallAction, string> = {
  answer: 'Answer',
  decline: 'Decline',
  hold: 'Hold',
  resume: 'Resume',
  mute: 'Mute',
  unmute: 'Unmute',
  hangup: 'Hang up',
};

function activeLabel(call: Call, action: DeskCallAction): string {
  return action === 'hangup' && (call.state === 'connecting' || awaitingPickUp(call)) ? CANCEL_CALL_LABEL : ACTIVE_LABELS[action];
}

function header(call: Call, label: string): TrayMenuItem {
  return { id: `about:${call.id}`, label, enabled: false };
}

function item(call: Call, action: DeskCallAction, label: string): TrayMenuItem {
  return { id: callItemId(call.id, action), label, enabled: call.actions.includes(action) };
}
