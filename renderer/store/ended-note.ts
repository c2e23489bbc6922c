import type { Call, CallOutcome } from '../../preload/contract';
import type { NoteItem } from './ui-slice';

/**
 * The note for a call that left the list. What the person did is said as what they did (never
 * "Missed call"); "Missed call" only on Webex's missed record; a call that rang and went with no
 * record says a neutral "Call ended". A call the person hung up after talking needs no note.
 * Ignoring already has its own note when the button is pressed.
 */
export function endedNote(call: Call, outcome: CallOutcome, who: string): Omit<NoteItem, 'id'> | undefined {
  switch (outcome) {
    case 'missed':
      return { kind: 'missed', text: `Missed call: ${who}` };
    case 'answered-elsewhere':
      return { kind: 'answered-elsewhere', text: `Answered elsewhere: ${who}` };
    case 'declined':
      return { kind: 'ended', text: `You declined the call from ${who}` };
    case 'forwarded':
      return { kind: 'ended', text: `You forwarded the call from ${who}` };
    case 'voicemail':
      return { kind: 'ended', text: `You sent ${who} to voicemail` };
    case 'cancelled':
      return { kind: 'ended', text: `You cancelled the call to ${who}` };
    case 'ignored':
      return undefined;
    case 'ended':
      // Only worth saying for a call that was still ringing in: it stopped, and we do not know why.
      return call.state === 'alerting' && call.personality === 'terminator' ? { kind: 'ended', text: `Call ended: ${who}` } : undefined;
  }
}
