import type { Call, CallAction, CallState } from '../../preload/contract.js';

export type Intent = 'answer' | 'holdResume' | 'hangupDecline' | 'muteUnmute';

export type IntentTarget =
  | { kind: 'act'; callId: string; action: CallAction }
  | { kind: 'nothing'; reason: string };

/**
 * Which call a hotkey, tray item or popup button means, decided in one place so they all agree.
 * An action is only chosen when the call offers it right now (so an offline line, whose calls
 * offer nothing, does nothing rather than fire a request that cannot work).
 */
export function resolveIntent(intent: Intent, calls: readonly Call[]): IntentTarget {
  switch (intent) {
    case 'answer':
      return answerTarget(calls);
    case 'holdResume':
      return holdResumeTarget(calls);
    case 'hangupDecline':
      return hangupDeclineTarget(calls);
    case 'muteUnmute':
      return muteTarget(calls);
  }
}

function answerTarget(calls: readonly Call[]): IntentTarget {
  // Oldest first: the caller who has waited longest, like a queue.
  const ringing = ringingOldestFirst(calls)[0];
  if (ringing === undefined) return nothing('No call is ringing.');
  return offer(ringing, 'answer', 'This call cannot be answered from CallDeck right now.');
}

function holdResumeTarget(calls: readonly Call[]): IntentTarget {
  const active = activeCall(calls);
  if (active !== undefined) return offer(active, 'hold', 'This call cannot be put on hold right now.');
  const held = mostRecentlyHeld(calls);
  if (held !== undefined) return offer(held, 'resume', 'This call cannot be resumed right now.');
  return nothing('No call to hold or resume.');
}

function hangupDeclineTarget(calls: readonly Call[]): IntentTarget {
  const active = activeCall(calls);
  if (active !== undefined) return offer(active, 'hangup', 'This call cannot be ended from CallDeck right now.');
  // A call we are dialling out, or our own phone alerting for a dial (Click to Dial): the hotkey cancels it.
  const dialling = newestFirst(calls.filter(isDialling))[0];
  if (dialling !== undefined) return offer(dialling, 'hangup', 'This call cannot be ended from CallDeck right now.');
  // The same call the answer hotkey would take, so the two keys never disagree about "the" call.
  const ringing = ringingOldestFirst(calls)[0];
  if (ringing !== undefined) return offer(ringing, 'decline', 'This call cannot be declined from CallDeck right now.');
  // A held caller is never hung up by a blind key press: resume first, then hang up.
  if (calls.some((call) => call.state === 'held')) return nothing('Only calls on hold: resume one to hang it up.');
  return nothing('No call to hang up.');
}

function muteTarget(calls: readonly Call[]): IntentTarget {
  const active = activeCall(calls);
  if (active === undefined) return nothing('No connected call to mute.');
  if (!active.muteCapable) return nothing('This call cannot be muted from CallDeck; use the phone.');
  return active.muted
    ? offer(active, 'unmute', 'This call cannot be unmuted right now.')
    : offer(active, 'mute', 'This call cannot be muted right now.');
}

const TALKING: readonly CallState[] = ['connected', 'remoteHeld'];

/**
 * The call we are talking on; a remote hold still counts as ours to hold, mute or hang up. The
 * tray and popup name calls with these same rules, so what they show is what the keys act on.
 */
export function activeCall(calls: readonly Call[]): Call | undefined {
  const talking = calls.filter((call) => TALKING.includes(call.state));
  // Prefer a fully connected call, then the one answered most recently.
  return sortedByTime(talking, answeredOrCreated, (a, b) => Number(b.call.state === 'connected') - Number(a.call.state === 'connected') || b.at - a.at)[0];
}

/**
 * Webex does not say when a call was put on hold, so "most recently held" is approximated by the
 * most recently answered held call: you hold A to take B, then hold B — B was answered (and held)
 * last. It can be wrong after resuming and re-holding an older call.
 */
function mostRecentlyHeld(calls: readonly Call[]): Call | undefined {
  const held = calls.filter((call) => call.state === 'held');
  return sortedByTime(held, answeredOrCreated, (a, b) => b.at - a.at || b.call.id.localeCompare(a.call.id))[0];
}

/**
 * A ringing call for us: an incoming call alerting. A Click to Dial call also alerts our devices,
 * but it is our own dial waiting for us to pick up the phone: never a call to answer or decline.
 */
export function isRinging(call: Call): boolean {
  return call.state === 'alerting' && call.personality === 'terminator';
}

/** A call we asked for that is not connected yet: our phone alerting for a dial, or the far end ringing. */
export function isDialling(call: Call): boolean {
  return call.state === 'connecting' || (call.state === 'alerting' && call.personality === 'clickToDial');
}

/** The ringing calls, the caller who has waited longest first (the one Answer takes). */
export function ringingOldestFirst(calls: readonly Call[]): Call[] {
  return oldestFirst(calls.filter(isRinging));
}

function oldestFirst(calls: readonly Call[]): Call[] {
  return sortedByTime(calls, (call) => call.createdAt, (a, b) => a.at - b.at || a.call.id.localeCompare(b.call.id));
}

function newestFirst(calls: readonly Call[]): Call[] {
  return oldestFirst(calls).reverse();
}

function offer(call: Call, action: CallAction, unavailable: string): IntentTarget {
  return call.actions.includes(action) ? { kind: 'act', callId: call.id, action } : nothing(unavailable);
}

function nothing(reason: string): IntentTarget {
  return { kind: 'nothing', reason };
}

interface Timed {
  call: Call;
  at: number;
}

const answeredOrCreated = (call: Call) => call.answeredAt ?? call.createdAt;

/**
 * Sorts with each call's time parsed once. The tray, the popup and every hotkey sort on each
 * snapshot; Date.parse inside a comparator ran n·log n times per sort, a hot spot with many calls.
 */
function sortedByTime(calls: readonly Call[], when: (call: Call) => string, compare: (a: Timed, b: Timed) => number): Call[] {
  return calls
    .map((call) => ({ call, at: time(when(call)) }))
    .sort(compare)
    .map((timed) => timed.call);
}

function time(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}
