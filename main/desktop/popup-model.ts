import type { Call, PopupAction, PopupCard, PopupState } from '../../preload/contract.js';
import { partyDetail, partyName } from '../../preload/common/party-text.js';
import { ringingOldestFirst } from '../calls/index.js';
import { dndOn, type DeskModel } from './desk-model.js';

/** More cards than this would cover the screen; the rest are counted. */
export const MAX_POPUP_CARDS = 3;

const POPUP_ACTIONS: readonly PopupAction[] = ['answer', 'decline', 'voicemail'];

export const EMPTY_POPUP: PopupState = { cards: [], more: 0 };

/**
 * The incoming-call popup for a moment in time: one card per ringing call, oldest first (the
 * call the Answer hotkey takes is on top). Nothing while Do Not Disturb is on, and a card the
 * person dismissed stays away while that call rings.
 */
export function popupState(model: DeskModel, dismissed: ReadonlySet<string>): PopupState {
  if (dndOn(model)) return EMPTY_POPUP;
  const ringing = ringingOldestFirst(model.calls).filter((call) => !dismissed.has(call.id));
  return {
    cards: ringing.slice(0, MAX_POPUP_CARDS).map((call) => card(call, model.country)),
    more: Math.max(0, ringing.length - MAX_POPUP_CARDS),
  };
}

function card(call: Call, country: string): PopupCard {
  const number = partyDetail(call.remote, country);
  return {
    callId: call.id,
    name: partyName(call.remote, country),
    ...(number === undefined ? {} : { number }),
    ...(call.via === undefined ? {} : { via: call.via }),
    ...(call.recall === undefined ? {} : { recall: call.recall }),
    ringingSince: call.createdAt,
    actions: POPUP_ACTIONS.filter((action) => call.actions.includes(action)),
  };
}
