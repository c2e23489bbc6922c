/**
 * The user's own voicemail box on the built-in line, as pure transitions. Webex's summary
 * (GET /telephony/voiceMessages/summary) only counts messages, so that is all the line exposes.
 */
import { encodeId } from './transition-kit.js';
import type { LineState, PartyInfo, VoiceMessage } from './line-model.js';

/** Enough for a demo; a real box holds more, but nothing here reads beyond the counts. */
export const VOICEMAIL_CAPACITY = 50;

export function leaveVoicemail(state: LineState, from: PartyInfo, now: string, urgent = false): LineState {
  const seq = state.seq + 1;
  const message: VoiceMessage = { id: encodeId('VOICEMAIL', seq), from, urgent, read: false, time: now };
  return { ...state, seq, voicemail: [message, ...state.voicemail].slice(0, VOICEMAIL_CAPACITY) };
}

/** The user listened to everything (on their desk phone, say): new messages become old. */
export function hearVoicemail(state: LineState): LineState {
  return { ...state, voicemail: state.voicemail.map((m) => (m.read ? m : { ...m, read: true })) };
}

export function deleteHeardVoicemail(state: LineState): LineState {
  return { ...state, voicemail: state.voicemail.filter((m) => !m.read) };
}

/** Webex's documented summary shape. */
export interface VoicemailSummary {
  newMessages: number;
  oldMessages: number;
  newUrgentMessages: number;
  oldUrgentMessages: number;
}

export function voicemailSummary(state: LineState): VoicemailSummary {
  const count = (read: boolean, urgent: boolean) => state.voicemail.filter((m) => m.read === read && m.urgent === urgent).length;
  // Webex counts urgent messages within the totals as well as on their own.
  return {
    newMessages: count(false, false) + count(false, true),
    oldMessages: count(true, false) + count(true, true),
    newUrgentMessages: count(false, true),
    oldUrgentMessages: count(true, true),
  };
}
