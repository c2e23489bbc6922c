/**
 * Call-outs Webex will not list: "Participants in the pending state will not be listed". CallDeck
 * remembers each from the POST until the roster shows the person (joined) or Webex's 30 seconds of
 * ringing are up (no answer). Time comes from the Clock port, so tests move it by hand.
 */
import type { PendingCallout } from '../../preload/contract.js';
import { CALLOUT_RING_MS } from '../../preload/common/meetings.js';
import type { Clock, TimerHandle } from '../core/ports.js';

interface Tracked {
  participantId: string;
  displayName: string;
  address: string;
  startedAt: number;
  state: 'ringing' | 'no-answer';
  /** Roster ids present when the call-out started: a new id with the same name is this person. */
  knownIds: ReadonlySet<string>;
}

export interface RosterEntry {
  id: string;
  displayName: string;
}

export interface PendingCallouts {
  add(callout: { participantId: string; displayName: string; address: string }, roster: readonly RosterEntry[]): void;
  /** Drops call-outs the roster now shows; returns the ids that joined. */
  reconcile(roster: readonly RosterEntry[]): string[];
  remove(participantId: string): boolean;
  has(participantId: string): boolean;
  isRinging(participantId: string): boolean;
  list(): PendingCallout[];
  clear(): void;
}

export function createPendingCallouts(deps: { clock: Clock; onChange: () => void }): PendingCallouts {
  const { clock } = deps;
  let items: Tracked[] = [];
  const timers = new Map<string, TimerHandle>();

  const stop = (id: string) => {
    const handle = timers.get(id);
    if (handle !== undefined) clock.clearTimeout(handle);
    timers.delete(id);
  };

  const joinedBy = (item: Tracked, roster: readonly RosterEntry[]) =>
    roster.some((p) => p.id === item.participantId || (!item.knownIds.has(p.id) && p.displayName === item.displayName));

  return {
    add(callout, roster) {
      const item: Tracked = {
        ...callout,
        startedAt: clock.now(),
        state: 'ringing',
        knownIds: new Set(roster.map((p) => p.id)),
      };
      items = [...items.filter((i) => i.participantId !== callout.participantId), item];
      stop(callout.participantId);
      timers.set(
        callout.participantId,
        clock.setTimeout(() => {
          timers.delete(callout.participantId);
          items = items.map((i) => (i.participantId === callout.participantId ? { ...i, state: 'no-answer' } : i));
          deps.onChange();
        }, CALLOUT_RING_MS),
      );
    },
    reconcile(roster) {
      const joined = items.filter((i) => i.state === 'ringing' && joinedBy(i, roster)).map((i) => i.participantId);
      for (const id of joined) stop(id);
      items = items.filter((i) => !joined.includes(i.participantId));
      return joined;
    },
    remove(participantId) {
      stop(participantId);
      const before = items.length;
      items = items.filter((i) => i.participantId !== participantId);
      return items.length !== before;
    },
    has: (participantId) => items.some((i) => i.participantId === participantId),
    isRinging: (participantId) => items.some((i) => i.participantId === participantId && i.state === 'ringing'),
    list: () =>
      items.map((i) => ({
        participantId: i.participantId,
        displayName: i.displayName,
        address: i.address,
        startedAt: new Date(i.startedAt).toISOString(),
        endsAt: new Date(i.startedAt + CALLOUT_RING_MS).toISOString(),
        state: i.state,
      })),
    clear() {
      for (const id of [...timers.keys()]) stop(id);
      items = [];
    },
  };
}
