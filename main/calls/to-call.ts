import type { Call, Party } from '../../preload/contract.js';
import type { WebexCall, WebexParty } from '../providers/webex/schemas.js';
import { offeredActions } from './offered-actions.js';

type Redirection = NonNullable<WebexCall['redirections']>[number];

/**
 * The call as the window, tray and hotkeys see it. Optional keys are left out rather than set to
 * undefined, so two calls built from the same data are structurally identical (the sync engine
 * relies on that to tell whether anything changed).
 */
export function toCall(raw: WebexCall): Call {
  const call: Call = {
    id: raw.id,
    sessionId: raw.callSessionId,
    personality: raw.personality,
    state: raw.state,
    remote: toParty(raw.remoteParty),
    createdAt: raw.created,
    muteCapable: raw.muteCapable,
    muted: raw.muted,
    actions: offeredActions(raw),
  };
  const via = raw.state === 'alerting' ? viaPhrase(raw.redirections) : undefined;
  if (via !== undefined) call.via = via;
  const recall = recallPhrase(raw.recall);
  if (recall !== undefined) call.recall = recall;
  if (raw.answered !== undefined) call.answeredAt = raw.answered;
  // An unknown recording state says nothing we can show or act on.
  if (raw.recordingState !== undefined && raw.recordingState !== 'unknown') call.recording = raw.recordingState;
  return call;
}

export function toParty(raw: WebexParty): Party {
  // Webex should already omit name/number under privacy; we do not rely on it.
  if (raw.privacyEnabled) return { privacy: true };
  const party: Party = { privacy: false };
  if (raw.name !== undefined && raw.name.trim() !== '') party.name = raw.name;
  if (raw.number !== undefined && raw.number.trim() !== '') party.number = raw.number;
  return party;
}

/** Webex lists redirections most recent first; the most recent one is why it rings here. */
export function viaPhrase(redirections: readonly Redirection[] | undefined): string | undefined {
  const latest = redirections?.[0];
  if (latest === undefined) return undefined;
  const party = latest.redirectingParty;
  switch (latest.reason) {
    case 'huntGroup':
      return `via ${groupName(party, 'hunt group', /hunt\s*group$/i)}`;
    case 'callQueue':
      return `via ${groupName(party, 'call queue', /queue$/i)}`;
    case 'unconditional':
      return `forwarded by ${who(party)}`;
    case 'busy':
      return `forwarded by ${who(party)} (busy)`;
    case 'noAnswer':
      return `forwarded by ${who(party)} (no answer)`;
    case 'unavailable':
      return `forwarded by ${who(party)} (unavailable)`;
    case 'timeOfDay':
      return `forwarded by ${who(party)} (schedule)`;
    case 'divert':
      return `diverted by ${who(party)}`;
    case 'followMe':
      return `simultaneous ring for ${who(party)}`;
    case 'unknown':
      return `redirected by ${who(party)}`;
  }
}

export function recallPhrase(recall: WebexCall['recall']): string | undefined {
  if (recall === undefined) return undefined;
  if (recall.type === 'park') {
    const where = recall.party === undefined ? undefined : (nonEmpty(recall.party.number) ?? nonEmpty(recall.party.name));
    return where === undefined ? 'Recall: parked call' : `Recall: parked on ${where}`;
  }
  // Webex says more recall types may come; say what we can rather than nothing.
  return 'Recall';
}

function who(party: WebexParty): string {
  if (party.privacyEnabled) return 'a private number';
  return nonEmpty(party.name) ?? nonEmpty(party.number) ?? 'someone';
}

/** "Sales" reads "Sales hunt group", but a group already named "Sales Hunt Group" stays as it is. */
function groupName(party: WebexParty, kind: string, alreadySays: RegExp): string {
  const name = party.privacyEnabled ? undefined : nonEmpty(party.name);
  if (name !== undefined) return alreadySays.test(name) ? name : `${name} ${kind}`;
  const number = party.privacyEnabled ? undefined : nonEmpty(party.number);
  return number !== undefined ? `${kind} ${number}` : `a ${kind}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}
