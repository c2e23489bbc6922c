import type { Call } from '../../preload/contract.js';
import { voicemailWaitingText } from '../../preload/common/line-text.js';
import type { TrayIconState } from '../core/ports.js';
import { activeCall, isDialling, isRinging, ringingOldestFirst } from '../calls/index.js';
import { awaitingPickUp, pickUpText } from '../../preload/common/click-to-dial-text.js';
import { formatDuration, secondsOnCall } from '../../preload/common/duration.js';
import { partyName } from '../../preload/common/party-text.js';
import { clip } from './clip.js';
import { dndOn, type DeskModel } from './desk-model.js';

/** Windows cuts tray tooltips at 127 characters. */
export const TOOLTIP_MAX = 127;

/**
 * The tray icon for a moment in time. A ringing call outranks the call you are on (call waiting
 * needs noticing) except under Do Not Disturb, which keeps ringing quiet.
 */
export function trayIcon(model: DeskModel): TrayIconState {
  if (model.line.state === 'unauthorized') return 'signed-out';
  if (model.line.state === 'offline' || model.line.state === 'error') return 'offline';
  if (!dndOn(model) && model.calls.some(isRinging)) return 'ringing';
  if (model.calls.some((call) => call.state === 'connected' || call.state === 'remoteHeld' || isDialling(call))) return 'on-call';
  if (model.calls.some((call) => call.state === 'held')) return 'on-hold';
  if (dndOn(model)) return 'dnd';
  return 'idle';
}

/** Whether the tooltip shows a running duration, so it needs refreshing every second. */
export function tooltipTicks(model: DeskModel): boolean {
  return model.calls.some((call) => call.state === 'connected' || call.state === 'remoteHeld');
}

/** One line summarising the line, e.g. "On a call with Ana Silva · 03:12". */
export function trayToolTip(model: DeskModel, now: number): string {
  return clip(tooltipParts(model, now).join(' · '), TOOLTIP_MAX);
}

function tooltipParts(model: DeskModel, now: number): string[] {
  const { line, country } = model;
  if (line.state === 'unauthorized') return ['CallDeck', 'Signed out'];
  if (line.state === 'offline' || line.state === 'error') return ['CallDeck', line.message ? `Offline: ${line.message}` : 'Offline, reconnecting…'];
  if (line.state === 'starting') return ['CallDeck', 'Connecting…'];

  const who = (call: Call) => partyName(call.remote, country);
  const parts: string[] = [];
  const ringing = dndOn(model) ? [] : ringingOldestFirst(model.calls);
  const active = activeCall(model.calls);
  const held = model.calls.filter((call) => call.state === 'held');
  const dialling = model.calls.filter(isDialling);

  if (active !== undefined) {
    parts.push(`On a call with ${who(active)}`, formatDuration(secondsOnCall(active, now)));
    if (active.muted) parts.push('muted');
  } else if (dialling[0] !== undefined) {
    parts.push(awaitingPickUp(dialling[0]) ? pickUpText(who(dialling[0])) : `Calling ${who(dialling[0])}…`);
  } else if (held.length === 1 && held[0] !== undefined && ringing.length === 0) {
    parts.push(`On hold: ${who(held[0])}`);
  }
  if (ringing.length === 1 && ringing[0] !== undefined && parts.length === 0) {
    parts.push(`Ringing: ${who(ringing[0])}`);
    if (ringing[0].via) parts.push(ringing[0].via);
  } else if (ringing.length > 0) {
    parts.push(ringing.length === 1 ? '1 call ringing' : `${ringing.length} calls ringing`);
  }
  if (held.length > 0 && !(parts[0]?.startsWith('On hold') ?? false)) parts.push(`${held.length} on hold`);
  if (parts.length === 0) parts.push('CallDeck', dndOn(model) ? 'Do Not Disturb' : 'No calls');
  else if (dndOn(model)) parts.push('Do Not Disturb');
  if (line.state === 'rate-limited') parts.push('slowed down by Webex');
  const voicemail = voicemailWaitingText(model.voicemail);
  if (voicemail !== undefined) parts.push(voicemail);
  return parts;
}

