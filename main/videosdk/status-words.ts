/**
 * VideoSDK's SIP call statuses as a person reads them, and whether the call is still going (can
 * be ended, has a ticking duration). The SDK lists twenty statuses; VideoSDK may add more, so an
 * unknown one is shown in words built from its name and counts as live until the call has an end.
 */
export interface StatusWords {
  text: string;
  live: boolean;
}

const KNOWN: Record<string, StatusWords> = {
  initiated: { text: 'Dialing', live: true },
  incoming: { text: 'Incoming', live: true },
  verified: { text: 'Connecting', live: true },
  ringing: { text: 'Ringing', live: true },
  answered: { text: 'Answered', live: true },
  'transfer-initiated': { text: 'Transferring', live: true },
  'transfer-accepted': { text: 'Transferring', live: true },
  transferring: { text: 'Transferring', live: true },
  'transfer-ringing': { text: 'Transferring (ringing)', live: true },
  'transfer-failed': { text: 'Transfer failed', live: true },
  'switch-room-initiated': { text: 'Switching room', live: true },
  'switch-room-completed': { text: 'Room switched', live: true },
  'switch-room-failed': { text: 'Room switch failed', live: true },
  ended: { text: 'Ended', live: false },
  transferred: { text: 'Transferred', live: false },
  failed: { text: 'Failed', live: false },
  missed: { text: 'Missed', live: false },
  'not-answered': { text: 'Not answered', live: false },
  rejected: { text: 'Rejected', live: false },
  abandoned: { text: 'Abandoned', live: false },
};

export function statusWords(status: string, hasEnded: boolean): StatusWords {
  const known = Object.hasOwn(KNOWN, status) ? KNOWN[status] : undefined;
  if (known) return known;
  const words = status.replace(/[-_]+/g, ' ').trim();
  return { text: words === '' ? 'Unknown' : words.charAt(0).toUpperCase() + words.slice(1), live: !hasEnded };
}
